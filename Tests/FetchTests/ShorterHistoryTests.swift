import Fetch
import Foundation
import Testing

/// `hutFile` with two older rows: it opens on 2024-02-01, six weeks before the provider's history below.
let longHutFile = "Date,Close\n2024-02-01,9.0\n2024-02-02,9.25\n" + hutFile.dropFirst("Date,Close\n".count)

/// A re-adjusted history whose full download is shorter than the file fails the ticker and leaves its file.
@Suite("vaultgen fetch refuses a re-adjusted history shorter than the file")
struct ShorterHistoryTests {
    @Test(arguments: PriceProvider.allCases)
    func aHistoryStartingWeeksAfterTheFileLeavesItByteForByte(provider: PriceProvider) throws {
        // A 2:1 split: every close the provider lists is halved, and its history starts on 2024-03-18.
        let vault = try FetchVault.reAdjusted(provider, file: longHutFile)
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: history re-adjusted, but the provider's history starts 2024-03-18, after the file's "
                    + "2024-02-01; left as it was (delete the file to accept the shorter history)"
            ])
        #expect(report.exitStatus == 1)
        #expect(vault.file("HUT") == longHutFile)
        #expect(vault.server.requests.count == 2, "the overlap, then the full history")
    }

    @Test(arguments: PriceProvider.allCases)
    func aHistoryEndingBeforeTheFileLeavesItByteForByte(provider: PriceProvider) throws {
        // Halved closes again, but the provider's history stops on 2024-03-22, before the file's 2024-03-25.
        let history = [Row("2024-03-18", 5.25)] + hutAnswer.prefix(4).map { Row($0.date, $0.close / 2) }
        let vault = try FetchVault.reAdjusted(provider, history: history, file: hutFile)
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(
            report.results.map(\.line) == [
                "HUT: failed: history re-adjusted, but the provider's history ends 2024-03-22, before the file's "
                    + "2024-03-25; left as it was (delete the file to accept the shorter history)"
            ])
        #expect(report.exitStatus == 1)
        #expect(vault.file("HUT") == hutFile)
        #expect(vault.server.requests.count == 2, "the overlap, then the full history")
    }

    /// The week of slack: a file may open on a day the provider does not list.
    @Test func aHistoryStartingAWeekAfterTheFileIsStillRewritten() throws {
        let file = "Date,Close\n2024-03-11,9.0\n" + hutFile.dropFirst("Date,Close\n".count)
        let vault = try FetchVault.reAdjusted(.stooq, file: file)
        defer { vault.remove() }
        let (report, _) = try vault.fetch(["HUT"])
        #expect(report.results.map(\.line) == ["HUT: rewrote 8 rows (history re-adjusted)"])
        #expect(vault.file("HUT")?.hasPrefix("Date,Close\n2024-03-18,5.25\n") == true)
    }
}
