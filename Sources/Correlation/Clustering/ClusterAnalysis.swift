/// The average-linkage tree of a set of tickers, and what it says about the sectors they belong to.
///
/// Per sector: cohesion (the mean r inside), separation (the mean r to the nearest other sector) and each
/// ticker's silhouette `(b − a) / max(a, b)`, with `a` its mean distance `1 − r` to the rest of its sector and `b`
/// the lowest mean distance to another sector's tickers (itself not counted when it is in both). Findings: a
/// ticker closer on average to another sector than to its own (`b < a`), a sector whose mean silhouette is ≤ 0,
/// and two sectors the tree does not separate. The tree separates sectors A and B when the smallest cluster
/// holding all of A holds none of B, and the smallest holding all of B holds none of A: then some cut of the
/// tree puts all of A in one cluster and all of B in another. Sectors that share a ticker (a parent sector and
/// its child) are not compared: no tree separates them, and neither claims to be apart from the other.
public struct ClusterAnalysis: Sendable {
    public let distances: DistanceMatrix
    public let dendrogram: Dendrogram
    /// The sectors in the order given.
    public let sectors: [SectorFit]
    public let findings: [ClusterFinding]

    /// Clusters `distances` and measures `sectors` against each other.
    public init(distances: DistanceMatrix, sectors: [Sector]) {
        self.init(distances: distances, dendrogram: distances.averageLinkage(), sectors: sectors)
    }

    public init(distances: DistanceMatrix, dendrogram: Dendrogram, sectors: [Sector]) {
        self.distances = distances
        self.dendrogram = dendrogram
        let groups = sectors.map { sector -> [Int] in
            var seen = Set<Int>()
            return sector.tickers.compactMap { distances.position(of: $0) }.filter { seen.insert($0).inserted }
        }
        var fits: [SectorFit] = []
        var findings: [ClusterFinding] = []
        for (s, sector) in sectors.enumerated() {
            let fit = Self.fit(sector, s, groups: groups, names: sectors.map(\.name), distances: distances)
            fits.append(fit)
            for member in fit.members {
                if let a = member.ownDistance, let b = member.nearestDistance, let other = member.nearestSector, b < a {
                    findings.append(
                        .closerToOtherSector(
                            ticker: member.ticker, sector: sector.name, other: other, own: a, nearest: b))
                }
            }
            if let silhouette = fit.silhouette, silhouette <= 0 {
                findings.append(.weakSector(sector: sector.name, silhouette: silhouette))
            }
        }
        let spans = groups.map { group in
            group.isEmpty ? Set<Int>() : Set(dendrogram.leaves(of: dendrogram.smallestCluster(holding: group)))
        }
        for a in sectors.indices where !groups[a].isEmpty {
            let members = Set(groups[a])
            for b in sectors.indices.dropFirst(a + 1) where !groups[b].isEmpty {
                guard !groups[b].contains(where: members.contains) else { continue }
                if groups[b].contains(where: spans[a].contains) || groups[a].contains(where: spans[b].contains) {
                    findings.append(.notDistinct(sectors[a].name, sectors[b].name))
                }
            }
        }
        self.sectors = fits
        self.findings = findings
    }

    /// Whether the tree separates the sectors named `a` and `b`; nil when either is not a sector with tickers, or
    /// they share a ticker.
    public func separates(_ a: String, _ b: String) -> Bool? {
        guard let first = sectors.first(where: { $0.name == a }), let second = sectors.first(where: { $0.name == b }),
            !first.tickers.isEmpty, !second.tickers.isEmpty, Set(first.tickers).isDisjoint(with: second.tickers)
        else { return nil }
        return !findings.contains(.notDistinct(a, b)) && !findings.contains(.notDistinct(b, a))
    }

    private static func fit(
        _ sector: Sector, _ s: Int, groups: [[Int]], names: [String], distances: DistanceMatrix
    ) -> SectorFit {
        let own = groups[s]
        /// The mean distance from `i` to the tickers of `group` other than `i`; nil when there are none.
        func meanDistance(_ i: Int, _ group: [Int]) -> Double? {
            var sum = 0.0
            var used = 0
            for j in group where j != i {
                sum += distances.distance(i, j)
                used += 1
            }
            return used == 0 ? nil : sum / Double(used)
        }
        let members = own.map { i -> MemberFit in
            let a = meanDistance(i, own)
            var nearest: (name: String, distance: Double)? = nil
            for (t, group) in groups.enumerated() where t != s {
                guard let b = meanDistance(i, group) else { continue }
                if nearest.map({ b < $0.distance }) ?? true { nearest = (names[t], b) }
            }
            var silhouette: Double? = nil
            if let a, let b = nearest?.distance {
                let scale = max(a, b)
                silhouette = scale == 0 ? 0 : (b - a) / scale
            }
            return MemberFit(
                ticker: distances.tickers[i], ownDistance: a, nearestSector: nearest?.name,
                nearestDistance: nearest?.distance, silhouette: silhouette)
        }
        var inside = 0.0
        var pairs = 0
        for (p, i) in own.enumerated() {
            for j in own[(p + 1)...] {
                inside += distances.r(i, j)
                pairs += 1
            }
        }
        var nearest: (name: String, r: Double)? = nil
        for (t, group) in groups.enumerated() where t != s {
            var sum = 0.0
            var used = 0
            for i in own {
                for j in group where j != i {
                    sum += distances.r(i, j)
                    used += 1
                }
            }
            guard used > 0 else { continue }
            let mean = sum / Double(used)
            if nearest.map({ mean > $0.r }) ?? true { nearest = (names[t], mean) }
        }
        let silhouettes = members.compactMap(\.silhouette)
        let clustered = Set(own.map { distances.tickers[$0] })
        var seen = Set<String>()
        return SectorFit(
            name: sector.name, tickers: own.map { distances.tickers[$0] },
            missing: sector.tickers.filter { !clustered.contains($0) && seen.insert($0).inserted },
            cohesion: pairs == 0 ? nil : inside / Double(pairs), nearest: nearest?.name, separation: nearest?.r,
            silhouette: silhouettes.isEmpty ? nil : silhouettes.reduce(0, +) / Double(silhouettes.count),
            members: members)
    }
}
