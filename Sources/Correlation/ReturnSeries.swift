import Foundation

/// One ticker's returns inside the window, keyed by the period they end in.
///
/// Returns are taken between consecutive rows of the ticker's own series (rows, not calendar days), so a
/// holiday or a gap in one file never turns into a missing return of another.
struct ReturnSeries: Sendable {
    /// The period of each return: its day, or for weekly returns the Monday of its ISO week.
    let keys: [Day]
    let values: [Double]

    /// Makes the returns of `prices` that fall in `[since, until]`.
    ///
    /// Closes after `until` are ignored before anything else, so a partial last week ends at `until`.
    /// A return belongs to the window when the day of its closing price lies in it.
    init(prices: PriceSeries, since: Day?, until: Day, options: CorrelationOptions) {
        var days = prices.days
        var closes = prices.closes
        if let cut = days.firstIndex(where: { $0 > until }) {
            days.removeSubrange(cut...)
            closes.removeSubrange(cut...)
        }
        var keys = days
        if options.frequency == .weekly {
            (days, closes, keys) = ReturnSeries.lastCloseOfEachWeek(days: days, closes: closes)
        }
        var outKeys: [Day] = []
        var outValues: [Double] = []
        outKeys.reserveCapacity(days.count)
        outValues.reserveCapacity(days.count)
        for index in days.indices.dropFirst() where since.map({ days[index] >= $0 }) ?? true {
            let ratio = closes[index] / closes[index - 1]
            outKeys.append(keys[index])
            outValues.append(options.returns == .simple ? ratio - 1 : Foundation.log(ratio))
        }
        self.keys = outKeys
        self.values = outValues
    }

    /// Keeps the last row of each ISO week, keyed by that week's Monday.
    private static func lastCloseOfEachWeek(days: [Day], closes: [Double]) -> ([Day], [Double], [Day]) {
        var weekDays: [Day] = []
        var weekCloses: [Double] = []
        var weekKeys: [Day] = []
        for (day, close) in zip(days, closes) {
            let week = day.isoWeekStart
            if weekKeys.last == week {
                weekDays[weekDays.count - 1] = day
                weekCloses[weekCloses.count - 1] = close
            } else {
                weekDays.append(day)
                weekCloses.append(close)
                weekKeys.append(week)
            }
        }
        return (weekDays, weekCloses, weekKeys)
    }
}
