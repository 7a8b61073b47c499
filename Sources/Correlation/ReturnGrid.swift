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
        let (axis, position) = Self.axis(of: rows, alignment: alignment)
        let length = axis.count
        var values = [Double](repeating: 0, count: rows.count * length)
        var mask = [Double](repeating: 0, count: rows.count * length)
        var counts = [Int](repeating: 0, count: rows.count)
        for (rowIndex, row) in rows.enumerated() {
            for (key, value) in zip(row.keys, row.values) {
                guard let column = position(key) else { continue }
                values[rowIndex * length + column] = value
                mask[rowIndex * length + column] = 1
                counts[rowIndex] += 1
            }
        }
        self.axis = axis
        self.rowCount = rows.count
        self.values = values
        self.mask = mask
        self.counts = counts
    }

    /// The sorted axis and a look-up from a day to its column.
    ///
    /// Days are integers within a few thousand of each other, so a table indexed by day replaces hashing
    /// (every sector note of a vault builds a grid); a span too wide for a table falls back to a dictionary.
    private static func axis(
        of rows: [ReturnSeries], alignment: CorrelationOptions.Alignment
    ) -> (axis: [Day], position: (Day) -> Int?) {
        let days = rows.flatMap { [$0.keys.min(), $0.keys.max()] }.compactMap { $0?.daysSince1970 }
        guard let first = days.min(), let last = days.max() else { return ([], { _ in nil }) }
        let keep = { (count: Int) in alignment == .pairwise ? count > 0 : count == rows.count }
        guard last - first < 1 << 22 else {
            var seen: [Day: Int] = [:]
            for row in rows {
                for key in row.keys { seen[key, default: 0] += 1 }
            }
            let axis = seen.filter { keep($0.value) }.keys.sorted()
            let position = Dictionary(uniqueKeysWithValues: axis.enumerated().map { ($1, $0) })
            return (axis, { position[$0] })
        }
        var column = [Int32](repeating: 0, count: last - first + 1)
        for row in rows {
            for key in row.keys { column[key.daysSince1970 - first] += 1 }
        }
        var axis: [Day] = []
        for offset in column.indices {
            if keep(Int(column[offset])) {
                column[offset] = Int32(axis.count)
                axis.append(Day(daysSince1970: first + offset))
            } else {
                column[offset] = -1
            }
        }
        return (
            axis,
            { day in
                let index = Int(column[day.daysSince1970 - first])
                return index < 0 ? nil : index
            }
        )
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
        var groups: [[Double]: Int] = [:]
        return (0..<rowCount).map { row in
            let key = Array(mask[row * length..<(row + 1) * length])
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
        var z = [Double](repeating: 0, count: values.count)
        var constant = [Bool](repeating: false, count: rowCount)
        for row in 0..<rowCount {
            var own = present(row)
            guard let first = own.first, own.contains(where: { $0 != first }) else {
                constant[row] = true
                continue
            }
            if ranked { own = Statistics.averageRanks(own) }
            let mean = own.reduce(0, +) / Double(own.count)
            let norm = own.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }.squareRoot()
            // Returns beyond about 1e154 overflow the sum of squares: every z-score would be 0 and the pair a
            // figure of 0.00. NaN z-scores make every pair of the row n/a instead (found by fuzzing).
            guard norm.isFinite, mean.isFinite else {
                for t in 0..<length where mask[row * length + t] == 1 { z[row * length + t] = .nan }
                continue
            }
            var next = 0
            for t in 0..<length where mask[row * length + t] == 1 {
                z[row * length + t] = (own[next] - mean) / norm
                next += 1
            }
        }
        return (z, constant)
    }
}
