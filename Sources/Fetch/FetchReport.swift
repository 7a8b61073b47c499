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

    /// `5 tickers: 1 downloaded, 2 updated, 1 up to date, 0 rewritten, 1 failed`.
    public var summary: String {
        var counts = (downloaded: 0, updated: 0, upToDate: 0, rewrote: 0, planned: 0)
        for result in results {
            switch result.outcome {
            case .downloaded: counts.downloaded += 1
            case .updated: counts.updated += 1
            case .upToDate: counts.upToDate += 1
            case .rewrote: counts.rewrote += 1
            case .wouldRequest: counts.planned += 1
            case .failed: break
            }
        }
        let total = results.count == 1 ? "1 ticker" : "\(results.count) tickers"
        if counts.planned > 0 { return "\(total): \(counts.planned) would be requested, \(failures) failed" }
        return "\(total): \(counts.downloaded) downloaded, \(counts.updated) updated, \(counts.upToDate) up to date, "
            + "\(counts.rewrote) rewritten, \(failures) failed"
    }
}
