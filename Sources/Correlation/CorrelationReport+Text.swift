extension CorrelationReport {
    /// A plain-text report with aligned columns, for a terminal.
    func text() -> String {
        let tickers = matrix.tickers
        // Five characters fit "-0.99"; a longer ticker widens every column.
        let width = max(5, tickers.map(\.count).max() ?? 0)
        let pad = { (text: String, width: Int) in String(repeating: " ", count: max(0, width - text.count)) + text }
        let padRight = { (text: String, width: Int) in text + String(repeating: " ", count: max(0, width - text.count))
        }

        var lines = ["Correlation of \(convention)", ""]
        lines.append(padRight("", width) + tickers.map { "  " + pad($0, width) }.joined())
        for a in tickers {
            lines.append(
                padRight(a, width) + tickers.map { "  " + pad(Self.twoDecimals(matrix.r(a, $0)), width) }.joined())
        }

        lines += ["", "Pairs, high to low"]
        let nameWidth = figures.pairs.map(\.name.count).max() ?? 0
        for pair in figures.pairs {
            let value = pad(Self.twoDecimals(pair.r), 5)
            let detail = pair.reason ?? "\(pair.overlap) common \(matrix.options.periodName)"
            lines.append("  " + padRight(pair.name, nameWidth) + "  " + value + "  " + detail)
        }

        lines += ["", "Average  " + Self.twoDecimals(figures.average) + "  " + averageNote]
        if let low = figures.lowest, let high = figures.highest {
            lines.append("Lowest   " + Self.twoDecimals(low.r) + "  " + low.name)
            lines.append("Highest  " + Self.twoDecimals(high.r) + "  " + high.name)
        }
        lines += ["", "Mean to others"]
        for mean in figures.meanToOthers {
            lines.append("  " + padRight(mean.ticker, width) + "  " + pad(Self.twoDecimals(mean.mean), 5))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A markdown report: the matrix, the pairs and the summary as pipe tables.
    func markdown() -> String {
        let tickers = matrix.tickers
        var lines = ["Correlation of \(convention).", ""]
        lines.append("| | " + tickers.joined(separator: " | ") + " |")
        lines.append("| --- |" + String(repeating: " ---: |", count: tickers.count))
        for a in tickers {
            lines.append(
                "| **\(a)** | " + tickers.map { Self.twoDecimals(matrix.r(a, $0)) }.joined(separator: " | ") + " |")
        }
        lines += ["", "| Pair | r | Overlap |", "| --- | ---: | --- |"]
        for pair in figures.pairs {
            let detail = pair.reason ?? "\(pair.overlap)"
            lines.append("| \(pair.a) - \(pair.b) | \(Self.twoDecimals(pair.r)) | \(detail) |")
        }
        lines += ["", "| Figure | Value |", "| --- | --- |"]
        lines.append("| **Average** | **\(Self.twoDecimals(figures.average))** (\(averageNote)) |")
        if let low = figures.lowest, let high = figures.highest {
            lines.append("| Lowest | \(Self.twoDecimals(low.r)) (\(low.name)) |")
            lines.append("| Highest | \(Self.twoDecimals(high.r)) (\(high.name)) |")
        }
        for mean in figures.meanToOthers {
            lines.append("| Mean to others, \(mean.ticker) | \(Self.twoDecimals(mean.mean)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "6 pairs, unrounded" or "5 pairs, unrounded; 1 n/a pair excluded".
    var averageNote: String {
        let used = figures.pairs.count - figures.excludedPairs
        let base = "mean of \(used) unrounded pair\(used == 1 ? "" : "s")"
        guard figures.excludedPairs > 0 else { return base }
        return base + "; \(figures.excludedPairs) n/a pair\(figures.excludedPairs == 1 ? "" : "s") excluded"
    }
}
