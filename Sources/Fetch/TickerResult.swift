import Correlation

/// What a fetch did for one ticker, and the line that says so.
public struct TickerResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// No file before: one written with the whole history.
        case downloaded(rows: Int)
        /// Rows added after the file's last; `corrected` is the last day when its provisional row was replaced.
        case updated(rows: Int, corrected: Day?)
        /// Nothing new from the provider.
        case upToDate
        /// The provider's history differed from the file's, so the whole file was written from it.
        case rewrote(rows: Int)
        /// Nothing written; the file is as it was.
        case failed(FetchFailure)
        /// `--dry-run`: the request that would be made, key hidden.
        case wouldRequest(String)
    }

    public var ticker: String
    public var outcome: Outcome
    /// What was left out of the answer on the way, e.g. bars dated after today; each follows the line after `; `.
    public var notes: [String]

    public init(ticker: String, outcome: Outcome, notes: [String] = []) {
        self.ticker = ticker
        self.outcome = outcome
        self.notes = notes
    }

    public var failed: Bool {
        if case .failed = outcome { return true }
        return false
    }

    /// `HUT: updated 12 rows`, `HUT: up to date`, `HUT: rewrote 780 rows (history re-adjusted)`,
    /// `HUT: failed: HTTP 500 after 4 tries`, `HUT: updated 2 rows; dropped 1 bar outside the asked days (…)`.
    public var line: String {
        (["\(ticker): \(what)"] + notes).joined(separator: "; ")
    }

    private var what: String {
        switch outcome {
        case .downloaded(let rows): return "downloaded \(Self.rows(rows)) (new file)"
        case .updated(let rows, nil): return "updated \(Self.rows(rows))"
        case .updated(let rows, let day?): return "updated \(Self.rows(rows)) (\(day.iso) corrected)"
        case .upToDate: return "up to date"
        case .rewrote(let rows): return "rewrote \(Self.rows(rows)) (history re-adjusted)"
        case .failed(let failure): return "failed: \(failure)"
        case .wouldRequest(let url): return "would request \(url)"
        }
    }

    private static func rows(_ count: Int) -> String {
        count == 1 ? "1 row" : "\(count) rows"
    }
}
