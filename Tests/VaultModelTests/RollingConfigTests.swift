import Testing

@testable import VaultModel

@Suite("The config's rolling window and trend thresholds")
struct RollingConfigTests {
    @Test func defaultsAreSixtyDaysAndFivePoints() throws {
        let config = try VaultConfig.parse("prices: Prices\n", file: "c")
        #expect(config.correlation.rolling == 60)
        #expect(config.labels.trend == .init(rising: 0.05, falling: -0.05))
    }

    @Test func readsTheWindowAndTheThresholds() throws {
        let config = try VaultConfig.parse(
            """
            correlation:
              rolling: 30
            labels:
              trend: {rising: 0.1, falling: -0.02}
            """, file: "c")
        #expect(config.correlation.rolling == 30)
        #expect(config.labels.trend == .init(rising: 0.1, falling: -0.02))
        // The other label scales keep their defaults.
        #expect(config.labels.correlation == VaultConfig.LabelSettings().correlation)
    }

    @Test(arguments: [
        ("correlation:\n  rolling: 1\n", 2, "rolling must be a whole number of days of at least 2"),
        (
            "correlation:\n  min-overlap: 20\n  rolling: 60d\n", 3,
            "rolling must be a whole number of days of at least 2"
        ),
        ("labels:\n  trend:\n    up: 0.1\n", 3, "unknown trend 'up' in 'labels.trend' (rising, falling)"),
        ("labels:\n  trend:\n    rising: lots\n", 3, "the change for 'rising' must be a number"),
        (
            "labels:\n  trend: {rising: -0.1, falling: 0.1}\n", 2,
            "labels.trend: falling (0.1) must be below rising (-0.1)"
        ),
    ])
    func aBadValueNamesItsLine(yaml: String, line: Int, message: String) {
        #expect(throws: ConfigError(file: "c", line: line, message: message)) {
            try VaultConfig.parse(yaml, file: "c")
        }
    }

    @Test(arguments: [(0.05, "rising"), (0.2, "rising"), (0.049, "steady"), (-0.049, "steady"), (-0.05, "falling")])
    func theWordOfAChange(change: Double, word: String) {
        #expect(VaultConfig.TrendThresholds().word(for: change) == word)
    }
}
