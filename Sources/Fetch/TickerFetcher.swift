import Correlation
import Foundation
import Refresh
import VaultModel

/// Brings one ticker's price file up to date: read it, ask the provider, merge, check, write atomically.
///
/// Every failure ends in `.failed` before the write, so the file is either the new, checked bytes or the old
/// ones untouched.
struct TickerFetcher {
    let provider: PriceProvider
    let baseURL: String
    let key: String?
    /// The last day asked for.
    let today: Day
    let client: HTTPClient
    /// The price folder, and how messages name it (`Prices`).
    let folder: URL
    let folderName: String
    /// The vault root: no price file outside it is read or written, as `vaultgen update` reads none.
    let vaultRoot: URL

    /// The request the fetch starts with, key hidden: what `--dry-run` prints.
    func plannedRequest(_ ticker: String) -> TickerResult.Outcome {
        do {
            let start = try existingFile(ticker)?.requestStart
            return .wouldRequest(PriceProvider.redacted(url(ticker, from: start)))
        } catch {
            return .failed(error)
        }
    }

    /// Fetches `ticker` and says what became of its file, with notes on what the answer held that was left out.
    func fetch(_ ticker: String) -> (outcome: TickerResult.Outcome, notes: [String]) {
        var notes: [String] = []
        do {
            guard let file = try existingFile(ticker) else {
                let bars = try bars(ticker, from: nil, notes: &notes)
                try write(PriceFile.newFile(bars), ticker: ticker, expectedLast: bars[bars.count - 1].day)
                return (.downloaded(rows: bars.count), notes)
            }
            switch file.merge(try bars(ticker, from: file.requestStart, notes: &notes)) {
            case .upToDate:
                return (.upToDate, notes)
            case .append(let rows, let corrects):
                if let bytes = file.appending(rows, replacingLastRow: corrects != nil) {
                    try write(bytes, ticker: ticker, expectedLast: rows[rows.count - 1].day)
                    return (.updated(rows: rows.count, corrected: corrects), notes)
                }
                return (try rewrite(file, ticker: ticker, notes: &notes), notes)
            case .rewrite:
                return (try rewrite(file, ticker: ticker, notes: &notes), notes)
            }
        } catch {
            return (.failed(error), notes)
        }
    }

    /// Replaces the whole series with the provider's full history, unless that history is shorter or is not
    /// the file's history re-adjusted (`PriceFile.rewriteProblem`).
    private func rewrite(
        _ file: PriceFile, ticker: String, notes: inout [String]
    ) throws(FetchFailure) -> TickerResult.Outcome {
        let bars = try bars(ticker, from: nil, notes: &notes)
        let fileStart = file.series.days[0]
        // A few days' slack: a file may open on a day the provider does not list.
        guard bars[0].day.daysSince1970 <= fileStart.daysSince1970 + 7 else {
            throw .shorterHistory(providerStart: bars[0].day.iso, fileStart: fileStart.iso)
        }
        guard bars[bars.count - 1].day >= file.lastDay else {
            throw .historyEndsEarlier(providerEnd: bars[bars.count - 1].day.iso, fileEnd: file.lastDay.iso)
        }
        if let problem = file.rewriteProblem(bars) { throw .implausibleRewrite(problem) }
        try write(file.rewritten(with: bars), ticker: ticker, expectedLast: bars[bars.count - 1].day)
        return .rewrote(rows: bars.count)
    }

    private func url(_ ticker: String, from start: Day?) -> URL {
        // FetchRun checked the base URL, so every ticker makes a valid URL.
        provider.url(ticker: ticker, from: start, through: today, baseURL: baseURL, key: key)!
    }

    /// The first day a request for the whole history asks for (Yahoo's `period1`); older bars are dropped.
    static let historyStart = Day(year: 1900, month: 1, day: 1)!

    /// The provider's bars from `start` (nil: the whole history) through today, each once and sorted.
    ///
    /// Bars dated before the asked start or after today are dropped, and a note says so: a bar dated 2099 would
    /// otherwise end every later window in 2099 and make every later fetch "up to date". Today gets a day's
    /// slack, for markets east of UTC where tomorrow has begun.
    private func bars(_ ticker: String, from start: Day?, notes: inout [String]) throws(FetchFailure) -> [DailyBar] {
        let answered = try provider.bars(from: try client.get(url(ticker, from: start)), ticker: ticker)
        let first = start ?? Self.historyStart
        let last = Day(daysSince1970: today.daysSince1970 + 1)
        let bars = answered.filter { $0.day >= first && $0.day <= last }
        if bars.count < answered.count {
            let dropped = answered.filter { $0.day < first || $0.day > last }
            let shown = dropped.prefix(3).map(\.day.iso).joined(separator: ", ")
            let more = dropped.count > 3 ? " and \(dropped.count - 3) more" : ""
            let count = dropped.count == 1 ? "1 bar" : "\(dropped.count) bars"
            notes.append("dropped \(count) outside the asked days (\(first.iso) to \(today.iso)): \(shown)\(more)")
        }
        guard !bars.isEmpty else { throw .noData(answered.isEmpty ? "no bars" : "no bars in the asked days") }
        return bars
    }

    private func path(_ ticker: String) -> String {
        folder.appendingPathComponent("\(ticker).csv").path
    }

    private func name(_ ticker: String) -> String {
        folderName.isEmpty ? "\(ticker).csv" : "\(folderName)/\(ticker).csv"
    }

    /// The ticker's file as it is now, or nil when there is none.
    ///
    /// A symbolic link is refused: the atomic rename would replace the link with a plain file. So is a file
    /// whose folder lies outside the vault once links are followed.
    private func existingFile(_ ticker: String) throws(FetchFailure) -> PriceFile? {
        let inside = vaultRoot.resolvingSymlinksInPath().path + "/"
        let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path(ticker))) != nil
        guard !isLink, (folder.resolvingSymlinksInPath().path + "/").hasPrefix(inside) else {
            throw .linkedFile(name(ticker))
        }
        guard FileManager.default.fileExists(atPath: path(ticker)) else { return nil }
        guard let bytes = try? VaultScanner.readBytes(path(ticker)) else {
            throw .badPriceFile("\(name(ticker)): cannot be read")
        }
        return try PriceFile(bytes: bytes, ticker: ticker, name: name(ticker))
    }

    /// Writes `bytes` once the price reader accepts them and they reach `expectedLast`.
    private func write(_ bytes: [UInt8], ticker: String, expectedLast: Day) throws(FetchFailure) {
        let series: PriceSeries
        do {
            series = try PriceReader.parse(String(decoding: bytes, as: UTF8.self), ticker: ticker, file: name(ticker))
        } catch {
            throw .malformed("the new file would not read back (\(error)); not written")
        }
        guard series.days.last == expectedLast else {
            throw .malformed("the new file would not end on \(expectedLast)")
        }
        do {
            try NoteWriter.write(bytes, to: path(ticker))
        } catch {
            throw .cannotWrite(error.description)
        }
    }
}
