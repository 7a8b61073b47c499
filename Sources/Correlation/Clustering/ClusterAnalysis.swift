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
    /// For each sector, the sectors the tree does not separate from it (indices into `sectors`).
    let indistinct: [[Int]]
    let sectorIndex: [String: Int]

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
        let fits = Self.fits(sectors, groups: groups, distances: distances)
        var findings: [ClusterFinding] = []
        for (sector, fit) in zip(sectors, fits) {
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
        // Each sector's span (the leaves of the smallest cluster holding it) as a flag per leaf.
        let spans = groups.map { group -> [Bool] in
            var span = [Bool](repeating: false, count: distances.tickers.count)
            if !group.isEmpty {
                for leaf in dendrogram.leaves(of: dendrogram.smallestCluster(holding: group)) { span[leaf] = true }
            }
            return span
        }
        var indistinct = [[Int]](repeating: [], count: sectors.count)
        for a in sectors.indices where !groups[a].isEmpty {
            var members = [Bool](repeating: false, count: distances.tickers.count)
            for i in groups[a] { members[i] = true }
            for b in sectors.indices.dropFirst(a + 1) where !groups[b].isEmpty {
                guard !groups[b].contains(where: { members[$0] }) else { continue }
                if groups[b].contains(where: { spans[a][$0] }) || groups[a].contains(where: { spans[b][$0] }) {
                    findings.append(.notDistinct(sectors[a].name, sectors[b].name))
                    indistinct[a].append(b)
                    indistinct[b].append(a)
                }
            }
        }
        self.sectors = fits
        self.findings = findings
        self.indistinct = indistinct
        sectorIndex = Dictionary(sectors.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The sectors the tree does not separate from the sector named `name`, in sector order.
    public func notDistinct(from name: String) -> [String] {
        guard let index = sectorIndex[name] else { return [] }
        return indistinct[index].sorted().map { sectors[$0].name }
    }

    /// Whether the tree separates the sectors named `a` and `b`; nil when either is not a sector with tickers, or
    /// they share a ticker.
    public func separates(_ a: String, _ b: String) -> Bool? {
        guard let i = sectorIndex[a], let j = sectorIndex[b], !sectors[i].tickers.isEmpty,
            !sectors[j].tickers.isEmpty, Set(sectors[i].tickers).isDisjoint(with: sectors[j].tickers)
        else { return nil }
        return !indistinct[i].contains(j)
    }
}

extension ClusterAnalysis {
    /// The figures of the sector named `name`.
    public func sector(named name: String) -> SectorFit? {
        sectorIndex[name].map { sectors[$0] }
    }
}
