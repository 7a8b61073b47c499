/// A ticker's mean correlation to the other tickers of its group.
public struct TickerMean: Sendable, Equatable {
    public let ticker: String
    /// The mean of the ticker's available pairs, unrounded; nil when none is available.
    public let mean: Double?
    /// How many of the ticker's pairs were n/a and left out of `mean`.
    public let excludedPairs: Int
}

/// The figures a sector note quotes about one group of tickers, all read from one matrix.
public struct GroupFigures: Sendable {
    /// The group, in the order given, duplicates removed.
    public let tickers: [String]
    /// Every pair of the group, highest r first, n/a pairs last; pairs are named in group order.
    public let pairs: [PairCorrelation]
    /// The mean of the unrounded r of the available pairs (averaging rounded values drifts by a cent).
    public let average: Double?
    /// How many pairs were n/a and left out of `average`.
    public let excludedPairs: Int
    /// The pair with the lowest r, and with the highest.
    public let lowest: PairCorrelation?
    public let highest: PairCorrelation?
    /// Each ticker's mean r to the others, in group order.
    public let meanToOthers: [TickerMean]

    /// Reads the figures of `tickers` (default: every ticker of the matrix) from `matrix`.
    public init(matrix: CorrelationMatrix, tickers: [String]? = nil) {
        var seen = Set<String>()
        let group = (tickers ?? matrix.tickers).filter { seen.insert($0).inserted }
        let rows = group.map { matrix.index[$0] }
        var cells: [(Int, Int)] = []
        cells.reserveCapacity(max(0, group.count * (group.count - 1) / 2))
        for p in group.indices {
            for q in group.indices.dropFirst(p + 1) { cells.append((p, q)) }
        }
        self.tickers = group
        pairs = matrix.sortedPairs(cells, group: group, rows: rows)
        (average, excludedPairs) = PairCorrelation.average(pairs)
        highest = pairs.first { $0.r != nil }
        lowest = pairs.last { $0.r != nil }

        // Row sums over the flat matrix: a group of thousands of tickers has millions of pairs.
        let count = matrix.tickers.count
        meanToOthers = group.indices.map { p in
            var sum = 0.0
            var used = 0
            if let i = rows[p] {
                for (q, j) in rows.enumerated() where q != p {
                    guard let j, !matrix.values[i * count + j].isNaN else { continue }
                    sum += matrix.values[i * count + j]
                    used += 1
                }
            }
            return TickerMean(
                ticker: group[p], mean: used == 0 ? nil : sum / Double(used), excludedPairs: group.count - 1 - used)
        }
    }
}

extension PairCorrelation {
    /// The mean of the available r values and how many pairs were n/a.
    static func average(_ pairs: [PairCorrelation]) -> (average: Double?, excluded: Int) {
        var sum = 0.0
        var used = 0
        for case let r? in pairs.lazy.map(\.r) {
            sum += r
            used += 1
        }
        return (used == 0 ? nil : sum / Double(used), pairs.count - used)
    }
}

extension CorrelationMatrix {
    /// The pairs `(names[p], names[q])` for each `(p, q)` of `cells`, highest r first and n/a last.
    ///
    /// Ties keep their given order so output is stable. `rows` holds each name's row in the matrix (nil for a
    /// name not in it), looked up once by the caller rather than once per pair.
    func sortedPairs(_ cells: [(Int, Int)], group names: [String], rows: [Int?]) -> [PairCorrelation] {
        let count = tickers.count
        // Sorting (key, position) records in place is over twice as fast as sorting positions by a lookup.
        // Every r lies in [-1, 1], so -2 puts n/a last.
        var order = cells.enumerated().map { position, cell in
            let (p, q) = cell
            let r = rows[p].flatMap { i in rows[q].map { j in values[i * count + j] } } ?? .nan
            return (key: r.isNaN ? -2 : r, position: position)
        }
        order.sort { $0.key > $1.key || ($0.key == $1.key && $0.position < $1.position) }
        return order.map { entry in
            let (p, q) = cells[entry.position]
            guard let i = rows[p], let j = rows[q] else { return pair(names[p], names[q]) }
            return pair(i, j)
        }
    }
}
