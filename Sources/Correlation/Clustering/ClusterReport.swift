import Foundation

/// The clustering of a correlation matrix and its sector figures, ready to print as text, markdown or JSON.
public struct ClusterReport: Sendable {
    /// The output formats of `vaultgen clusters --format`.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    /// The `schema` of the JSON report: its shape, versioned (docs/schemas/vaultgen.clusters.schema.json).
    public static let schema = "vaultgen.clusters/1"

    public let analysis: ClusterAnalysis
    /// The vault's absolute root, for the JSON report; nil when there is none.
    public var vault: String?
    /// The window and convention of the matrix, e.g. `daily simple returns, Pearson, …, 2024-01-02 to 2026-01-30`.
    public let convention: String
    /// The first and last day of the window, ISO, when known.
    public let from: String?
    public let to: String?

    /// Clusters every ticker of `matrix` that has all its pairs, and measures `sectors`.
    public init(matrix: CorrelationMatrix, sectors: [Sector]) {
        self.init(
            analysis: ClusterAnalysis(distances: DistanceMatrix(matrix: matrix), sectors: sectors),
            convention: CorrelationReport(matrix: matrix, group: []).convention, from: matrix.from?.iso,
            to: matrix.to?.iso)
    }

    public init(analysis: ClusterAnalysis, convention: String, from: String?, to: String?) {
        self.analysis = analysis
        self.convention = convention
        self.from = from
        self.to = to
    }

    /// One line per ticker left out, for standard error.
    public var warnings: [String] { analysis.distances.leftOut.map { "warning: \($0)" } }

    /// The report in `format`, ending with a newline.
    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text()
        case .markdown: return markdown()
        case .json: return json()
        }
    }

    /// The tree drawn with box-drawing lines, one line per cluster and leaf, the `a` branch above the `b` one.
    ///
    /// A cluster shows the height its branches join at (the distance `1 − r` between them, averaged) and that
    /// r; a leaf shows its ticker and, in brackets, its sectors.
    public func tree() -> [String] {
        let dendrogram = analysis.dendrogram
        guard let root = dendrogram.root else { return [] }
        let tickers = analysis.distances.tickers
        var sectorsOf: [String: [String]] = [:]
        for sector in analysis.sectors {
            for ticker in sector.tickers { sectorsOf[ticker, default: []].append(sector.name) }
        }
        let width = tickers.map(\.count).max() ?? 0
        var lines: [String] = []
        // (node, the prefix of its line, the prefix of its children's lines)
        var stack: [(Int, String, String)] = [(root, "", "")]
        while let (node, head, rest) = stack.popLast() {
            if let (a, b) = dendrogram.children(of: node) {
                let height = dendrogram.height(of: node)
                lines.append(head + "\(Self.decimals(height)) (r \(Self.decimals(1 - height)))")
                stack.append((b, rest + "└── ", rest + "    "))
                stack.append((a, rest + "├── ", rest + "│   "))
            } else {
                let ticker = tickers[node]
                let sectors = sectorsOf[ticker].map { "  [" + $0.joined(separator: ", ") + "]" } ?? ""
                let padded = sectors.isEmpty ? ticker : ticker.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append(head + padded + sectors)
            }
        }
        return lines
    }

    /// Two decimals, as the other reports print a correlation; `n/a` for nil.
    static func decimals(_ value: Double?) -> String {
        CorrelationReport.twoDecimals(value)
    }
}

extension ClusterReport.Format: CustomStringConvertible {
    public var description: String { rawValue }
}
