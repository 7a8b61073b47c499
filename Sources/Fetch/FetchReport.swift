/// Everything one `vaultgen fetch` did: a result per ticker, in the order they were fetched.
public struct FetchReport: Sendable, Equatable {
    public var results: [TickerResult] = []
    /// Set when this run took over the lock of a run that died.
    public var lockNote: String?

    public init(results: [TickerResult] = [], lockNote: String? = nil) {
        self.results = results
        self.lockNote = lockNote
    }

    public var failures: Int { results.filter(\.failed).count }

    /// 0 when every ticker is up to date or written, 1 when some failed (the others are still written).
    public var exitStatus: Int32 { failures > 0 ? 1 : 0 }

    /// How many tickers had each outcome.
    public struct Counts: Sendable, Equatable, Encodable {
        public var tickers = 0
        public var downloaded = 0
        public var updated = 0
        public var upToDate = 0
        public var rewritten = 0
        public var wouldRequest = 0
        public var failed = 0
    }

    public var counts: Counts {
        var counts = Counts(tickers: results.count)
        for result in results {
            switch result.outcome {
            case .downloaded: counts.downloaded += 1
            case .updated: counts.updated += 1
            case .upToDate: counts.upToDate += 1
            case .rewrote: counts.rewritten += 1
            case .wouldRequest: counts.wouldRequest += 1
            case .failed: counts.failed += 1
            }
        }
        return counts
    }

    /// `5 tickers: 1 downloaded, 2 updated, 1 up to date, 0 rewritten, 1 failed`.
    public var summary: String {
        let counts = self.counts
        let total = results.count == 1 ? "1 ticker" : "\(results.count) tickers"
        if counts.wouldRequest > 0 { return "\(total): \(counts.wouldRequest) would be requested, \(failures) failed" }
        return "\(total): \(counts.downloaded) downloaded, \(counts.updated) updated, \(counts.upToDate) up to date, "
            + "\(counts.rewritten) rewritten, \(failures) failed"
    }
}
