/// A square matrix of correlations drawn as coloured cells, the same labels on both axes.
public struct HeatMap: Sendable, Equatable {
    public var title: String
    /// A second line under the title, e.g. the window and the return convention; empty for none.
    public var subtitle: String
    /// Row and column labels, usually tickers.
    public var labels: [String]
    /// Row-major `labels.count²` coefficients in -1...1; nil where the pair is n/a.
    public var values: [Double?]
    /// Runs of labels that belong together (a sector), outlined and named under the grid; empty for none.
    public var bands: [Band] = []

    /// A run of consecutive labels drawn as one block: a line at each of its edges, its name under it.
    public struct Band: Sendable, Equatable {
        public var name: String
        public var labels: Range<Int>

        public init(name: String, labels: Range<Int>) {
            self.name = name
            self.labels = labels
        }
    }

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

    /// The same map with its labels in `order` (each index once), rows and columns alike; bands are dropped.
    public func reordered(_ order: [Int]) -> HeatMap {
        precondition(order.sorted() == Array(labels.indices), "an order names every label once")
        let values = order.flatMap { row in order.map { column in value(row: row, column: column) } }
        return HeatMap(title: title, subtitle: subtitle, labels: order.map { labels[$0] }, values: values)
    }
}
