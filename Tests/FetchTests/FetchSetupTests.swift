import Fetch
import Foundation
import TestSupport
import Testing

@Suite("What to fetch, and what stops a fetch before any request")
struct FetchSetupTests {
    @Test func theTickersAreTheSectorNotesThenTheConfigsEachOnce() throws {
        let vault = try FetchVault(
            .stooq, routes: [], settings: "  tickers: [SPY, HUT]", copying: Repo.sampleVault)
        defer { vault.remove() }
        let (report, _) = try vault.fetch(nil, dryRun: true)
        #expect(report.results.map(\.ticker) == ["CORZ", "HUT", "IREN", "WULF", "EQIX", "DLR", "AMT", "IRM", "SPY"])
    }

    @Test func aDryRunPrintsTheRequestsWithTheKeyHiddenAndAsksNothing() throws {
        let vault = try FetchVault(
            .stooq, routes: [], files: ["HUT": hutFile], settings: "  key-env: VAULTGEN_TEST_KEY")
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT", "IREN"], dryRun: true, environment: ["VAULTGEN_TEST_KEY": "s3cret"])
        #expect(
            report.results.map(\.line) == [
                "HUT: would request \(vault.server.baseURL)/q/d/l/?s=hut.us&i=d&d1=20240319&d2=20240329&apikey=***",
                "IREN: would request \(vault.server.baseURL)/q/d/l/?s=iren.us&i=d&apikey=***",
            ])
        #expect(report.summary == "2 tickers: 2 would be requested, 0 failed")
        #expect(vault.server.requests.isEmpty)
        #expect(vault.file("IREN") == nil)
    }

    @Test func theKeyComesFromTheEnvironmentVariableTheConfigNames() throws {
        let vault = try FetchVault(
            .stooq, routes: [("s=hut.us&", [Answer.bars(.stooq, hutAnswer)])], files: ["HUT": hutFile],
            settings: "  key-env: VAULTGEN_TEST_KEY")
        defer { vault.remove() }
        _ = try vault.fetch(["HUT"], environment: ["VAULTGEN_TEST_KEY": "s3cret"])
        #expect(vault.server.requests == ["/q/d/l/?s=hut.us&i=d&d1=20240319&d2=20240329&apikey=s3cret"])
    }

    @Test func aKeyVariableThatIsNotSetStopsTheRun() throws {
        let vault = try FetchVault(.stooq, routes: [], settings: "  key-env: VAULTGEN_TEST_KEY")
        defer { vault.remove() }
        let error = #expect(throws: FetchSetupError.self) { try vault.fetch(["HUT"], environment: [:]) }
        #expect(error?.description.hasPrefix("fetch: key-env names VAULTGEN_TEST_KEY, which is not set") == true)
    }

    @Test func aBaseURLThatIsNotHTTPStopsTheRun() throws {
        let vault = try FetchVault(.yahoo, routes: [], baseURL: "ftp://mirror.example")
        defer { vault.remove() }
        let error = #expect(throws: FetchSetupError.self) { try vault.fetch(["HUT"]) }
        #expect(error?.description == "fetch: base-url 'ftp://mirror.example' is not an http or https URL")
    }

    @Test func aConfigTickerThatCannotBeAFileNameStopsTheRun() throws {
        let vault = try FetchVault(.stooq, routes: [], settings: "  tickers: [\"../notes\"]")
        defer { vault.remove() }
        let error = #expect(throws: FetchSetupError.self) { try vault.fetch(nil) }
        #expect(error?.description == "'../notes' is not a ticker (like HUT, BTC-USD, BRK.B, ^GSPC)")
        #expect(vault.server.requests.isEmpty)
    }
}
