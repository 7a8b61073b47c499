import Dispatch

/// Computes a `CorrelationMatrix` from price series, the way pandas' `prices.pct_change().corr()` does.
///
/// Each ticker's returns are standardised once over its own dates. Two tickers with returns on exactly the
/// same dates (the usual case) then correlate as the dot product of their rows, so the bulk of the matrix is
/// one blocked product `Z · Zᵀ`. Pairs whose dates differ get pairwise-complete Pearson from masked sums
/// (`Z · Mᵀ`, `Z² · Mᵀ`, `M · Mᵀ` over the rows with gaps); the rare pair where those sums would lose
/// precision, and Spearman pairs with different dates, are computed exactly on their common dates.
public enum CorrelationEngine {
    /// Correlates every pair of `tickers`.
    ///
    /// - Parameters:
    ///   - series: Each ticker's prices or the problem that kept them from loading.
    ///   - tickers: The request, in the order figures should list them; duplicates are ignored.
    ///   - options: Window and convention.
    /// - Returns: A matrix in which pairs of a ticker without prices are n/a, and every other pair computed.
    public static func matrix(
        _ series: [String: Result<PriceSeries, PriceProblem>], tickers: [String], options: CorrelationOptions
    ) -> CorrelationMatrix {
        var seen = Set<String>()
        let tickers = tickers.filter { seen.insert($0).inserted }
        var problems: [String: PriceProblem] = [:]
        var loaded: [(position: Int, prices: PriceSeries)] = []
        for (position, ticker) in tickers.enumerated() {
            switch series[ticker] {
            case .success(let prices): loaded.append((position, prices))
            case .failure(let problem): problems[ticker] = problem
            case nil: problems[ticker] = .notLoaded(ticker: ticker)
            }
        }
        let until = options.until ?? loaded.compactMap { $0.prices.days.last }.max()
        // Without any close there are no returns, whatever the bound; 1970 stands in for the missing one.
        let rows = loaded.map(\.prices).concurrentMap {
            ReturnSeries(prices: $0, since: options.since, until: until ?? Day(daysSince1970: 0), options: options)
        }
        let grid = ReturnGrid(rows: rows, alignment: options.alignment)
        let cells = PairwiseCells(grid: grid, options: options)

        var rowOfPosition = [Int](repeating: -1, count: tickers.count)
        for (row, entry) in loaded.enumerated() { rowOfPosition[entry.position] = row }
        // Only the tickers with prices get cells: thousands without cost nothing per pair.
        let (values, overlaps, statuses) = fill(count: loaded.count, cells: cells)
        return CorrelationMatrix(
            tickers: tickers, options: options, from: options.since ?? grid.axis.first, to: until,
            problems: problems, rowOfPosition: rowOfPosition, values: values, overlaps: overlaps, statuses: statuses)
    }
}

extension CorrelationEngine {
    /// Every cell of the `count × count` matrix of the rows with prices, on every core.
    ///
    /// Row `a` computes its cells on and right of the diagonal, then bands of rows copy the upper triangle onto
    /// the lower one, tile by tile. Nothing is initialised twice: for 2,000 tickers the three arrays are 52 MB.
    fileprivate static func fill(
        count: Int, cells: PairwiseCells
    ) -> (values: [Double], overlaps: [Int32], statuses: [CorrelationMatrix.Status]) {
        let size = count * count
        var overlaps: [Int32] = []
        var statuses: [CorrelationMatrix.Status] = []
        let values = [Double](unsafeUninitializedCapacity: size) { values, valuesCount in
            overlaps = [Int32](unsafeUninitializedCapacity: size) { overlaps, overlapsCount in
                statuses = [CorrelationMatrix.Status](unsafeUninitializedCapacity: size) { statuses, statusesCount in
                    let out = (
                        r: DisjointWrites(values), overlap: DisjointWrites(overlaps), status: DisjointWrites(statuses)
                    )
                    DispatchQueue.concurrentPerform(iterations: count) { a in
                        for b in a..<count {
                            let cell = cells.cell(a, b)
                            out.r[a * count + b] = cell.r
                            out.overlap[a * count + b] = Int32(cell.overlap)
                            out.status[a * count + b] = cell.status
                        }
                    }
                    let tile = 64
                    // Band k writes only rows k·tile ..< (k + 1)·tile left of the diagonal, reading the upper triangle.
                    DispatchQueue.concurrentPerform(iterations: (count + tile - 1) / tile) { band in
                        let i0 = band * tile
                        for j0 in stride(from: 0, through: i0, by: tile) {
                            for i in i0..<min(i0 + tile, count) {
                                for j in j0..<min(j0 + tile, i) {
                                    out.r[i * count + j] = out.r[j * count + i]
                                    out.overlap[i * count + j] = out.overlap[j * count + i]
                                    out.status[i * count + j] = out.status[j * count + i].transposed
                                }
                            }
                        }
                    }
                    statusesCount = size
                }
                overlapsCount = size
            }
            valuesCount = size
        }
        return (values, overlaps, statuses)
    }
}

