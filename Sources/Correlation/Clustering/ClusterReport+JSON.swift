import Foundation

extension ClusterReport {
    /// One JSON object a notebook loads directly: `tickers`, `Z` (scipy's linkage matrix, leaves numbered in
    /// `tickers` order), the window, per-sector figures, findings and who was left out; keys sorted, nil as null.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail; a failure here is a programming error.
        let data = try! encoder.encode(JSONClusters(self))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The JSON shape of a cluster report; every key is always there (null rather than missing).
private struct JSONClusters: Encodable {
    let report: ClusterReport

    init(_ report: ClusterReport) { self.report = report }

    struct Row: Encodable {
        let merge: Dendrogram.Merge
        func encode(to encoder: any Encoder) throws {
            var row = encoder.unkeyedContainer()
            try row.encode(merge.a)
            try row.encode(merge.b)
            try row.encode(merge.height)
            try row.encode(merge.size)
        }
    }

    struct Member: Encodable {
        let fit: MemberFit
        enum Keys: String, CodingKey { case ticker, ownDistance, nearestSector, nearestDistance, silhouette }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(fit.ticker, forKey: .ticker)
            try container.encode(fit.ownDistance, forKey: .ownDistance)
            try container.encode(fit.nearestSector, forKey: .nearestSector)
            try container.encode(fit.nearestDistance, forKey: .nearestDistance)
            try container.encode(fit.silhouette, forKey: .silhouette)
        }
    }

    struct Sector: Encodable {
        let fit: SectorFit
        enum Keys: String, CodingKey { case name, tickers, missing, cohesion, nearest, separation, silhouette, members }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(fit.name, forKey: .name)
            try container.encode(fit.tickers, forKey: .tickers)
            try container.encode(fit.missing, forKey: .missing)
            try container.encode(fit.cohesion, forKey: .cohesion)
            try container.encode(fit.nearest, forKey: .nearest)
            try container.encode(fit.separation, forKey: .separation)
            try container.encode(fit.silhouette, forKey: .silhouette)
            try container.encode(fit.members.map(Member.init), forKey: .members)
        }
    }

    struct Finding: Encodable {
        let finding: ClusterFinding
        enum Keys: String, CodingKey { case kind, sectors, ticker, message }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(finding.kind, forKey: .kind)
            try container.encode(finding.sectors, forKey: .sectors)
            var ticker: String? = nil
            if case .closerToOtherSector(let name, _, _, _, _) = finding { ticker = name }
            try container.encode(ticker, forKey: .ticker)
            try container.encode(finding.description, forKey: .message)
        }
    }

    struct LeftOut: Encodable {
        let ticker: String
        let reason: String
    }

    enum Keys: String, CodingKey {
        case schema, vault, tickers, Z, from, to, convention, sectors, findings, leftOut
    }

    func encode(to encoder: any Encoder) throws {
        let analysis = report.analysis
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(ClusterReport.schema, forKey: .schema)
        try container.encode(report.vault, forKey: .vault)
        try container.encode(analysis.distances.tickers, forKey: .tickers)
        try container.encode(analysis.dendrogram.merges.map(Row.init), forKey: .Z)
        try container.encode(report.from, forKey: .from)
        try container.encode(report.to, forKey: .to)
        try container.encode(report.convention, forKey: .convention)
        try container.encode(analysis.sectors.map(Sector.init), forKey: .sectors)
        try container.encode(analysis.findings.map(Finding.init), forKey: .findings)
        try container.encode(
            analysis.distances.leftOut.map { LeftOut(ticker: $0.ticker, reason: $0.reason) }, forKey: .leftOut)
    }
}
