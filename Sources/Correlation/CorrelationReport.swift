import Foundation

/// A matrix and its group figures, ready to print as a table, markdown, CSV or JSON.
///
/// All formatting lives here rather than in the command, so tests compare output without starting a process.
/// Table and markdown round to two decimals; CSV and JSON keep full precision. Every format names a thing the
/// same way (JSON keys and CSV headers alike, `a b r overlap reason`, `average excludedPairs lowest highest
/// meanToOthers`; the same words spaced and capitalised in table and markdown headings).
public struct CorrelationReport: Sendable {
    /// The output formats of `vaultgen corr --format`.
    public enum Format: String, Sendable, CaseIterable {
        case table, markdown, csv, json
    }

    /// The `schema` of the JSON report: its shape, versioned (docs/schemas/vaultgen.corr.schema.json).
    public static let schema = "vaultgen.corr/1"

    public let matrix: CorrelationMatrix
    public let figures: GroupFigures
    /// The vault's absolute root, for the JSON report; nil when the prices were read without a vault.
    public var vault: String?

    /// Builds the report of `group` (default: every ticker of the matrix).
    public init(matrix: CorrelationMatrix, group: [String]? = nil) {
        self.matrix = matrix
        figures = GroupFigures(matrix: matrix, tickers: group)
    }

    /// The report in `format`, ending with a newline.
    public func render(_ format: Format) -> String {
        switch format {
        case .table: return text()
        case .markdown: return markdown()
        case .csv: return csv()
        case .json: return json()
        }
    }

    /// One line per ticker left out of the figures, for standard error.
    public var warnings: [String] {
        matrix.leftOut.compactMap { ticker in
            matrix.problems[ticker].map { "warning: \(ticker) left out: \($0)" }
        }
    }

    /// Whether some figure is n/a because a ticker's prices are missing or bad (the command then exits 1).
    public var hasDataProblems: Bool { !matrix.problems.isEmpty }

    /// What was computed, e.g. "daily simple returns, Pearson, pairwise dates, 2024-01-02 to 2026-01-30".
    public var convention: String {
        let options = matrix.options
        let method = options.method == .pearson ? "Pearson" : "Spearman"
        let dates = options.alignment == .pairwise ? "pairwise-complete dates" : "dates common to all tickers"
        let window = "\(matrix.from?.iso ?? "start") to \(matrix.to?.iso ?? "end")"
        return "\(options.frequency.rawValue) \(options.returns.rawValue) returns, \(method), \(dates), \(window), "
            + "minimum \(options.minOverlap) common \(options.periodName)"
    }

    /// `0.70`, or `n/a`; never `-0.00`.
    static func twoDecimals(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        let text = String(format: "%.2f", value)
        return text == "-0.00" ? "0.00" : text
    }

    /// The shortest text that reads back as the same Double, or empty for n/a.
    static func fullPrecision(_ value: Double?) -> String {
        value.map { "\($0)" } ?? ""
    }
}
