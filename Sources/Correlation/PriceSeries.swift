/// One ticker's closing prices, sorted by day, one close per day.
public struct PriceSeries: Sendable, Equatable {
    /// The ticker, taken from the file name (`BTC-USD.csv` → `BTC-USD`).
    public let ticker: String
    /// Trading days in increasing order, without duplicates.
    public let days: [Day]
    /// The close on each of `days`: positive and finite.
    public let closes: [Double]

    /// Creates a series; the caller guarantees `days` is strictly increasing and as long as `closes`.
    public init(ticker: String, days: [Day], closes: [Double]) {
        precondition(days.count == closes.count, "one close per day")
        self.ticker = ticker
        self.days = days
        self.closes = closes
    }

    /// The first and last day with a close, or nil for an empty series.
    public var span: ClosedRange<Day>? {
        guard let first = days.first, let last = days.last else { return nil }
        return first...last
    }
}