/// The products a matrix is read from, computed once per request.
private struct PairwiseCells: Sendable {
    /// One cell of the matrix: r (NaN when n/a), the common period count and why it is n/a.
    typealias Cell = (r: Double, overlap: Int, status: CorrelationMatrix.Status)

    let grid: ReturnGrid
    let options: CorrelationOptions
    let minimum: Int
    let constant: [Bool]
    let groups: [Int]
    /// `Z · Zᵀ`: the correlation itself for rows with the same dates, else Σxy over common dates.
    let zz: [Double]
    /// Position of each row among the rows with gaps, or nil for a row with every date.
    let gapPosition: [Int?]
    let gapCount: Int
    /// `M_g · M_gᵀ`: common date counts between rows with gaps.
    let mm: [Double]
    /// `Z · M_gᵀ` and `Z² · M_gᵀ`: Σx and Σx² of every row over the dates of each row with gaps.
    let zm: [Double]
    let qm: [Double]
    let rowSum: [Double]
    let rowSquares: [Double]
    /// For Spearman: each row's positions sorted by value (see `ReturnGrid.valueOrder()`).
    let valueOrder: [[Int]]

    init(grid: ReturnGrid, options: CorrelationOptions) {
        self.grid = grid
        self.options = options
        minimum = max(options.minOverlap, 2)
        let n = grid.rowCount
        let length = grid.length
        let spearman = options.method == .spearman
        let (z, constant) = grid.standardized(ranked: spearman)
        self.constant = constant
        groups = grid.maskGroups()
        // Cells are read as (i, j ≥ i) only (see `cell`), so the products' lower triangles are never filled.
        zz = CrossProducts.compute(z, rowsA: n, z, rowsB: n, length: length, symmetric: true, mirrored: false)

        let gapRows = (0..<n).filter { grid.counts[$0] < length }
        var gapPosition = [Int?](repeating: nil, count: n)
        for (position, row) in gapRows.enumerated() { gapPosition[row] = position }
        self.gapPosition = gapPosition
        gapCount = gapRows.count
        let gapMask = gapRows.flatMap { grid.mask[$0 * length..<($0 + 1) * length] }
        mm = CrossProducts.compute(
            gapMask, rowsA: gapCount, gapMask, rowsB: gapCount, length: length, symmetric: true, mirrored: false)
        valueOrder = spearman && !gapRows.isEmpty ? grid.valueOrder() : []
        rowSum = (0..<n).map { row in z[row * length..<(row + 1) * length].reduce(0, +) }
        rowSquares = (0..<n).map { row in z[row * length..<(row + 1) * length].reduce(0) { $0 + $1 * $1 } }
        if spearman || gapRows.isEmpty {
            // Spearman pairs with different dates are ranked afresh, so the masked sums are not needed.
            zm = []
            qm = []
        } else {
            (zm, qm) = Self.maskedSums(z, rows: n, length: length, gapRows: gapRows, mask: grid.mask)
        }
    }

    /// Σx and Σx² of every row over the dates of each of `gapRows`, at `[row * gapRows.count + gap]`.
    ///
    /// These are the products `Z · M_gᵀ` and `Z² · M_gᵀ`, but a row with gaps has its dates in a few runs (a
    /// late listing, a handful of missing days), and the sum over a run is the difference of two prefix sums.
    /// Each row's prefix sums stay in cache while it is summed for every gap row: rows × runs instead of
    /// rows × length for each row with gaps (70 ms → 15 ms for 2,000 tickers with 686 rows with gaps).
    private static func maskedSums(
        _ z: [Double], rows n: Int, length: Int, gapRows: [Int], mask: [Double]
    ) -> (sums: [Double], squares: [Double]) {
        // Each gap row's runs of consecutive dates it has, as start and end positions, one row after another.
        var runBounds: [Int] = []
        var rowEnds: [Int] = []
        for row in gapRows {
            var t = 0
            while t < length {
                guard mask[row * length + t] == 1 else {
                    t += 1
                    continue
                }
                runBounds.append(t)
                while t < length, mask[row * length + t] == 1 { t += 1 }
                runBounds.append(t)
            }
            rowEnds.append(runBounds.count)
        }
        let (bounds, ends) = (runBounds, rowEnds)
        let gapCount = gapRows.count
        // Every element is written once, by the core that computes it: nothing to zero first.
        let size = n * gapCount
        var squares: [Double] = []
        let sums = [Double](unsafeUninitializedCapacity: size) { sums, sumsCount in
            squares = [Double](unsafeUninitializedCapacity: size) { squares, squaresCount in
                let out = (x: DisjointWrites(sums), xx: DisjointWrites(squares))
                DispatchQueue.concurrentPerform(iterations: n) { row in
                    var prefix = [Double](repeating: 0, count: length + 1)
                    var prefixSquares = [Double](repeating: 0, count: length + 1)
                    for t in 0..<length {
                        let x = z[row * length + t]
                        prefix[t + 1] = prefix[t] + x
                        prefixSquares[t + 1] = prefixSquares[t] + x * x
                    }
                    var run = 0
                    for gap in 0..<gapCount {
                        var x = 0.0
                        var xx = 0.0
                        while run < ends[gap] {
                            x += prefix[bounds[run + 1]] - prefix[bounds[run]]
                            xx += prefixSquares[bounds[run + 1]] - prefixSquares[bounds[run]]
                            run += 2
                        }
                        out.x[row * gapCount + gap] = x
                        out.xx[row * gapCount + gap] = xx
                    }
                }
                squaresCount = size
            }
            sumsCount = size
        }
        return (sums, squares)
    }

