/// How returns are made and compared; the defaults are what pandas' `prices.pct_change().corr()` computes.
public struct CorrelationOptions: Sendable, Equatable {
    /// Simple returns `P_t / P_prev - 1` or log returns `log(P_t / P_prev)`.
    public enum ReturnKind: String, Sendable, CaseIterable { case simple, log }
    /// Pearson on the returns, or Spearman (Pearson on ranks with average ties).
    public enum Method: String, Sendable, CaseIterable { case pearson, spearman }
    /// Which dates a pair is compared on.
    public enum Alignment: String, Sendable, CaseIterable {
        /// Every date on which both tickers of the pair have a return (pandas' default).
        case pairwise
        /// Only dates on which every loaded ticker of the request has a return.
        case intersection
    }
    /// Daily returns between consecutive rows, or weekly returns between the last closes of ISO weeks.
    public enum Frequency: String, Sendable, CaseIterable { case daily, weekly }

    /// First day a return may fall on; the first return in the window uses the last close before it.
    public var since: Day?
    /// Last day whose close is used; nil means the latest date in the data.
    public var until: Day?
    public var returns: ReturnKind
    public var method: Method
    public var alignment: Alignment
    public var frequency: Frequency
    /// A pair with fewer common returns than this is n/a.
    public var minOverlap: Int

    public init(
        since: Day? = nil, until: Day? = nil, returns: ReturnKind = .simple, method: Method = .pearson,
        alignment: Alignment = .pairwise, frequency: Frequency = .daily, minOverlap: Int = 60
    ) {
        self.since = since
        self.until = until
        self.returns = returns
        self.method = method
        self.alignment = alignment
        self.frequency = frequency
        self.minOverlap = minOverlap
    }

    /// The word for one return period in messages: "days" or "weeks".
    var periodName: String { frequency == .daily ? "days" : "weeks" }
}
