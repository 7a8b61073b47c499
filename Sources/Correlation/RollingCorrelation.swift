import Dispatch

/// A group's average pairwise correlation over a trailing window of return periods, date by date.
///
/// Each pair is correlated on the dates both of its tickers have a return (each ticker's own returns, aligned
/// by date, as every other figure is): the value on such a date is Pearson's r over the last `window` of the
/// pair's common dates, from its `window`-th common date on. This is pandas'
/// `both = pd.concat([ra, rb], axis=1, join="inner")` then `both.a.rolling(window).corr(both.b)`. The group's
/// value on a date is the mean of the pairs that have a value on it; a date on which none has one is left out.
///
/// Rolling correlation is always Pearson (pandas' `rolling().corr()` has no Spearman); the window of dates and
/// simple or log returns follow `options`.
public struct RollingCorrelation: Sendable, Equatable {
    /// How many common return periods each pair's r is taken over.
    public let window: Int
    /// The pairs averaged, as `(a, b)`.
    public let pairs: [[String]]
    /// The dates with a value, in order.
    public let days: [Day]
    /// The mean r of the pairs with a value on each of `days`.
    public let values: [Double]
    /// How many pairs each value averages.
    public let pairCounts: [Int]

    /// The latest value, or nil when no pair reached `window` common dates.
    public var latest: Double? { values.last }

    /// The latest value minus the value `periods` dates (of `days`) before it, or nil with too few dates.
    public func change(over periods: Int) -> Double? {
        guard periods > 0, values.count > periods else { return nil }
        return values[values.count - 1] - values[values.count - 1 - periods]
    }

    /// The rolling average of every pair of `tickers` (duplicates ignored).
    public static func group(
        _ series: [String: Result<PriceSeries, PriceProblem>], tickers: [String], window: Int,
        options: CorrelationOptions
    ) -> RollingCorrelation {
        var seen = Set<String>()
        let group = tickers.filter { seen.insert($0).inserted }
        var pairs: [[String]] = []
        for p in group.indices {
            for q in group.indices.dropFirst(p + 1) { pairs.append([group[p], group[q]]) }
        }
        return RollingCorrelation(series, pairs: pairs, window: window, options: options)
    }

    /// The rolling average of every pair of one ticker from each group; a ticker in both is not paired with
    /// itself, and no pair is counted twice (as `CrossGroupFigures` pairs them).
    public static func cross(
        _ series: [String: Result<PriceSeries, PriceProblem>], groupA: [String], groupB: [String], window: Int,
        options: CorrelationOptions
    ) -> RollingCorrelation {
        var taken = Set<[String]>()
        var pairs: [[String]] = []
        for a in groupA {
            for b in groupB where a != b && taken.insert([a, b].sorted()).inserted { pairs.append([a, b]) }
        }
        return RollingCorrelation(series, pairs: pairs, window: window, options: options)
    }

