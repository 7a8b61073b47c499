/// A sector (one sector note's tickers) as a group the clustering is asked about.
public struct Sector: Sendable, Equatable {
    /// The note's name, e.g. `Crypto-to-AI`.
    public let name: String
    public let tickers: [String]

    public init(name: String, tickers: [String]) {
        self.name = name
        self.tickers = tickers
    }
}

/// How well one ticker sits in its sector: its silhouette `(b − a) / max(a, b)`.
public struct MemberFit: Sendable, Equatable {
    public let ticker: String
    /// `a`: the mean distance `1 − r` to the other tickers of its sector; nil when it is alone there.
    public let ownDistance: Double?
    /// The other sector with the lowest mean distance to the ticker, and that distance (`b`).
    public let nearestSector: String?
    public let nearestDistance: Double?
    /// nil when `a` or `b` is (a ticker alone in its sector, or a vault with one sector).
    public let silhouette: Double?
}

/// One sector's figures: cohesion, separation from its nearest sector, and its tickers' silhouettes.
public struct SectorFit: Sendable, Equatable {
    public let name: String
    /// The sector's tickers that were clustered, in the note's order.
    public let tickers: [String]
    /// The sector's tickers that were not (no prices, an n/a pair, or not asked for).
    public let missing: [String]
    /// The mean r of the pairs inside the sector; nil with fewer than two tickers.
    public let cohesion: Double?
    /// The other sector with the highest mean r to this one (pairs of one ticker with itself not counted).
    public let nearest: String?
    /// That mean r.
    public let separation: Double?
    /// The mean of the tickers' silhouettes; nil when none has one.
    public let silhouette: Double?
    public let members: [MemberFit]
}
