import Fetch
import Foundation
import Testing

/// A file that ends on Monday 2024-03-25; a fetch asks from its fifth-last day, 2024-03-19.
let hutFile = """
    Date,Close
    2024-03-18,10.5
    2024-03-19,10.75
    2024-03-20,11.0
    2024-03-21,11.25
    2024-03-22,11.5
    2024-03-25,11.75

    """

/// The provider's view of the same days, then two new ones.
let hutAnswer = [
    Row("2024-03-19", 10.75), Row("2024-03-20", 11.0), Row("2024-03-21", 11.25), Row("2024-03-22", 11.5),
    Row("2024-03-25", 11.75), Row("2024-03-26", 12.0), Row("2024-03-27", 12.25),
]

@Suite("vaultgen fetch against a loopback server")
struct FetchRunTests {
    @Test(arguments: PriceProvider.allCases)
    func firstDownloadWritesTheWholeHistoryAsDateCloseWithAdjustedCloses(provider: PriceProvider) throws {
        let answer = [Row("2024-03-26", 24.0, adjusted: 12.0), Row("2024-03-27", 24.5, adjusted: 12.25)]
        let vault = try FetchVault(provider, routes: [(Answer.route(provider, "HUT"), [Answer.bars(provider, answer)])])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: downloaded 2 rows (new file)"])
        #expect(report.exitStatus == 0)
        #expect(vault.file("HUT") == "Date,Close\n2024-03-26,12.0\n2024-03-27,12.25\n")
        let request = try #require(vault.server.requests.first)
        switch provider {
        case .stooq: #expect(request == "/q/d/l/?s=hut.us&i=d")
        case .yahoo:
            #expect(request.hasPrefix("/v8/finance/chart/HUT?period1=-2208988800&period2=1711756800&interval=1d"))
        }
    }

