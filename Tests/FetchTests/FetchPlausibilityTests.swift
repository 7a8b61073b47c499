import Correlation
import Fetch
import Foundation
import TestSupport
import Testing

/// IREN's closes over HUT's days: another ticker's history, which no split or dividend turns into HUT's.
let irenHistory = [
    Row("2024-03-18", 7.1), Row("2024-03-19", 6.8), Row("2024-03-20", 7.4), Row("2024-03-21", 7.0),
    Row("2024-03-22", 7.9), Row("2024-03-25", 7.2), Row("2024-03-26", 7.6), Row("2024-03-27", 7.3),
]

@Suite("vaultgen fetch: only plausible answers reach a price file (issue 15, items 14-18)")
struct FetchPlausibilityTests {
    // MARK: 15. Bars outside the asked days

    @Test(arguments: PriceProvider.allCases)
    func aBarAfterTodayIsDroppedAndReported(provider: PriceProvider) throws {
        let answer = hutAnswer + [Row("2099-12-31", 13.0)]
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [Answer.bars(provider, answer)])],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: updated 2 rows; dropped 1 bar outside the asked days (2024-03-19 to 2024-03-29): 2099-12-31"
            ])
        #expect(vault.file("HUT") == hutFile + "2024-03-26,12.0\n2024-03-27,12.25\n")
    }

    @Test(arguments: PriceProvider.allCases)
    func aNewFileKeepsOnlyDaysFrom1900ThroughToday(provider: PriceProvider) throws {
        let answer = [
            Row("0001-01-01", 1.0), Row("1899-12-29", 2.0), Row("2024-03-26", 12.0), Row("2024-03-27", 12.25),
            Row("2099-12-31", 13.0), Row("8214-01-01", 14.0),
        ]
        let vault = try FetchVault(provider, routes: [(Answer.route(provider, "HUT"), [Answer.bars(provider, answer)])])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: downloaded 2 rows (new file); dropped 4 bars outside the asked days (1900-01-01 to 2024-03-29): "
                    + "0001-01-01, 1899-12-29, 2099-12-31 and 1 more"
            ])
        #expect(vault.file("HUT") == "Date,Close\n2024-03-26,12.0\n2024-03-27,12.25\n")
    }

    @Test(arguments: PriceProvider.allCases)
    func onlyBarsAfterTodayIsNoDataAndWritesNothing(provider: PriceProvider) throws {
        let vault = try FetchVault(
            provider,
            routes: [(Answer.route(provider, "HUT"), [Answer.bars(provider, [Row("2099-12-31", 13.0)])])])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: no data (no bars in the asked days); is the ticker right?; dropped 1 bar outside the "
                    + "asked days (1900-01-01 to 2024-03-29): 2099-12-31"
            ])
        #expect(vault.file("HUT") == nil)
    }

    // MARK: 14. Timestamps that overflow

    @Test func aYahooTimestampNearInt64MaxIsDroppedNotATrap() throws {
        let rows = hutAnswer + [Row("2024-03-28", 12.5)]
        let stamps = hutAnswer.map { String(Day(iso: $0.date)!.daysSince1970 * 86_400 + 52_200) } + [String(Int64.max)]
        let reply = LoopbackServer.Reply.text(Answer.yahooJSON(rows, stamps: stamps, gmtoffset: 3600))
        let vault = try FetchVault(.yahoo, routes: [(Answer.route(.yahoo, "HUT"), [reply])], files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        let line = try #require(report.results.first?.line)
        #expect(
            line.hasPrefix("HUT: updated 2 rows; dropped 1 bar outside the asked days (2024-03-19 to 2024-03-29): "))
        #expect(vault.file("HUT") == hutFile + "2024-03-26,12.0\n2024-03-27,12.25\n")
    }

    // MARK: 16. Another ticker's history is no re-adjustment

    @Test func yahooNamingAnotherSymbolFailsAndLeavesTheFile() throws {
        let vault = try FetchVault(
            .yahoo, routes: [(Answer.route(.yahoo, "HUT"), [Answer.bars(.yahoo, irenHistory, symbol: "IREN")])],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: failed: the answer is for IREN, not HUT; left as it was"])
        #expect(vault.file("HUT") == hutFile)
    }

    @Test(arguments: PriceProvider.allCases)
    func anotherTickersHistoryIsNoReAdjustment(provider: PriceProvider) throws {
        // Stooq names no symbol; Yahoo's answer here says HUT, as a mixed-up mirror might.
        let recent = Answer.bars(provider, Array(irenHistory.dropFirst()))
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [recent, Answer.bars(provider, irenHistory)])],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: the provider's history differs from the file's in a way no split or dividend explains: "
                    + "the ratio of new to old closes changes on 5 of 6 common days; left as it was"
            ])
        #expect(vault.file("HUT") == hutFile)
    }

    @Test(arguments: PriceProvider.allCases)
    func aRewriteMissingTheFilesDaysIsRefused(provider: PriceProvider) throws {
        // Halved closes (a split), but only every other day of the file.
        let full = [Row("2024-03-18", 5.25)] + hutAnswer.map { Row($0.date, $0.close / 2) }
        let sparse = full.enumerated().filter { $0.offset % 2 == 0 || $0.offset == full.count - 1 }.map(\.element)
        let vault = try FetchVault(
            provider,
            routes: [
                (
                    Answer.route(provider, "HUT"),
                    [Answer.bars(provider, Array(full.dropFirst())), Answer.bars(provider, sparse)]
                )
            ],
            files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: the provider's history differs from the file's in a way no split or dividend explains: "
                    + "it lacks 3 of the file's 6 days (2024-03-19, 2024-03-21, 2024-03-25); left as it was"
            ])
        #expect(vault.file("HUT") == hutFile)
    }

    // MARK: 17. Truncated answers

    @Test func aStooqAnswerWithoutVolumeCutInItsLastCloseIsTruncated() throws {
        let csv =
            "Date,Open,High,Low,Close\r\n"
            + hutAnswer.map { "\($0.date),\($0.close),\($0.close),\($0.close),\($0.close)\r\n" }.joined()
            + "2024-03-28,12345.6789,12345.6789,12345.6789,12"
        let vault = try FetchVault(
            .stooq, routes: [("s=hut.us&", [.text(csv, type: "text/csv")])], files: ["HUT": hutFile])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: malformed response: the answer ends without a line end after its last row (truncated)"
            ])
        #expect(vault.file("HUT") == hutFile)
    }

    // MARK: 18. Answers too large

    @Test(arguments: PriceProvider.allCases)
    func anAnswerLargerThanTheLimitFailsCleanly(provider: PriceProvider) throws {
        let many = (0..<400).map { Row(Day(daysSince1970: 19_000 + $0).iso, 10 + Double($0) / 100) }
        let vault = try FetchVault(
            provider, routes: [(Answer.route(provider, "HUT"), [Answer.bars(provider, many)])], retries: 2)
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"], answerLimit: 4_096)
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: the answer is larger than 4 KiB, more than any daily history; not read"
            ])
        #expect(vault.server.requests.count == 1, "not retried")
        #expect(vault.file("HUT") == nil)
    }

    @Test func aGzipBombIsCutAtTheLimitOfDecompressedBytes() throws {
        // 3 MB of CSV rows, sent gzip-compressed (a few KB): the limit counts the inflated bytes.
        let row = "2024-03-26,12.0,12.5,11.5,12.0,1000\r\n"
        let csv = "Date,Open,High,Low,Close,Volume\r\n" + String(repeating: row, count: 3_000_000 / row.utf8.count)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c"]
        let input = Pipe()
        let output = Pipe()
        gzip.standardInput = input
        gzip.standardOutput = output
        try gzip.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(csv.utf8)); try? input.fileHandleForWriting.close()
        }
        writer.start()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        #expect(compressed.count < 100_000)
        let reply = LoopbackServer.Reply(
            headers: ["Content-Type": "text/csv", "Content-Encoding": "gzip"], body: Array(compressed))
        let vault = try FetchVault(.stooq, routes: [("s=hut.us&", [reply])])
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"], answerLimit: 1 << 20)
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: the answer is larger than 1 MiB, more than any daily history; not read"
            ])
        #expect(vault.file("HUT") == nil)
    }
}

@Suite("vaultgen fetch: a price file that is a FIFO (issue 15, item 12)")
struct FetchFIFOTests {
    @Test func aFIFOInPlaceOfAPriceFileFailsAtOnceAndIsNotFetched() throws {
        let vault = try FetchVault(.stooq, routes: [("s=hut.us&", [Answer.bars(.stooq, hutAnswer)])])
        defer { vault.remove() }
        let lines = try FIFO.run(at: vault.root.appendingPathComponent("Prices/HUT.csv").path) {
            (try? vault.fetch(["HUT"]).report.results.map(\.line)) ?? ["threw"]
        }
        #expect(lines == ["HUT: failed: Prices/HUT.csv: cannot be read; left as it was"], "nil: blocked on the FIFO")
        #expect(vault.server.requests.isEmpty)
    }
}
