/// A square matrix of correlations drawn as coloured cells, the same labels on both axes.
public struct HeatMap: Sendable, Equatable {
    public var title: String
    /// A second line under the title, e.g. the window and the return convention; empty for none.
    public var subtitle: String
    /// Row and column labels, usually tickers.
    public var labels: [String]
    /// Row-major `labels.count²` coefficients in -1...1; nil where the pair is n/a.
    public var values: [Double?]

    /// Creates a heat map; `values` must hold `labels.count²` entries.
    public init(title: String, subtitle: String = "", labels: [String], values: [Double?]) {
        precondition(values.count == labels.count * labels.count, "a heat map needs labels.count² values")
        self.title = title
        self.subtitle = subtitle
        self.labels = labels
        self.values = values
    }

    /// The coefficient in `row`, `column`, or nil when n/a.
    public func value(row: Int, column: Int) -> Double? {
        values[row * labels.count + column]
    }
}
