import Testing

@testable import VaultModel

/// Numbers in `.vaultgen.yml` that would trap or hang (issue 15, item 13): refused with their line.
@Suite("Config numbers: ranges, NaN and huge values name their line")
struct ConfigNumberTests {
    @Test(arguments: [
        ("fetch: {retries: 1e300}", "'retries' must be a whole number from 0 to 100"),
        ("fetch: {retries: 2.5}", "'retries' must be a whole number from 0 to 100"),
        ("fetch: {retries: -1}", "'retries' must be a whole number from 0 to 100"),
        ("fetch: {timeout: 1e16}", "'timeout' must be a number of seconds from 0.1 to 3600"),
        ("fetch: {timeout: .inf}", "'timeout' must be a number of seconds from 0.1 to 3600"),
        ("fetch: {timeout: nan}", "'timeout' must be a number of seconds from 0.1 to 3600"),
        ("fetch: {rate: 1e308}", "'rate' must be a number of requests per second from 0.01 to 1000"),
        ("fetch: {rate: inf}", "'rate' must be a number of requests per second from 0.01 to 1000"),
        ("labels: {correlation: {strong: nan}}", "the lowest value for 'strong' must be a number from -1 to 1"),
        ("labels: {correlation: {strong: 1e300}}", "the lowest value for 'strong' must be a number from -1 to 1"),
        ("correlation: {min-overlap: 99999999999999999999}", "min-overlap must be a whole number of at least 2"),
    ])
    func aNumberOutOfRangeIsAnErrorOnItsLine(yaml: String, message: String) {
        let text = "prices: Prices\n" + yaml + "\n"
        #expect(throws: ConfigError(file: ".vaultgen.yml", line: 2, message: message)) {
            try VaultConfig.parse(text, file: ".vaultgen.yml")
        }
    }

    @Test func numbersInRangeAreTaken() throws {
        let config = try VaultConfig.parse(
            "fetch: {retries: 100, timeout: 3600, rate: 0.01}\nlabels: {correlation: {strong: 1, negative: -1}}\n",
            file: ".vaultgen.yml")
        #expect(config.fetch.retries == 100)
        #expect(config.fetch.timeout == 3600)
        #expect(config.fetch.rate == 0.01)
        #expect(config.labels.correlation.map(\.minimum) == [1, -1])
    }
}
