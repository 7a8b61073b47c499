extension ClusterReport {
    /// Sections a note can hold: sectors, silhouettes, findings, the tree (a text block) and who was left out.
    ///
    /// Sector names are wiki-links, so the tables link to the notes inside the vault.
    func markdown() -> String {
        let analysis = self.analysis
        var lines = [
            "**Average-linkage clusters** of \(analysis.distances.tickers.count) tickers, distance 1 − r "
                + "(\(convention))"
        ]
        if !analysis.sectors.isEmpty {
            lines += [
                "", "## Sectors", "",
                "| Sector | Tickers | Cohesion (mean r) | Nearest sector | Separation (mean r) | Mean silhouette |",
                "|---|---|---:|---|---:|---:|",
            ]
            for sector in analysis.sectors {
                lines.append(
                    "| [[\(sector.name)]] | \(sector.tickers.joined(separator: ", ")) | \(Self.decimals(sector.cohesion)) "
                        + "| \(sector.nearest.map { "[[\($0)]]" } ?? "—") | \(Self.decimals(sector.separation)) "
                        + "| \(Self.decimals(sector.silhouette)) |")
            }
            lines += [
                "", "## Silhouettes", "",
                "| Ticker | Sector | a (own sector) | Nearest other sector | b (nearest) | Silhouette |",
                "|---|---|---:|---|---:|---:|",
            ]
            for sector in analysis.sectors {
                for member in sector.members {
                    lines.append(
                        "| \(member.ticker) | [[\(sector.name)]] | \(Self.decimals(member.ownDistance)) "
                            + "| \(member.nearestSector.map { "[[\($0)]]" } ?? "—") "
                            + "| \(Self.decimals(member.nearestDistance)) | \(Self.decimals(member.silhouette)) |")
                }
            }
        }
        lines += ["", "## Findings", ""]
        lines += analysis.findings.isEmpty ? ["None."] : analysis.findings.map { "- \($0)" }
        lines += ["", "## Tree", "", "```text"] + tree() + ["```"]
        if !analysis.distances.leftOut.isEmpty {
            lines += ["", "## Left out", ""] + analysis.distances.leftOut.map { "- \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