    /// The number of dates rows `i` and `j` both have a return on.
    @inline(__always)
    func overlap(_ i: Int, _ j: Int) -> Int {
        if groups[i] == groups[j] { return grid.counts[i] }
        guard let gi = gapPosition[i] else { return grid.counts[j] }
        guard let gj = gapPosition[j] else { return grid.counts[i] }
        return Int(mm[gi * gapCount + gj].rounded())
    }

    /// The cell of rows `i ≤ j` (the products hold only their upper triangles).
    @inline(__always)
    func cell(_ i: Int, _ j: Int) -> Cell {
        assert(i <= j, "cells are read above the diagonal")
        let overlap = overlap(i, j)
        if overlap < minimum { return (.nan, overlap, .tooFew) }
        switch (constant[i], constant[j]) {
        case (true, true): return (.nan, overlap, .bothConstant)
        case (true, false): return (.nan, overlap, .rowConstant)
        case (false, true): return (.nan, overlap, .columnConstant)
        case (false, false): break
        }
        if i == j { return (1, overlap, .ok) }
        if groups[i] == groups[j] { return (Statistics.clamp(zz[i * grid.rowCount + j]), overlap, .ok) }
        if options.method == .spearman { return exactSpearman(i, j, overlap: overlap) }

        let n = Double(overlap)
        let (sx, sxx) =
            gapPosition[j].map { (zm[i * gapCount + $0], qm[i * gapCount + $0]) }
            ?? (rowSum[i], rowSquares[i])
        let (sy, syy) =
            gapPosition[i].map { (zm[j * gapCount + $0], qm[j * gapCount + $0]) }
            ?? (rowSum[j], rowSquares[j])
        let varianceX = sxx - sx * sx / n
        let varianceY = syy - sy * sy / n
        // When a series' mean over the common dates sits far from its own mean, the subtraction above
        // cancels most digits (or the pair is constant there); recompute such a pair exactly.
        guard varianceX > 1e-3 * sxx, varianceY > 1e-3 * syy else { return exact(i, j, overlap: overlap) }
        let covariance = zz[i * grid.rowCount + j] - sx * sy / n
        return (Statistics.pearson(sxy: covariance, sxx: varianceX, syy: varianceY), overlap, .ok)
    }

    /// Pearson straight from the returns on the common dates, as pandas computes it.
    private func exact(_ i: Int, _ j: Int, overlap: Int) -> Cell {
        let (x, y) = grid.common(i, j)
        return Self.result(Statistics.pearson(x, y), overlap: overlap)
    }

    /// Spearman on the common dates only, ranking each side afresh there as pandas does.
    private func exactSpearman(_ i: Int, _ j: Int, overlap: Int) -> Cell {
        var rankX = [Double](repeating: 0, count: grid.length)
        var rankY = [Double](repeating: 0, count: grid.length)
        grid.rankOnCommonDates(i, with: j, order: valueOrder[i], into: &rankX)
        grid.rankOnCommonDates(j, with: i, order: valueOrder[j], into: &rankY)
        // Ranks 1…n (ties averaged) always have mean (n + 1) / 2, so one pass suffices.
        let mean = Double(overlap + 1) / 2
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for t in 0..<grid.length where grid.mask[i * grid.length + t] == 1 && grid.mask[j * grid.length + t] == 1 {
            let dx = rankX[t] - mean
            let dy = rankY[t] - mean
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else {
            return Self.result(.constant(x: sxx == 0, y: syy == 0), overlap: overlap)
        }
        return (Statistics.pearson(sxy: sxy, sxx: sxx, syy: syy), overlap, .ok)
    }

    private static func result(_ pearson: Statistics.PearsonResult, overlap: Int) -> Cell {
        switch pearson {
        case .value(let r): return (r, overlap, .ok)
        case .constant(true, true): return (.nan, overlap, .bothConstant)
        case .constant(true, false): return (.nan, overlap, .rowConstant)
        case .constant: return (.nan, overlap, .columnConstant)
        }
    }
}