    @Test(arguments: PriceProvider.allCases)
    func incrementalFetchAppendsTheNewDaysAndKeepsEveryByte(provider: PriceProvider) throws {
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [Answer.bars(provider, hutAnswer)])],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: updated 2 rows"])
        #expect(vault.file("HUT") == hutFile + "2024-03-26,12.0\n2024-03-27,12.25\n")
        let request = try #require(vault.server.requests.first)
        switch provider {
        case .stooq: #expect(request == "/q/d/l/?s=hut.us&i=d&d1=20240319&d2=20240329")
        case .yahoo: #expect(request.contains("period1=1710720000&period2=1711756800"))
        }
    }

    @Test(arguments: PriceProvider.allCases)
    func reAdjustedHistoryRewritesTheWholeFileFromTheFullHistory(provider: PriceProvider) throws {
        // A 2:1 split after the file was written: every older close is halved in the provider's history.
        let vault = try FetchVault.reAdjusted(provider, file: hutFile)
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: rewrote 8 rows (history re-adjusted)"])
        #expect(
            vault.file("HUT") == """
                Date,Close
                2024-03-18,5.25
                2024-03-19,5.375
                2024-03-20,5.5
                2024-03-21,5.625
                2024-03-22,5.75
                2024-03-25,5.875
                2024-03-26,6.0
                2024-03-27,6.125

                """)
        #expect(vault.server.requests.count == 2)
    }

    @Test(arguments: PriceProvider.allCases)
    func tooManyRequestsThenSuccessHonoursRetryAfter(provider: PriceProvider) throws {
        let vault = try FetchVault(
            provider,
            routes: [
                (Answer.route(provider, "HUT"), [.status(429, retryAfter: "7"), Answer.bars(provider, hutAnswer)])
            ],
            files: ["HUT": hutFile], retries: 2)
        defer { vault.remove() }
        let (report, pauses) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: updated 2 rows"])
        #expect(pauses == [7])
        #expect(vault.server.requests.count == 2)
    }

    @Test(arguments: PriceProvider.allCases)
    func serverErrorsExhaustTheRetriesWithBackoffAndLeaveTheFile(provider: PriceProvider) throws {
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [.status(500)])], files: ["HUT": hutFile], retries: 2)
        defer { vault.remove() }
        let (report, pauses) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: failed: HTTP 500 after 3 tries"])
        #expect(report.exitStatus == 1)
        #expect(pauses == [1, 2])
        #expect(vault.server.requests.count == 3)
        #expect(vault.file("HUT") == hutFile)
    }

    @Test(arguments: PriceProvider.allCases)
    func aServerThatNeverAnswersTimesOutOnEveryTry(provider: PriceProvider) throws {
        var slow = Answer.bars(provider, hutAnswer)
        slow.delay = 10
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [slow])], files: ["HUT": hutFile], timeout: 0.3,
            retries: 1)
        defer { vault.remove() }
        let started = Date()
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: failed: timed out after 2 tries"])
        #expect(Date().timeIntervalSince(started) < 5, "each try stops at its deadline, not at the server's")
        #expect(vault.file("HUT") == hutFile)
    }

    /// A retry after a timeout gets a whole deadline of its own; a sub-second one, which FoundationNetworking's
    /// own timer cannot keep (it counts whole seconds).
    @Test(arguments: PriceProvider.allCases)
    func aTimeoutThenAnAnswerWithinTheDeadlineIsTaken(provider: PriceProvider) throws {
        var stuck = Answer.bars(provider, hutAnswer)
        stuck.delay = 10
        // The answer comes well within the second deadline: with 0.2 s of 0.8, the whole suite's load on two
        // cores once made the retry miss it too.
        var slow = Answer.bars(provider, hutAnswer)
        slow.delay = 0.05
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [stuck, slow])], files: ["HUT": hutFile],
            timeout: 0.8, retries: 1)
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: updated 2 rows"])
    }

    @Test(arguments: PriceProvider.allCases)
    func anHTMLPageWithStatus200LeavesTheFileByteIdentical(provider: PriceProvider) throws {
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [LoopbackServer.Reply.htmlPage])],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == ["HUT: failed: got a web page instead of prices (an error or bot-check page)"]
        )
        #expect(vault.file("HUT") == hutFile)
    }

    @Test(arguments: PriceProvider.allCases)
    func aTruncatedAnswerLeavesTheFileByteIdentical(provider: PriceProvider) throws {
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [Answer.truncated(provider, hutAnswer)])],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        let expected: String
        switch provider {
        case .stooq: expected = "HUT: failed: malformed response: row 8 has 5 cells, the header 6 (truncated?)"
        case .yahoo: expected = "HUT: failed: malformed response: not Yahoo's chart JSON (truncated or another shape)"
        }
        #expect(report.results.map(\.line) == [expected])
        #expect(vault.file("HUT") == hutFile)
    }

    @Test(arguments: PriceProvider.allCases)
    func anUnknownTickerFailsInTheProvidersWordsAndWritesNothing(provider: PriceProvider) throws {
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "NOPE"), [Answer.unknownTicker(provider)])])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["NOPE"])
        let words = provider == .stooq ? "Stooq: No data" : "Yahoo: Not Found: No data found, symbol may be delisted"
        #expect(report.results.map(\.line) == ["NOPE: failed: no data (\(words)); is the ticker right?"])
        #expect(vault.file("NOPE") == nil)
        #expect(vault.server.requests.count == 1, "a 404 is not retried")
    }

    @Test(arguments: PriceProvider.allCases)
    func anEmptyBodyLeavesTheFileByteIdentical(provider: PriceProvider) throws {
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [.text("")])], files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: failed: empty response"])
        #expect(vault.file("HUT") == hutFile)
    }

    /// A redirect away from http(s) is never followed, and says so (it used to read "HTTP 404" or "too many
    /// HTTP redirects").
    @Test(arguments: PriceProvider.allCases)
    func aFileRedirectIsRefusedByName(provider: PriceProvider) throws {
        let redirect = LoopbackServer.Reply(status: 302, headers: ["Location": "file:///etc/passwd"], body: [])
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [redirect])], files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: network error: redirected to file:///etc/passwd: only http and https redirects are followed"
            ])
        #expect(report.exitStatus == 1)
        #expect(vault.file("HUT") == hutFile)
        #expect(vault.server.requests.count == 1)
    }

    @Test func aConnectionDroppedMidAnswerIsRetriedThenLeavesTheFile() throws {
        var dropped = Answer.bars(.stooq, hutAnswer)
        dropped.sendOnly = 40
        let vault = try FetchVault(.stooq, routes: [("s=hut.us&", [dropped])], files: ["HUT": hutFile], retries: 1)
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        let line = try #require(report.results.first?.line)
        #expect(line.hasPrefix("HUT: failed: network error: transfer closed with"), "\(line)")
        #expect(vault.server.requests.count == 2)
        #expect(vault.file("HUT") == hutFile)
    }

    @Test(arguments: PriceProvider.allCases)
    func nothingNewIsUpToDateAndTouchesNothing(provider: PriceProvider) throws {
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [Answer.bars(provider, Array(hutAnswer.prefix(5)))])],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: up to date"])
        #expect(report.exitStatus == 0)
        #expect(vault.file("HUT") == hutFile)
    }

    @Test func aProvisionalLastRowIsCorrectedWithoutARewrite() throws {
        var answer = hutAnswer
        answer[4].close = 11.8
        let vault = try FetchVault(
            .stooq, routes: [("s=hut.us&", [Answer.bars(.stooq, answer)])], files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: updated 3 rows (2024-03-25 corrected)"])
        #expect(
            vault.file("HUT") == hutFile.replacingOccurrences(of: "2024-03-25,11.75\n", with: "")
                + "2024-03-25,11.8\n2024-03-26,12.0\n2024-03-27,12.25\n")
    }

    @Test func oneTickersFailureNeitherStopsNorHarmsTheOthers() throws {
        let vault = try FetchVault(
            .stooq,
            routes: [("s=bad.us&", [LoopbackServer.Reply.htmlPage]), ("s=hut.us&", [Answer.bars(.stooq, hutAnswer)])],
            files: ["HUT": hutFile, "BAD": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["BAD", "HUT"])
        #expect(report.results.map(\.ticker) == ["BAD", "HUT"])
        #expect(report.results.map(\.failed) == [true, false])
        #expect(report.exitStatus == 1)
        #expect(report.summary == "2 tickers: 0 downloaded, 1 updated, 0 up to date, 0 rewritten, 1 failed")
        #expect(vault.file("BAD") == hutFile)
        #expect(vault.file("HUT") == hutFile + "2024-03-26,12.0\n2024-03-27,12.25\n")
    }

    @Test func aPriceFileTheReaderRejectsIsNeitherFetchedNorTouched() throws {
        let broken = "Date,Close\n2024-03-18,10.5\n2024-03-18,10.6\n"
        let vault = try FetchVault(.stooq, routes: [], files: ["HUT": broken])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: Prices/HUT.csv:3: duplicate date 2024-03-18 (first on line 2); left as it was"
            ])
        #expect(vault.server.requests.isEmpty)
        #expect(vault.file("HUT") == broken)
    }

    @Test func aSymbolicLinkIsNeitherFetchedNorReplaced() throws {
        let vault = try FetchVault(.stooq, routes: [("s=hut.us&", [Answer.bars(.stooq, hutAnswer)])])
        defer { vault.remove() }
        let target = vault.root.appendingPathComponent("hut-elsewhere.csv")
        try Data(hutFile.utf8).write(to: target)
        let link = vault.root.appendingPathComponent("Prices/HUT.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: Prices/HUT.csv is a symbolic link or lies outside the vault; fetch does not replace it"
            ])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target.path)
        #expect(vault.server.requests.isEmpty)
    }
}
