import Foundation

extension FetchReport {
    /// The shape of `vaultgen fetch --format json`, versioned (docs/schemas/vaultgen.fetch.schema.json).
    public static let schema = "vaultgen.fetch/1"

    /// Every ticker's outcome, the counts and the exit status as one JSON object, keys sorted, nil as null.
    ///
    /// - Parameters:
    ///   - vault: The vault's absolute root.
    ///   - dryRun: Whether requests were only listed.
    public func json(vault: String, dryRun: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail; a failure here is a programming error.
        let data = try! encoder.encode(JSONFetch(report: self, vault: vault, dryRun: dryRun))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The JSON shape of a fetch report; every key is always there (null rather than missing).
private struct JSONFetch: Encodable {
    let report: FetchReport
    let vault: String
    let dryRun: Bool

    struct Ticker: Encodable {
        let result: TickerResult

        enum Keys: String, CodingKey { case ticker, outcome, rows, corrected, request, failure, reason, notes, line }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var rows: Int? = nil
            var corrected: String? = nil
            var request: String? = nil
            var failure: String? = nil
            var reason: String? = nil
            let outcome: String
            switch result.outcome {
            case .downloaded(let count):
                (outcome, rows) = ("downloaded", count)
            case .updated(let count, let day):
                (outcome, rows, corrected) = ("updated", count, day?.iso)
            case .upToDate:
                outcome = "up-to-date"
            case .rewrote(let count):
                (outcome, rows) = ("rewritten", count)
            case .failed(let why):
                (outcome, failure, reason) = ("failed", why.kind, why.description)
            case .wouldRequest(let url):
                (outcome, request) = ("would-request", url)
            }
            try container.encode(result.ticker, forKey: .ticker)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(rows, forKey: .rows)
            try container.encode(corrected, forKey: .corrected)
            try container.encode(request, forKey: .request)
            try container.encode(failure, forKey: .failure)
            try container.encode(reason, forKey: .reason)
            try container.encode(result.notes, forKey: .notes)
            try container.encode(result.line, forKey: .line)
        }
    }

    enum Keys: String, CodingKey { case schema, vault, dryRun, tickers, summary, exitStatus, lockNote }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(FetchReport.schema, forKey: .schema)
        try container.encode(vault, forKey: .vault)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(report.results.map(Ticker.init), forKey: .tickers)
        try container.encode(report.counts, forKey: .summary)
        try container.encode(report.exitStatus, forKey: .exitStatus)
        try container.encode(report.lockNote, forKey: .lockNote)
    }
}

extension FetchFailure {
    /// The failure's kind for tools, one word per case: `timed-out`, `http-status`, `no-data`, ….
    public var kind: String {
        switch self {
        case .timedOut: return "timed-out"
        case .serverBusy: return "server-busy"
        case .rejected: return "rejected"
        case .network: return "network"
        case .noData: return "no-data"
        case .emptyResponse: return "empty-response"
        case .htmlPage: return "html-page"
        case .needsKey: return "needs-key"
        case .quotaExceeded: return "quota-exceeded"
        case .malformed: return "malformed"
        case .shorterHistory: return "shorter-history"
        case .historyEndsEarlier: return "history-ends-earlier"
        case .implausibleRewrite: return "implausible-rewrite"
        case .wrongSymbol: return "wrong-symbol"
        case .tooLarge: return "too-large"
        case .linkedFile: return "linked-file"
        case .badPriceFile: return "bad-price-file"
        case .cannotWrite: return "cannot-write"
        }
    }
}
