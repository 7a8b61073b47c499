import Correlation
import Figures
import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

/// A label is chosen from the value as printed, and a threshold applies from its own value up.
@Suite("Labels on a refreshed note: chosen from the printed value, thresholds inclusive")
struct LabelTests {
    /// r = 0.5975 (to 1e-12): AAA's ±1 pattern mixed with the orthogonal pattern of DDD, as 0.5975 a + 0.8019 b.
    static let prices: [String: Result<PriceSeries, PriceProblem>] = {
        let mix = 0.5975
        let rest = (1 - mix * mix).squareRoot()
        var prices = KnownPrices.all
        prices["EEE"] = .success(
            KnownPrices.series("EEE") { mix * KnownPrices.alternating($0) + rest * KnownPrices.pairs($0) })
        return prices
    }()

    @Test func numberFormRoundsToWhatIsPrinted() {
        #expect(NumberForm(decimals: 2).rounded(0.5975) == 0.6)
        #expect(NumberForm(decimals: 2).format(0.5975) == "0.60")
        #expect(NumberForm(decimals: 4).rounded(0.5975) == 0.5975)
        #expect(NumberForm(decimals: 0, percent: true).rounded(0.5975) == 0.6)
        #expect(NumberForm(decimals: 1, percent: true).rounded(0.5975) == 0.598)
    }

    @Test func aValuePrintedAsTheThresholdGetsItsLabel() throws {
        let note = """
            ---
            tickers: [AAA, EEE]
            ---
            - AAA-EEE correlation: 0.10 (weak)
            - AAA-EEE correlation to four places: 0.1000 (weak)

            """
        let (result, text) = try plan(["S.md": note], prices: Self.prices)
        #expect(result.warnings == [])
        // 0.5975 printed as 0.60 is strong, as the reader sees it; printed to four places it stays moderate.
        #expect(
            text("S.md") == """
                ---
                tickers: [AAA, EEE]
                ---
                - AAA-EEE correlation: 0.60 (strong)
                - AAA-EEE correlation to four places: 0.5975 (moderate)

                """)
    }

    /// The whole run, from the config file and price files: two identical series with a top threshold of 1.0.
    @Test func aConfiguredThresholdOfOneLabelsTwoIdenticalSeries() throws {
        let scratch = try Scratch("labels")
        let root = scratch.url
        let config = """
            labels:
              correlation: {perfect: 1.0, strong: 0.6, moderate: 0.4, weak: 0.2, near zero: -0.2, negative: -1}

            """
        try Data(config.utf8).write(to: root.appendingPathComponent(".vaultgen.yml"))
        let prices = root.appendingPathComponent("Prices")
        try FileManager.default.createDirectory(at: prices, withIntermediateDirectories: true)
        // 100 weekdays and weekends alike of closes that wander (no two returns alike), the same in both files.
        var csv = "Date,Close\n"
        var close = 100.0
        for i in 0..<100 {
            close *= 1 + Double((i * 37) % 23 - 11) / 400
            csv += "\(Day(daysSince1970: 19_723 + i).iso),\(String(format: "%.4f", close))\n"
        }
        for ticker in ["AAA", "BBB"] {
            try Data(csv.utf8).write(to: prices.appendingPathComponent("\(ticker).csv"))
        }
        let note = root.appendingPathComponent("Pair.md")
        try Data("---\ntickers: [AAA, BBB]\n---\n# Pair\n\nAAA–BBB correlation: 0.10 (weak).\n".utf8).write(to: note)
        let result = try CLI.run(["update", root.path, "--templates", Repo.templates.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(
            try String(contentsOf: note, encoding: .utf8)
                == "---\ntickers: [AAA, BBB]\n---\n# Pair\n\nAAA–BBB correlation: 1.00 (perfect).\n")
    }
}
