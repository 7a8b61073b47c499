extension ClusterAnalysis {
    /// Every sector's cohesion, separation and silhouettes, from one pass over each clustered ticker's row.
    ///
    /// For each ticker in some sector, the sums of its r (and distances) to every sector's tickers are taken once;
    /// silhouettes, cohesion and the mean r between two sectors all follow from those sums. That is
    /// O(tickers × memberships + memberships × sectors) rather than a pass over a sector per member: `update`
    /// checks 800 sector notes this way on every run.
    static func fits(_ sectors: [Sector], groups: [[Int]], distances: DistanceMatrix) -> [SectorFit] {
        let count = sectors.count
        var sectorsOf = [[Int]](repeating: [], count: distances.tickers.count)
        for (t, group) in groups.enumerated() {
            for i in group { sectorsOf[i].append(t) }
        }
        // cross[s·count + t]: the sum of r over pairs (i in s, j in t, i ≠ j), and how many pairs.
        var cross = [Double](repeating: 0, count: count * count)
        var crossPairs = [Int](repeating: 0, count: count * count)
        var members = [[Int: MemberFit]](repeating: [:], count: count)
        var sumR = [Double](repeating: 0, count: count)
        var sumD = [Double](repeating: 0, count: count)
        var others = [Int](repeating: 0, count: count)
        for i in sectorsOf.indices where !sectorsOf[i].isEmpty {
            for t in 0..<count {
                var r = 0.0
                var d = 0.0
                var used = 0
                for j in groups[t] where j != i {
                    r += distances.r(i, j)
                    d += distances.distance(i, j)
                    used += 1
                }
                sumR[t] = r
                sumD[t] = d
                others[t] = used
            }
            for s in sectorsOf[i] {
                let a = others[s] == 0 ? nil : sumD[s] / Double(others[s])
                var nearest: (sector: Int, distance: Double)? = nil
                for t in 0..<count where t != s && others[t] > 0 {
                    let b = sumD[t] / Double(others[t])
                    if nearest.map({ b < $0.distance }) ?? true { nearest = (t, b) }
                }
                var silhouette: Double? = nil
                if let a, let b = nearest?.distance {
                    let scale = max(a, b)
                    silhouette = scale == 0 ? 0 : (b - a) / scale
                }
                members[s][i] = MemberFit(
                    ticker: distances.tickers[i], ownDistance: a,
                    nearestSector: nearest.map { sectors[$0.sector].name },
                    nearestDistance: nearest?.distance, silhouette: silhouette)
                for t in 0..<count {
                    cross[s * count + t] += sumR[t]
                    crossPairs[s * count + t] += others[t]
                }
            }
        }
        return sectors.indices.map { s in
            let own = groups[s]
            var nearest: (sector: Int, r: Double)? = nil
            for t in 0..<count where t != s && crossPairs[s * count + t] > 0 {
                let mean = cross[s * count + t] / Double(crossPairs[s * count + t])
                if nearest.map({ mean > $0.r }) ?? true { nearest = (t, mean) }
            }
            let fits = own.map { members[s][$0]! }
            let silhouettes = fits.compactMap(\.silhouette)
            let inside = crossPairs[s * count + s]
            let clustered = Set(own.map { distances.tickers[$0] })
            var seen = Set<String>()
            return SectorFit(
                name: sectors[s].name, tickers: own.map { distances.tickers[$0] },
                missing: sectors[s].tickers.filter { !clustered.contains($0) && seen.insert($0).inserted },
                cohesion: inside == 0 ? nil : cross[s * count + s] / Double(inside),
                nearest: nearest.map { sectors[$0.sector].name }, separation: nearest?.r,
                silhouette: silhouettes.isEmpty ? nil : silhouettes.reduce(0, +) / Double(silhouettes.count),
                members: fits)
        }
    }
}