    /// Averages the rolling r of `pairs`; a pair with a ticker without prices has no value anywhere.
    ///
    /// Each pair walks the dates once, adding the newest common date to running sums and taking out the one
    /// that leaves the window: O(dates × pairs), never a window recomputed.
    public init(
        _ series: [String: Result<PriceSeries, PriceProblem>], pairs: [[String]], window: Int,
        options: CorrelationOptions
    ) {
        precondition(window >= 2, "a correlation needs at least two periods")
        self.window = window
        self.pairs = pairs
        var tickers: [String] = []
        var rowOf: [String: Int] = [:]
        for ticker in pairs.joined() where rowOf[ticker] == nil {
            guard case .success = series[ticker] else { continue }
            rowOf[ticker] = tickers.count
            tickers.append(ticker)
        }
        let prices = tickers.compactMap { try? series[$0]?.get() }
        let until = options.until ?? prices.compactMap { $0.days.last }.max() ?? Day(daysSince1970: 0)
        let rows = prices.map { ReturnSeries(prices: $0, since: options.since, until: until, options: options) }
        let grid = ReturnGrid(rows: rows, alignment: .pairwise)
        let centred = Self.centred(grid)
        let rowPairs = pairs.compactMap { pair -> (Int, Int)? in
            guard let a = rowOf[pair[0]], let b = rowOf[pair[1]] else { return nil }
            return (a, b)
        }
        let length = grid.length
        // Pairs in chunks on every core, each chunk summing into its own arrays; the chunks are added up in
        // order afterwards, so a run gives the same bytes every time.
        let chunks = max(1, min(rowPairs.count, 64))
        var sums = [Double](repeating: 0, count: chunks * length)
        var counts = [Int](repeating: 0, count: chunks * length)
        sums.withUnsafeMutableBufferPointer { sums in
            counts.withUnsafeMutableBufferPointer { counts in
                let out = (sum: DisjointWrites(sums), count: DisjointWrites(counts))
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    var common = [Int](repeating: 0, count: length)
                    var r = [Double](repeating: .nan, count: length)
                    for index in stride(from: chunk, to: rowPairs.count, by: chunks) {
                        let (a, b) = rowPairs[index]
                        Self.rolling(centred, grid: grid, a, b, window: window, common: &common, into: &r)
                        for t in 0..<length where !r[t].isNaN {
                            out.sum[chunk * length + t] += r[t]
                            out.count[chunk * length + t] += 1
                        }
                    }
                }
            }
        }
        var days: [Day] = []
        var values: [Double] = []
        var pairCounts: [Int] = []
        for t in 0..<length {
            var sum = 0.0
            var count = 0
            for chunk in 0..<chunks {
                sum += sums[chunk * length + t]
                count += counts[chunk * length + t]
            }
            guard count > 0 else { continue }
            days.append(grid.axis[t])
            values.append(sum / Double(count))
            pairCounts.append(count)
        }
        self.days = days
        self.values = values
        self.pairCounts = pairCounts
    }

    /// Each row's returns less the row's own mean (0 where it has none).
    ///
    /// Correlation ignores a shift of either series over any set of dates, so this changes no r, but it keeps
    /// the running sums small and the subtractions in `rolling` from cancelling digits.
    private static func centred(_ grid: ReturnGrid) -> [Double] {
        var out = grid.values
        let length = grid.length
        for row in 0..<grid.rowCount where grid.counts[row] > 0 {
            var sum = 0.0
            for t in 0..<length { sum += grid.values[row * length + t] }
            let mean = sum / Double(grid.counts[row])
            for t in 0..<length where grid.mask[row * length + t] == 1 { out[row * length + t] -= mean }
        }
        return out
    }

    /// Pair `(a, b)`'s rolling r at each axis position, NaN where it has none.
    ///
    /// - Parameter common: Scratch space of the axis length: the positions of the pair's common dates so far.
    private static func rolling(
        _ x: [Double], grid: ReturnGrid, _ a: Int, _ b: Int, window: Int, common: inout [Int], into r: inout [Double]
    ) {
        let length = grid.length
        let (rowA, rowB) = (a * length, b * length)
        var n = 0
        var (sx, sy, sxx, syy, sxy) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for t in 0..<length {
            r[t] = .nan
            guard grid.mask[rowA + t] == 1, grid.mask[rowB + t] == 1 else { continue }
            let (u, v) = (x[rowA + t], x[rowB + t])
            common[n] = t
            n += 1
            sx += u
            sy += v
            sxx += u * u
            syy += v * v
            sxy += u * v
            if n > window {
                let old = common[n - 1 - window]
                let (p, q) = (x[rowA + old], x[rowB + old])
                sx -= p
                sy -= q
                sxx -= p * p
                syy -= q * q
                sxy -= p * q
            }
            guard n >= window else { continue }
            let count = Double(window)
            let varianceX = sxx - sx * sx / count
            let varianceY = syy - sy * sy / count
            // A window in which one side does not move has no correlation (pandas: NaN); what running sums leave
            // of a zero variance is rounding noise, far below any real variance.
            guard varianceX > 1e-12 * sxx, varianceY > 1e-12 * syy else { continue }
            r[t] = Statistics.pearson(sxy: sxy - sx * sy / count, sxx: varianceX, syy: varianceY)
        }
    }
}
