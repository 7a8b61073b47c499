import Correlation
import VaultModel

/// Every figure a sector note needs, from one correlation matrix over its group, its peers and its prose pairs.
public struct SectorFigures: Sendable {
    public let matrix: CorrelationMatrix
    public let group: GroupFigures
    /// Why the group's figures cannot be computed (a ticker without prices, too little overlap), or nil.
    public let groupProblem: String?
    /// Each peer group named by a `vs [[Peer]]` row: its tickers, or why it has none.
    public let peers: [String: Result<[String], PeerProblem>]

    public struct PeerProblem: Error, Sendable, Equatable {
        public var reason: String
    }

    /// Computes the figures of `sector`.
    ///
    /// - Parameters:
    ///   - peers: The tickers of each peer note the sector names, or why there are none.
    ///   - prices: Every loaded price series (or its problem), keyed by ticker.
    public init(
        sector: SectorNote, peers: [String: Result<[String], PeerProblem>],
        prices: [String: Result<PriceSeries, PriceProblem>], options: CorrelationOptions
    ) {
        var tickers = sector.tickers
        for case .success(let peerTickers) in peers.values { tickers += peerTickers }
        for case .pairProse(let a, let b, _, _, _) in sector.slots { tickers += [a, b] }
        matrix = CorrelationEngine.matrix(prices, tickers: tickers, options: options)
        group = GroupFigures(matrix: matrix, tickers: sector.tickers)
        groupProblem = Self.problem(of: group.pairs)
        self.peers = peers
    }

    /// Why some of `pairs` are n/a, or nil when every pair has a value.
    static func problem(of pairs: [PairCorrelation]) -> String? {
        let missing = pairs.filter { $0.r == nil }
        guard !missing.isEmpty else { return nil }
        // A note naming a thousand tickers without prices must not print a warning of megabytes: name a few.
        let limit = 5
        let reasons = Array(Set(missing.compactMap(\.reason))).sorted()
        var names = missing.prefix(limit).map(\.name).joined(separator: ", ")
        if missing.count > limit { names += " and \(missing.count - limit) more pairs" }
        var why = reasons.prefix(limit).joined(separator: "; ")
        if reasons.count > limit { why += "; and \(reasons.count - limit) more reasons" }
        return "\(names) n/a: \(why)"
    }

    /// The cross-group figures against a peer, or why they cannot be computed.
    func cross(_ peer: String) -> Result<CrossGroupFigures, PeerProblem> {
        switch peers[peer] ?? .failure(PeerProblem(reason: "no note named \(peer)")) {
        case .failure(let problem): return .failure(problem)
        case .success(let peerTickers):
            let figures = CrossGroupFigures(matrix: matrix, groupA: group.tickers, groupB: peerTickers)
            if let problem = Self.problem(of: figures.pairs) { return .failure(PeerProblem(reason: problem)) }
            return .success(figures)
        }
    }
}
