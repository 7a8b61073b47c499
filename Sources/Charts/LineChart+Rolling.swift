import Correlation

extension LineChart {
    /// A group's rolling average correlation over time, and its rolling average against a peer group.
    ///
    /// The dashed line marks r = 0, so the chart always shows how far the group sits from no correlation.
    ///
    /// - Parameters:
    ///   - title: The chart's title.
    ///   - group: The group's own pairs.
    ///   - peer: The peer note's name and the rolling average of the pairs across the two groups, or nil.
    ///   - returns: How returns were made, for the subtitle (`simple daily returns`).
    public static func rollingCorrelation(
        title: String, group: RollingCorrelation, peer: (name: String, rolling: RollingCorrelation)?,
        returns: String = "simple daily returns"
    ) -> LineChart {
        func series(_ name: String, _ rolling: RollingCorrelation) -> ChartSeries {
            let pairs = "\(rolling.pairs.count) pair\(rolling.pairs.count == 1 ? "" : "s")"
            return ChartSeries(
                name: "\(name) (\(pairs))", days: rolling.days.map(\.daysSince1970), values: rolling.values)
        }
        var lines = [series("Within the group", group)]
        if let peer { lines.append(series("vs \(peer.name)", peer.rolling)) }
        let days = lines.flatMap(\.days)
        var subtitle = "\(group.window)-day rolling Pearson r of \(returns), mean over the pairs"
        if let first = days.min(), let last = days.max() {
            subtitle += ", \(Day(daysSince1970: first).iso) to \(Day(daysSince1970: last).iso)"
        }
        return LineChart(title: title, subtitle: subtitle, series: lines, baseline: 0)
    }
}
