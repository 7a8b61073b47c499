/// Exact, per-pair statistics for the cases the matrix products cannot serve.
enum Statistics {
    /// Ranks from 1, tied values sharing the average of their ranks (pandas' `rank(method="average")`).
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = rank }
            start = end
        }
        return ranks
    }

    /// Pearson's r by two passes over the data, or which side has no variation.
    enum PearsonResult: Equatable {
        case value(Double)
        case constant(x: Bool, y: Bool)
    }

    /// Pearson's r of two equally long samples, computed like pandas: means first, then centred sums.
    static func pearson(_ x: [Double], _ y: [Double]) -> PearsonResult {
        let xConstant = x.allSatisfy { $0 == x.first }
        let yConstant = y.allSatisfy { $0 == y.first }
        guard !xConstant, !yConstant else { return .constant(x: xConstant, y: yConstant) }
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            let dx = a - meanX
            let dy = b - meanY
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        return .value(pearson(sxy: sxy, sxx: sxx, syy: syy))
    }

    /// The correlation from centred sums; NaN (n/a) when a sum overflowed, which returns beyond about 1e154 do:
    /// dividing by an infinite norm would otherwise give 0.00 (found by fuzzing). The norms are taken apart
    /// so that their product cannot overflow on its own.
    static func pearson(sxy: Double, sxx: Double, syy: Double) -> Double {
        guard sxy.isFinite, sxx.isFinite, syy.isFinite else { return .nan }
        return clamp(sxy / (sxx.squareRoot() * syy.squareRoot()))
    }

    /// Keeps rounding from pushing a correlation past ±1.
    /// Keeps rounding error inside [-1, 1]; a NaN (returns that overflowed to infinity) stays NaN, so the pair
    /// is n/a rather than -1 (`max(-1, .nan)` is -1).
    static func clamp(_ r: Double) -> Double {
        r.isNaN ? .nan : min(1, max(-1, r))
    }
}
