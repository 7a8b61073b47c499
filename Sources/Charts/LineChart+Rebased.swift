import Correlation

extension LineChart {
    /// Each ticker's closes in a window, rebased to 100 at the ticker's own first close in it.
    ///
    /// Rebasing puts tickers of very different prices on one axis so their paths can be compared; a ticker
    /// listed after the window opens starts at 100 on its first day, which is the only fair starting point
    /// it has. A ticker without closes in the window keeps an empty series, so colours stay in request order.
    ///
    /// - Parameters:
    ///   - title: The chart's title.
    ///   - prices: One series per ticker, in the order the legend should list them.
    ///   - since: The first day to include, or nil for each series' first close.
    ///   - until: The last day to include, or nil for each series' last close.
    /// - Returns: A chart whose subtitle names the days actually plotted, e.g.
    ///   "2024-01-02 to 2026-01-30, rebased to 100".
    public static func rebased(title: String, prices: [PriceSeries], since: Day? = nil, until: Day? = nil)
        -> LineChart
    {
        var first: Day?
        var last: Day?
        let series = prices.map { price -> ChartSeries in
            let window = price.days.indices.filter { index in
                let day = price.days[index]
                return (since.map { day >= $0 } ?? true) && (until.map { day <= $0 } ?? true)
            }
            guard let base = window.map({ price.closes[$0] }).first(where: { $0.isFinite && $0 > 0 }) else {
                return ChartSeries(name: price.ticker, days: [], values: [])
            }
            let days = window.map { price.days[$0] }
            first = min(first ?? days[0], days[0])
            last = max(last ?? days[days.count - 1], days[days.count - 1])
            return ChartSeries(
                name: price.ticker, days: days.map(\.daysSince1970),
                values: window.map { price.closes[$0] * 100 / base })
        }
        let subtitle: String
        if let first, let last {
            subtitle = "\(first.iso) to \(last.iso), rebased to 100"
        } else {
            let window = [since.map { "from \($0.iso)" }, until.map { "to \($0.iso)" }].compactMap { $0 }
            subtitle = (["No prices"] + window).joined(separator: " ")
        }
        return LineChart(title: title, subtitle: subtitle, series: series, baseline: 100)
    }
}
