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

    /// `--format json`: stdout is one object with every ticker's outcome, fitting docs/schemas/vaultgen.fetch.
    @Test func jsonGivesEveryTickersOutcome() throws {
        let vault = try FetchVault(
            .stooq,
            routes: [("s=bad.us&", [LoopbackServer.Reply.htmlPage]), ("s=hut.us&", [Answer.bars(.stooq, hutAnswer)])],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let result = try CLI.run(["fetch", vault.root.path, "--tickers", "BAD,HUT", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.err == "")
        #expect(try SchemaValidator.problems(result.out, schema: "fetch") == [])
        let report = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(report["schema"] as? String == "vaultgen.fetch/1")
        #expect(report["vault"] as? String == vault.root.path)
        #expect(report["exitStatus"] as? Int == 1)
        let tickers = try #require(report["tickers"] as? [[String: Any]])
        #expect(tickers.map { $0["ticker"] as? String } == ["BAD", "HUT"])
        #expect(tickers[0]["outcome"] as? String == "failed")
        #expect(tickers[0]["failure"] as? String == "html-page")
        #expect(
            tickers[0]["reason"] as? String == "got a web page instead of prices (an error or bot-check page)")
        #expect(tickers[1]["outcome"] as? String == "updated")
        #expect(tickers[1]["rows"] as? Int == 2)
        #expect(
            report["summary"] as? [String: Int] == [
                "tickers": 2, "downloaded": 0, "updated": 1, "upToDate": 0, "rewritten": 0, "wouldRequest": 0,
                "failed": 1,
            ])
        #expect(vault.file("HUT") == hutFile + "2024-03-26,12.0\n2024-03-27,12.25\n")

        let planned = try CLI.run(["fetch", vault.root.path, "--tickers", "HUT", "--dry-run", "--format", "json"])
        #expect(planned.status == 0)
        #expect(try SchemaValidator.problems(planned.out, schema: "fetch") == [])
        let plan = try #require(JSONSerialization.jsonObject(with: Data(planned.out.utf8)) as? [String: Any])
        let hut = try #require((plan["tickers"] as? [[String: Any]])?.first)
        #expect(hut["outcome"] as? String == "would-request")
        #expect((hut["request"] as? String)?.contains("s=hut.us&") == true)
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

    /// `update --fetch --format json`: the fetch's lines go to stderr, stdout is the update's report alone.
    @Test func updateWithFetchAsJSONKeepsTheFetchLinesOnStderr() throws {
        let vault = try FetchVault(.stooq, routes: [("/q/d/l/", [.status(500)])], copying: Repo.sampleVault)
        defer { vault.remove() }
        let result = try CLI.run(["update", vault.root.path, "--fetch", "--as-of", "2026-01-30", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("CORZ: failed: HTTP 500\n"))
        #expect(result.err.contains("8 tickers: 0 downloaded, 0 updated, 0 up to date, 0 rewritten, 8 failed\n"))
        #expect(try SchemaValidator.problems(result.out, schema: "update") == [])
        let report = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(report["exitReason"] as? String == "fetch-failed")
        #expect((report["summary"] as? [String: Int])?["notesRead"] == 19)
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
