import Fetch
import Foundation
import TestSupport
import Testing

@Suite("vaultgen fetch and update --fetch: lines and exit status")
struct FetchCommandLineTests {
    @Test func aFailedTickerExitsOneAfterTheOthersAreWritten() throws {
        let vault = try FetchVault(
            .stooq,
            routes: [("s=bad.us&", [LoopbackServer.Reply.htmlPage]), ("s=hut.us&", [Answer.bars(.stooq, hutAnswer)])],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let result = try CLI.run(["fetch", vault.root.path, "--tickers", "BAD,HUT"])
        #expect(result.status == 1)
        #expect(
            result.out == """
                BAD: failed: got a web page instead of prices (an error or bot-check page)
                HUT: updated 2 rows
                2 tickers: 0 downloaded, 1 updated, 0 up to date, 0 rewritten, 1 failed

                """)
        #expect(vault.file("HUT") == hutFile + "2024-03-26,12.0\n2024-03-27,12.25\n")
    }

    @Test func everyTickerUpToDateExitsZero() throws {
        let vault = try FetchVault(
            .stooq, routes: [("s=hut.us&", [Answer.bars(.stooq, Array(hutAnswer.prefix(5)))])], files: ["HUT": hutFile])
        defer { vault.remove() }
        let result = try CLI.run(["fetch", vault.root.path, "--tickers", "HUT"])
        #expect(result.status == 0)
        #expect(
            result.out == "HUT: up to date\n1 ticker: 0 downloaded, 0 updated, 1 up to date, 0 rewritten, 0 failed\n")
    }

    @Test(arguments: [
        ["fetch", "--tickers", ""], ["fetch", "--tickers", "HUT,../x"], ["fetch", "/nonexistent/vault"],
    ])
    func usageAndSetupErrorsExitTwo(arguments: [String]) throws {
        #expect(try CLI.run(arguments).status == 2)
    }

    @Test func updateWithFetchFetchesFirstThenUpdatesAndExitsOneWhenATickerFailed() throws {
        let vault = try FetchVault(.stooq, routes: [("/q/d/l/", [.status(500)])], copying: Repo.sampleVault)
        defer { vault.remove() }
        let before = vault.file("HUT")
        let result = try CLI.run(
            ["update", vault.root.path, "--fetch", "--templates", Repo.templates.path, "--as-of", "2026-01-30"])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "CORZ: failed: HTTP 500")
        #expect(lines.contains("8 tickers: 0 downloaded, 0 updated, 0 up to date, 0 rewritten, 8 failed"))
        #expect(lines.last?.hasPrefix("19 notes read, 3 sector notes") == true, "then the update ran: \(result.out)")
        #expect(vault.file("HUT") == before)
    }
}
