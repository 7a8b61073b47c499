import Correlation

/// One trading day as a provider reports it.
///
/// `adjustedClose` is the price the correlation engine uses (split- and dividend-adjusted); `close` is the
/// close as the provider prints it beside open, high and low. For Stooq, whose whole bar is adjusted, the two
/// are equal.
public struct DailyBar: Sendable, Equatable {
    public var day: Day
    public var open: Double?
    public var high: Double?
    public var low: Double?
    public var close: Double
    public var adjustedClose: Double
    public var volume: Double?

    public init(
        day: Day, open: Double? = nil, high: Double? = nil, low: Double? = nil, close: Double,
        adjustedClose: Double? = nil, volume: Double? = nil
    ) {
        self.day = day
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.adjustedClose = adjustedClose ?? close
        self.volume = volume
    }

    /// Sorts bars by day and keeps the last bar of a day that comes twice.
    ///
    /// Yahoo sometimes repeats the latest day (a live bar beside the settled one); the later one is newer.
    /// - Throws: `.malformed` when a close is not a positive finite number.
    static func normalized(_ bars: [DailyBar]) throws(FetchFailure) -> [DailyBar] {
        var byDay: [Day: DailyBar] = [:]
        for bar in bars {
            guard bar.close.isFinite, bar.close > 0, bar.adjustedClose.isFinite, bar.adjustedClose > 0 else {
                throw .malformed("a close on \(bar.day.iso) is not a positive number")
            }
            byDay[bar.day] = bar
        }
        return byDay.values.sorted { $0.day < $1.day }
    }
}
