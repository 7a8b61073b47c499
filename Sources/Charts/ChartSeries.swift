/// One line of a line chart: a name for the legend and a value per day.
public struct ChartSeries: Sendable, Equatable {
    /// Shown in the legend, usually the ticker.
    public var name: String
    /// Days since 1970-01-01, in increasing order; plain integers so the chart does not depend on a calendar.
    public var days: [Int]
    /// The value on each of `days`; NaN and infinite values are left out of the line (it breaks there).
    public var values: [Double]

    public init(name: String, days: [Int], values: [Double]) {
        self.name = name
        self.days = days
        self.values = values
    }

    /// The finite points, in order; a mismatch between `days` and `values` counts as missing values.
    var points: [(day: Int, value: Double)] {
        zip(days, values).filter { $0.1.isFinite }.map { (day: $0.0, value: $0.1) }
    }
}
