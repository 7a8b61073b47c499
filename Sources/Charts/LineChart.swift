/// A line chart of values over days, such as prices rebased to 100.
public struct LineChart: Sendable, Equatable {
    public var title: String
    /// A second line under the title, typically the window and how values were transformed.
    public var subtitle: String
    /// Drawn in order; the order fixes each series' colour, so keep it stable between refreshes.
    public var series: [ChartSeries]
    /// A value to mark with a dashed reference line, e.g. 100 on a rebased chart; nil for none.
    public var baseline: Double?

    public init(title: String, subtitle: String, series: [ChartSeries], baseline: Double? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.series = series
        self.baseline = baseline
    }
}
