import Correlation
import Figures
import VaultModel

/// Every figure a sector note needs, from one correlation matrix over its group, its peers and the pairs
/// its figures name.
public struct SectorFigures: Sendable {
    public let matrix: CorrelationMatrix
    public let group: GroupFigures
    /// Why the group's figures cannot be computed (tickers without prices, members without a ticker, too
    /// little overlap), or nil.
    public let groupProblem: String?
    /// Each peer group named by a `vs [[Peer]]` row: its tickers, or why it has none.
    public let peers: [String: Result<[String], PeerProblem>]
    /// The group's rolling average for each number of days a `60-day avg correlation` row asks for.
    public let rolling: [Int: RollingCorrelation]

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
        for figure in sector.figures {
            switch figure.subject {
            case .pair(let a, let b): tickers += [a, b]
            default: break
            }
        }
        for table in sector.pairTables { tickers += table.rows.flatMap { [$0.a, $0.b] } }
        matrix = CorrelationEngine.matrix(prices, tickers: tickers, options: options)
        // Pairs of tickers without prices are not listed: their reasons belong to the tickers (`groupProblem`).
        group = GroupFigures(matrix: matrix, tickers: sector.tickers, listingLeftOut: false)
        groupProblem = Self.groupProblem(sector: sector, prices: prices, pairs: group.pairs)
        self.peers = peers
        var rolling: [Int: RollingCorrelation] = [:]
        if groupProblem == nil {
            for case .rollingAverage(let days) in sector.figures.map(\.subject) where rolling[days] == nil {
                rolling[days] = .group(prices, tickers: sector.tickers, window: days, options: options)
            }
        }
        self.rolling = rolling
    }

    /// The tickers of the group that have no usable prices, each with its reason; then members without a
    /// ticker; then pairs that are n/a for lack of overlap. Reasons belong to tickers: a group of thousands
    /// costs one line each, not one per pair.
    static func groupProblem(
        sector: SectorNote, prices: [String: Result<PriceSeries, PriceProblem>], pairs: [PairCorrelation]
    ) -> String? {
        guard let group = sector.group, group.tickers.count >= 2 else {
            return sector.group == nil ? "the note names no tickers" : "the note names one ticker; a group needs two"
        }
        if !group.unresolved.isEmpty {
            let names = group.unresolved.prefix(5).map { "[[\($0)]]" }.joined(separator: ", ")
            let more = group.unresolved.count > 5 ? " and \(group.unresolved.count - 5) more" : ""
            return
                "\(names)\(more) listed in \(group.source) (line \(group.line)) give no ticker: never computed on a subset"
        }
        var missing: [String] = []
        for ticker in group.tickers {
            switch prices[ticker] {
            case .success: continue
            case .failure(let problem): missing.append("\(ticker) (\(problem))")
            case nil: missing.append("\(ticker) (no prices loaded)")
            }
        }
        if !missing.isEmpty {
            let more = missing.count > 5 ? " and \(missing.count - 5) more" : ""
            return
                "no usable prices for \(missing.prefix(5).joined(separator: ", "))\(more) (tickers from \(group.source), line \(group.line))"
        }
        return problem(of: pairs)
    }

    /// `no usable prices for X (why), … and N more`, naming five of `tickers`, or nil when there are none.
    static func leftOutProblem(_ tickers: [String], matrix: CorrelationMatrix) -> String? {
        guard !tickers.isEmpty else { return nil }
        let named = tickers.prefix(5).map { ticker in
            "\(ticker) (\(matrix.problems[ticker].map { "\($0)" } ?? "not in the request"))"
        }
        let more = tickers.count > 5 ? " and \(tickers.count - 5) more" : ""
        return "no usable prices for \(named.joined(separator: ", "))\(more)"
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
            if let missing = missingPrices(group.tickers + peerTickers) {
                return .failure(PeerProblem(reason: missing))
            }
            let figures = CrossGroupFigures(
                matrix: matrix, groupA: group.tickers, groupB: peerTickers, listingLeftOut: false)
            if let problem = Self.leftOutProblem(figures.leftOut, matrix: matrix) {
                return .failure(PeerProblem(reason: problem))
            }
            if let problem = Self.problem(of: figures.pairs) { return .failure(PeerProblem(reason: problem)) }
            return .success(figures)
        }
    }

    /// `no usable prices for CORZ, EQIX (Prices/EQIX.csv: no such file)`: each ticker named once, with its file's
    /// reason unless it is one of the note's own tickers (whose reasons the group's warning already gave).
    func missingPrices(_ tickers: [String]) -> String? {
        var seen = Set<String>()
        let missing = tickers.filter { matrix.problems[$0] != nil && seen.insert($0).inserted }
        guard !missing.isEmpty else { return nil }
        let own = Set(group.tickers)
        let names = missing.prefix(5).map { own.contains($0) ? $0 : "\($0) (\(matrix.problems[$0]!))" }
        let more = missing.count > 5 ? " and \(missing.count - 5) more" : ""
        return "no usable prices for \(names.joined(separator: ", "))\(more)"
    }

    /// Why one pair has no value: its tickers' prices, else the pair's own reason (too little overlap).
    func pairProblem(_ pair: PairCorrelation) -> String {
        missingPrices([pair.a, pair.b]) ?? pair.reason ?? "n/a"
    }

    /// The median of the group's pairs.
    var median: Double? {
        let values = group.pairs.compactMap(\.r).sorted()
        guard !values.isEmpty else { return nil }
        let mid = values.count / 2
        return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
    }
}
