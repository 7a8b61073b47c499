extension ClusterReport {
    /// The convention, the tree, a table of sectors, every ticker's silhouette, the findings and who was left out.
    func text() -> String {
        let analysis = self.analysis
        let count = analysis.distances.tickers.count
        var lines = [
            "Average-linkage clusters of \(count) ticker\(count == 1 ? "" : "s"), distance 1 - r",
            convention, "",
        ]
        lines += tree()
        if !analysis.sectors.isEmpty {
            lines += ["", "Sectors (cohesion: mean r inside; separation: mean r to the nearest other sector)"]
            let rows = analysis.sectors.map { sector in
                [
                    sector.name, "\(sector.tickers.count)", Self.decimals(sector.cohesion), sector.nearest ?? "-",
                    Self.decimals(sector.separation), Self.decimals(sector.silhouette),
                ]
            }
            lines += Self.columns(
                [["sector", "tickers", "cohesion", "nearest", "separation", "silhouette"]] + rows,
                rightAligned: [1, 2, 4, 5])
            lines += ["", "Silhouettes ((b - a) / max(a, b); a: mean distance to its sector, b: to the nearest other)"]
            var members: [[String]] = [["ticker", "sector", "a", "nearest", "b", "silhouette"]]
            for sector in analysis.sectors {
                for member in sector.members {
                    members.append([
                        member.ticker, sector.name, Self.decimals(member.ownDistance), member.nearestSector ?? "-",
                        Self.decimals(member.nearestDistance), Self.decimals(member.silhouette),
                    ])
                }
            }
            lines += Self.columns(members, rightAligned: [2, 4, 5])
            let missing = analysis.sectors.filter { !$0.missing.isEmpty }
            for sector in missing {
                lines.append("  \(sector.name): not clustered: \(sector.missing.joined(separator: ", "))")
            }
        }
        lines += ["", "Findings"]
        lines += analysis.findings.isEmpty ? ["  none"] : analysis.findings.map { "  - \($0)" }
        if !analysis.distances.leftOut.isEmpty {
            lines += ["", "Left out"] + analysis.distances.leftOut.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows laid out in columns two spaces apart, indented by two; `rightAligned` columns are numbers.
    static func columns(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }
            var line = "  " + cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
