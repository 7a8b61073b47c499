/// How two groups of tickers correlate with each other (e.g. miners against data-centre REITs).
public struct CrossGroupFigures: Sendable {
    public let groupA: [String]
    public let groupB: [String]
    /// The tickers of either group without prices, A's first.
    public let leftOut: [String]
    /// Every pair of one ticker from each group, highest r first, n/a last; named `a-b`. Without
    /// `listingLeftOut`, the pairs of a ticker in `leftOut` are not listed (only counted in `excludedPairs`).
    public let pairs: [PairCorrelation]
    /// The mean of the unrounded r of the available pairs.
    public let average: Double?
    /// How many pairs were n/a and left out of `average`, listed or not.
    public let excludedPairs: Int
    public let lowest: PairCorrelation?
    public let highest: PairCorrelation?

    /// Reads every `a`-`b` pair from `matrix`; a ticker in both groups is not paired with itself or twice.
    ///
    /// - Parameter listingLeftOut: As for `GroupFigures`: whether the pairs of tickers without prices are listed.
    public init(matrix: CorrelationMatrix, groupA: [String], groupB: [String], listingLeftOut: Bool = true) {
        var seenA = Set<String>()
        var seenB = Set<String>()
        self.groupA = groupA.filter { seenA.insert($0).inserted }
        self.groupB = groupB.filter { seenB.insert($0).inserted }
        // One list of names with B after A, so cells can index into it.
        let names = self.groupA + self.groupB
        let rows = names.map { matrix.index[$0] }
        let listed = names.indices.map { listingLeftOut || matrix.row(names[$0]) != nil }
        var seenLeftOut = Set<String>()
        leftOut = names.filter { matrix.row($0) == nil && seenLeftOut.insert($0).inserted }
        let positionInA = Dictionary(self.groupA.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var cells: [(Int, Int)] = []
        var all = 0
        for p in self.groupA.indices {
            let inB = seenB.contains(names[p])
            for q in self.groupA.count..<names.count where names[p] != names[q] {
                // Two tickers both in both groups meet twice; the pair is taken where A reaches it first.
                if inB, let earlier = positionInA[names[q]], earlier < p { continue }
                all += 1
                if listed[p] && listed[q] { cells.append((p, q)) }
            }
        }
        pairs = matrix.sortedPairs(cells, group: names, rows: rows)
        let (average, excluded) = PairCorrelation.average(pairs)
        self.average = average
        excludedPairs = excluded + all - cells.count
        highest = pairs.first { $0.r != nil }
        lowest = pairs.last { $0.r != nil }
    }
}
