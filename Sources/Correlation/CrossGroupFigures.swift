/// How two groups of tickers correlate with each other (e.g. miners against data-centre REITs).
public struct CrossGroupFigures: Sendable {
    public let groupA: [String]
    public let groupB: [String]
    /// Every pair of one ticker from each group, highest r first, n/a last; named `a-b`.
    public let pairs: [PairCorrelation]
    /// The mean of the unrounded r of the available pairs.
    public let average: Double?
    /// How many pairs were n/a and left out of `average`.
    public let excludedPairs: Int
    public let lowest: PairCorrelation?
    public let highest: PairCorrelation?

    /// Reads every `a`-`b` pair from `matrix`; a ticker in both groups is not paired with itself or twice.
    public init(matrix: CorrelationMatrix, groupA: [String], groupB: [String]) {
        var seenA = Set<String>()
        var seenB = Set<String>()
        self.groupA = groupA.filter { seenA.insert($0).inserted }
        self.groupB = groupB.filter { seenB.insert($0).inserted }
        // One list of names with B after A, so cells can index into it.
        let names = self.groupA + self.groupB
        let rows = names.map { matrix.index[$0] }
        var taken = Set<[String]>()
        var cells: [(Int, Int)] = []
        for p in self.groupA.indices {
            for q in self.groupA.count..<names.count where names[p] != names[q] {
                if taken.insert([names[p], names[q]].sorted()).inserted { cells.append((p, q)) }
            }
        }
        pairs = matrix.sortedPairs(cells, group: names, rows: rows)
        (average, excludedPairs) = PairCorrelation.average(pairs)
        highest = pairs.first { $0.r != nil }
        lowest = pairs.last { $0.r != nil }
    }
}
