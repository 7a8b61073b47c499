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
    /// The tickers of the group without prices (left out of the matrix, or not in it), in group order.
    public let leftOut: [String]
    /// Every pair of the group, highest r first, n/a pairs last; pairs are named in group order. Without
    /// `listingLeftOut`, the pairs of a ticker in `leftOut` are not listed (only counted in `excludedPairs`).
    public let pairs: [PairCorrelation]
    /// The mean of the unrounded r of the available pairs (averaging rounded values drifts by a cent).
    public let average: Double?
    /// How many pairs were n/a and left out of `average`, listed or not.
    public let excludedPairs: Int
    /// The pair with the lowest r, and with the highest.
    public let lowest: PairCorrelation?
    public let highest: PairCorrelation?
    /// Each ticker's mean r to the others, in group order.
    public let meanToOthers: [TickerMean]

    /// Reads the figures of `tickers` (default: every ticker of the matrix) from `matrix`.
    ///
    /// - Parameter listingLeftOut: Whether `pairs` lists the pairs of tickers without prices, each with its
    ///   reason (`vaultgen corr` prints them). A sector note says why per ticker instead, so that a group of
    ///   thousands of tickers without price files costs time and memory in proportion to its tickers.
    public init(matrix: CorrelationMatrix, tickers: [String]? = nil, listingLeftOut: Bool = true) {
        var seen = Set<String>()
        let group = (tickers ?? matrix.tickers).filter { seen.insert($0).inserted }
        let rows = group.map { matrix.index[$0] }
        let dense = group.map { matrix.row($0) }
        let listed = group.indices.filter { listingLeftOut || dense[$0] != nil }
        var cells: [(Int, Int)] = []
        cells.reserveCapacity(max(0, listed.count * (listed.count - 1) / 2))
        for (k, p) in listed.enumerated() {
            for q in listed.dropFirst(k + 1) { cells.append((p, q)) }
        }
        self.tickers = group
        leftOut = group.indices.filter { dense[$0] == nil }.map { group[$0] }
        pairs = matrix.sortedPairs(cells, group: group, rows: rows)
        let unlisted = group.count * (group.count - 1) / 2 - cells.count
        let (average, excluded) = PairCorrelation.average(pairs)
        self.average = average
        excludedPairs = excluded + unlisted
        highest = pairs.first { $0.r != nil }
        lowest = pairs.last { $0.r != nil }

        // Row sums over the flat matrix, over the tickers with prices only: a group of thousands of tickers has
        // millions of pairs.
        let withRows = group.indices.compactMap { p in dense[p].map { (p, $0) } }
        meanToOthers = group.indices.map { p in
            var sum = 0.0
            var used = 0
            if let i = dense[p] {
                for (q, j) in withRows where q != p {
                    let value = matrix.value(row: i, j)
                    guard !value.isNaN else { continue }
                    sum += value
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
        let count = rowCount
        // Each name's row among the tickers with prices, for reading the flat arrays.
        let dense = rows.map { $0.flatMap { rowOfPosition[$0] >= 0 ? rowOfPosition[$0] : nil } }
        // Each pair travels through the sort as p, q and its overlap packed in 64 bits: 20 bits each for p and
        // q (a million tickers would be a matrix of 8 TB) and 24 for the overlap (4-digit years span fewer
        // than 2²² days), so that the pairs need not be looked up again in sorted order, all over the matrix.
        precondition(names.count < 1 << 20)
        // Every r lies in [-1, 1], so -2 puts n/a last.
        var keys = [Double](repeating: -2, count: cells.count)
        var payloads = [UInt64](repeating: 0, count: cells.count)
        for (position, (p, q)) in cells.enumerated() {
            var overlap: Int32 = 0
            if let i = dense[p], let j = dense[q] {
                if !values[i * count + j].isNaN { keys[position] = values[i * count + j] }
                overlap = overlaps[i * count + j]
            }
            payloads[position] = UInt64(p) << 44 | UInt64(q) << 24 | UInt64(UInt32(overlap) & 0xFF_FFFF)
        }
        // r comes back with its key (the status of every number is ok); a pair that is n/a, or whose r is 0
        // (the key has lost its sign), is built the long way.
        Self.sortDescending(&keys, payloads: &payloads)
        return zip(keys, payloads).map { r, payload in
            let (p, q) = (Int(payload >> 44), Int(payload >> 24 & 0xF_FFFF))
            guard let i = rows[p], let j = rows[q] else { return pair(names[p], names[q]) }
            guard r != -2, r != 0 else { return pair(i, j) }
            return PairCorrelation(a: tickers[i], b: tickers[j], r: r, overlap: Int(payload & 0xFF_FFFF), reason: nil)
        }
    }

    /// Sorts `keys` and their `payloads` in place, highest key first, equal keys in their given order (-0 comes
    /// back as 0).
    ///
    /// A stable radix sort on the keys' bits, 11 at a time: six passes over millions of pairs instead of a
    /// comparison sort's twenty-odd (2,048 buckets keep the scattered writes in cache, 65,536 did not).
    /// NaN must not occur; -0 equals 0.
    static func sortDescending(_ keys: inout [Double], payloads order: inout [UInt64]) {
        precondition(keys.count == order.count)
        // Bits that sort as unsigned integers the way the keys sort descending: the sign bit set for negative
        // numbers (and -0 turned into 0 by adding 0), flipped so that larger keys come first.
        var bits = keys.map { key -> UInt64 in
            let pattern = (key + 0).bitPattern
            let ascending = pattern >> 63 == 1 ? ~pattern : pattern | 1 << 63
            return ~ascending
        }
        var nextBits = [UInt64](repeating: 0, count: keys.count)
        var nextOrder = [UInt64](repeating: 0, count: keys.count)
        let digitBits = 11
        let buckets = 1 << digitBits
        let passes = (64 + digitBits - 1) / digitBits
        // How many keys have each digit, for every pass at once.
        var counts = [Int](repeating: 0, count: passes * buckets)
        for value in bits {
            for pass in 0..<passes {
                counts[pass * buckets + Int(truncatingIfNeeded: value >> (pass * digitBits)) & (buckets - 1)] += 1
            }
        }
        var next = [Int](repeating: 0, count: buckets)
        for pass in 0..<passes {
            // A pass in which every key has the same digit would leave the order as it is.
            if counts[pass * buckets..<(pass + 1) * buckets].contains(keys.count) { continue }
            var start = 0
            for digit in 0..<buckets {
                next[digit] = start
                start += counts[pass * buckets + digit]
            }
            let shift = pass * digitBits
            bits.withUnsafeBufferPointer { bits in
                order.withUnsafeBufferPointer { order in
                    nextBits.withUnsafeMutableBufferPointer { nextBits in
                        nextOrder.withUnsafeMutableBufferPointer { nextOrder in
                            next.withUnsafeMutableBufferPointer { next in
                                for index in bits.indices {
                                    let digit = Int(truncatingIfNeeded: bits[index] >> shift) & (buckets - 1)
                                    nextBits[next[digit]] = bits[index]
                                    nextOrder[next[digit]] = order[index]
                                    next[digit] += 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&bits, &nextBits)
            swap(&order, &nextOrder)
        }
        for (index, descending) in bits.enumerated() {
            let ascending = ~descending
            keys[index] = Double(bitPattern: ascending >> 63 == 1 ? ascending & ~(1 << 63) : ~ascending)
        }
    }
}
