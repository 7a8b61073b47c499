import Dispatch

/// Several tickers' returns laid out on one date axis: one contiguous row per ticker, row-major.
///
/// Missing returns are stored as 0 with a 0 in `mask`, so sums over common dates become plain dot products
/// against the masks.
struct ReturnGrid: Sendable {
    /// The return periods, sorted: the union of every row's periods, or their intersection.
    let axis: [Day]
    let rowCount: Int
    /// `rowCount × axis.count` returns, 0 where a row has none.
    let values: [Double]
    /// 1 where a row has a return, else 0.
    let mask: [Double]
    /// How many returns each row has on the axis.
    let counts: [Int]

    var length: Int { axis.count }

    init(rows: [ReturnSeries], alignment: CorrelationOptions.Alignment) {
        // Days are small integers (4-digit years span under 3.7 million days), so a flat table indexed by day
        // finds a date's column; hashing 1.5 million dates of 2,000 tickers took 70 ms.
        var first = Int.max
        var last = Int.min
        for row in rows {
            for key in row.keys {
                first = min(first, key.daysSince1970)
                last = max(last, key.daysSince1970)
            }
        }
        let span = first <= last ? last - first + 1 : 0
        var seen = [Int32](repeating: 0, count: span)
        for row in rows {
            for key in row.keys { seen[key.daysSince1970 - first] += 1 }
        }
        let needed: Int32 = alignment == .pairwise ? 1 : Int32(rows.count)
        var axis: [Day] = []
        // The column of each day on the axis, -1 for a day that is not on it.
        var axisColumn = [Int32](repeating: -1, count: span)
        for offset in 0..<span where seen[offset] >= needed {
            axisColumn[offset] = Int32(axis.count)
            axis.append(Day(daysSince1970: first + offset))
        }

        let length = axis.count
        let (column, firstDay) = (axisColumn, first)
        // Each row is zeroed by the core that fills it, rather than both arrays on one core first.
        let size = rows.count * length
        var mask: [Double] = []
        var counts = [Int](repeating: 0, count: rows.count)
        let values = [Double](unsafeUninitializedCapacity: size) { values, valuesCount in
            mask = [Double](unsafeUninitializedCapacity: size) { mask, maskCount in
                counts.withUnsafeMutableBufferPointer { counts in
                    let out = (
                        values: DisjointWrites(values), mask: DisjointWrites(mask), counts: DisjointWrites(counts)
                    )
                    DispatchQueue.concurrentPerform(iterations: rows.count) { rowIndex in
                        (out.values.base + rowIndex * length).initialize(repeating: 0, count: length)
                        (out.mask.base + rowIndex * length).initialize(repeating: 0, count: length)
                        let row = rows[rowIndex]
                        for (key, value) in zip(row.keys, row.values) {
                            let position = Int(column[key.daysSince1970 - firstDay])
                            guard position >= 0 else { continue }
                            out.values[rowIndex * length + position] = value
                            out.mask[rowIndex * length + position] = 1
                            out.counts[rowIndex] += 1
                        }
                    }
                }
                maskCount = size
            }
            valuesCount = size
        }
        self.axis = axis
        self.rowCount = rows.count
        self.values = values
        self.mask = mask
        self.counts = counts
    }

    /// The row's values on the dates where it has a return.
    func present(_ row: Int) -> [Double] {
        (0..<length).compactMap { mask[row * length + $0] == 1 ? values[row * length + $0] : nil }
    }

    /// Both rows' values on the dates where both have a return.
    func common(_ a: Int, _ b: Int) -> (x: [Double], y: [Double]) {
        var x: [Double] = []
        var y: [Double] = []
        for t in 0..<length where mask[a * length + t] == 1 && mask[b * length + t] == 1 {
            x.append(values[a * length + t])
            y.append(values[b * length + t])
        }
        return (x, y)
    }

    /// Each row's axis positions sorted by value, so that any subset of them can be ranked in one pass.
    func valueOrder() -> [[Int]] {
        (0..<rowCount).map { row in
            (0..<length).filter { mask[row * length + $0] == 1 }.sorted {
                values[row * length + $0] < values[row * length + $1]
            }
        }
    }

    /// Ranks of `row`'s values on the dates `other` also has, written at their axis positions in `ranks`.
    ///
    /// - Parameter order: `row`'s entry of `valueOrder()`; walking it keeps this linear in the axis length.
    func rankOnCommonDates(_ row: Int, with other: Int, order: [Int], into ranks: inout [Double]) {
        let kept = order.filter { mask[other * length + $0] == 1 }
        var start = 0
        while start < kept.count {
            let value = values[row * length + kept[start]]
            var end = start + 1
            while end < kept.count, values[row * length + kept[end]] == value { end += 1 }
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[kept[position]] = rank }
            start = end
        }
    }

    /// A label per row; rows with the same label have returns on exactly the same dates.
    func maskGroups() -> [Int] {
        // Keyed by the mask packed into bits: hashing 750 doubles per row took most of the time.
        let words = (length + 63) / 64
        let keys = Array(0..<rowCount).concurrentMap { row -> [UInt64] in
            var key = [UInt64](repeating: 0, count: words)
            for t in 0..<length where mask[row * length + t] == 1 { key[t / 64] |= 1 << UInt64(t % 64) }
            return key
        }
        var groups: [[UInt64]: Int] = [:]
        return keys.map { key in
            if let group = groups[key] { return group }
            groups[key] = groups.count
            return groups.count - 1
        }
    }

    /// Each row centred on its own mean and scaled to unit length over its own dates (0 elsewhere).
    ///
    /// Correlation ignores shifting and scaling a series, so this changes no result, but it makes the dot
    /// product of two rows with the same dates their correlation, and keeps the masked sums well conditioned.
    /// A row whose values are all equal is left at 0 and flagged as constant.
    /// - Parameter ranked: Replace each row's values by their ranks first (Spearman).
    func standardized(ranked: Bool) -> (z: [Double], constant: [Bool]) {
        var constant = [Bool](repeating: false, count: rowCount)
        let z = [Double](unsafeUninitializedCapacity: values.count) { z, zCount in
            constant.withUnsafeMutableBufferPointer { constant in
                let out = (z: DisjointWrites(z), constant: DisjointWrites(constant))
                DispatchQueue.concurrentPerform(iterations: rowCount) { row in
                    // Zeroed here, by the core that fills the row.
                    (out.z.base + row * length).initialize(repeating: 0, count: length)
                    var own = present(row)
                    guard let first = own.first, own.contains(where: { $0 != first }) else {
                        out.constant[row] = true
                        return
                    }
                    if ranked { own = Statistics.averageRanks(own) }
                    let mean = own.reduce(0, +) / Double(own.count)
                    let norm = own.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }.squareRoot()
                    // Returns beyond about 1e154 overflow the sum of squares: every z-score would be 0 and the
                    // pair a figure of 0.00. NaN z-scores make every pair of the row n/a instead (found by fuzzing).
                    guard norm.isFinite, mean.isFinite else {
                        for t in 0..<length where mask[row * length + t] == 1 { out.z[row * length + t] = .nan }
                        return
                    }
                    var next = 0
                    for t in 0..<length where mask[row * length + t] == 1 {
                        out.z[row * length + t] = (own[next] - mean) / norm
                        next += 1
                    }
                }
            }
            zCount = values.count
        }
        return (z, constant)
    }
}
