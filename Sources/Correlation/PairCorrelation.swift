/// The correlation of two tickers, or why there is none.
public struct PairCorrelation: Sendable, Equatable {
    public let a: String
    public let b: String
    /// The coefficient, unrounded; nil when n/a.
    public let r: Double?
    /// How many return periods both tickers have in the window.
    public let overlap: Int
    /// Why `r` is nil, e.g. "only 41 common days (minimum 60)".
    public let reason: String?

    public init(a: String, b: String, r: Double?, overlap: Int, reason: String?) {
        self.a = a
        self.b = b
        self.r = r
        self.overlap = overlap
        self.reason = reason
    }

    /// `A-B`, the way a note names a pair.
    public var name: String { "\(a)-\(b)" }
}
