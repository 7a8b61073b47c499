import VaultModel

/// Tables: a metric table's rows are bound by their names, a pair table's rows by their own pairs; numbers
/// in other tables' correlation columns are reported.
extension FigureBinder {
    func bindTable(_ table: MarkdownTable, tokenizer: inout FigureTokenizer, into result: inout Result) {
        let headers = table.header.cells.map { normalized($0.plain) }
        if let pair = headers.firstIndex(where: { Vocabulary.pairHeaders.contains($0) }),
            let value = headers.indices.first(where: { $0 != pair && Vocabulary.isCorrelationHeader(headers[$0]) })
        {
            bindPairTable(table, pairColumn: pair, valueColumn: value, tokenizer: &tokenizer, into: &result)
            return
        }
        if let metric = headers.firstIndex(where: { Vocabulary.metricHeaders.contains($0) })
            ?? (headers.first == "" ? 0 : nil),
            let value = headers.indices.first(where: { $0 != metric && Vocabulary.valueHeaders.contains(headers[$0]) })
                ?? (headers.count > metric + 1 ? metric + 1 : nil)
        {
            bindMetricTable(table, metric: metric, value: value, headers: headers, tokenizer: &tokenizer, into: &result)
            return
        }
        // Any other table: numbers under a correlation header, or in a row that names a correlation.
        for row in table.rows {
            let rowSaysCorrelation = row.cells.first.map { normalized($0.plain).contains("correl") } ?? false
            for (column, cell) in row.cells.enumerated() {
                let header = column < headers.count ? headers[column] : ""
                guard rowSaysCorrelation || Vocabulary.isCorrelationHeader(header) else { continue }
                for token in tokenizer.tokens(source.bytes, cell.range) where Self.isCandidate(token) {
                    result.skipped.append(
                        SkippedNumber(
                            text: text(token), position: position(token.range.lowerBound),
                            reason:
                                "this table is neither a metric table (Metric | Value) nor a pair table (Pair | Correlation)"
                        ))
                }
            }
        }
    }

    func normalized(_ text: String) -> String {
        var t = text.lowercased()
        while t.hasSuffix(":") || t.hasSuffix(".") { t.removeLast() }
        return t.trimmingWhitespace()
    }

    // MARK: Metric tables

    private func bindMetricTable(
        _ table: MarkdownTable, metric: Int, value: Int, headers: [String], tokenizer: inout FigureTokenizer,
        into result: inout Result
    ) {
        let interpretation =
            headers.indices.first {
                $0 != metric && $0 != value && Vocabulary.interpretationHeaders.contains(headers[$0])
            }
            ?? headers.indices.first { $0 != metric && $0 != value }
        let names = table.rows.map { $0.cells.indices.contains(metric) ? normalized($0.cells[metric].plain) : "" }
        // A table of correlation figures: it says so, or it has rows only such a table has.
        let correlationTable =
            headers.contains { Vocabulary.isCorrelationHeader($0) }
            || names.contains { $0.contains("corr") || Vocabulary.rowKind($0, correlationTable: false) == .range }
        for (rowIndex, row) in table.rows.enumerated() where row.cells.count > max(metric, value) {
            let name = names[rowIndex]
            let valueCell = row.cells[value]
            let valueTokens = tokenizer.tokens(source.bytes, valueCell.range)
            let numbers = valueTokens.filter(Self.isCandidate)
            let noteCell = interpretation.flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil }
            let noteTokens = noteCell.map { tokenizer.tokens(source.bytes, $0.range) } ?? []
            let place = "\(row.cells[metric].plain) row"
            let at = position(valueCell.range.lowerBound)
            func skip(_ reason: String) {
                for n in numbers {
                    result.skipped.append(
                        SkippedNumber(text: text(n), position: position(n.range.lowerBound), reason: reason))
                }
            }
            func label(_ cell: MarkdownTable.Cell?) -> LabelSpan? {
                cell.flatMap { self.label(at: $0.range.lowerBound, limit: $0.range.upperBound) }
            }
            // Pair names in the row (`CORZ-IREN to HUT-IREN`): only pairs of tickers.
            let pairs =
                (mentions(valueTokens).pairs.map { (valueTokens, $0) }
                + mentions(noteTokens).pairs.map { (noteTokens, $0) })
                .map { tokens, p in
                    PairNames(
                        first: tokens[p.first].range, second: tokens[p.second].range, a: tokens[p.first].ticker!,
                        b: tokens[p.second].ticker!)
                }
            if name.hasPrefix("vs ") || name.hasPrefix("vs. ") || name.hasPrefix("versus ") {
                guard let link = note.links.first(where: { row.cells[metric].range.contains($0.byteRange.lowerBound) })
                else {
                    skip("a 'vs' row that links to no note")
                    continue
                }
                guard numbers.count == 2 else {
                    skip("a 'vs [[\(link.target)]]' row needs a range of two numbers")
                    continue
                }
                result.figures.append(
                    Figure(
                        subject: .cross(peer: link.target), numbers: numbers.compactMap(span), label: label(noteCell),
                        labelScale: .clusters, position: at, place: "vs [[\(link.target)]] row",
                        reason:
                            "a 'vs [[\(link.target)]]' row: the range of r between the group and that note's tickers"))
                continue
            }
            switch Vocabulary.rowKind(name, correlationTable: correlationTable) {
            case .period:
                result.periodRow = (valueCell.plain, row.line)
            case .average, .median:
                let median = Vocabulary.rowKind(name, correlationTable: correlationTable) == .median
                guard numbers.count == 1, pairs.isEmpty else {
                    skip(
                        "the \(row.cells[metric].plain) row holds \(counted(numbers.count, "number")) and \(counted(pairs.count, "pair")), not one figure"
                    )
                    continue
                }
                result.figures.append(
                    Figure(
                        subject: median ? .median : .average, numbers: numbers.compactMap(span), label: label(noteCell),
                        position: at, place: place,
                        reason:
                            "a metric row named '\(row.cells[metric].plain)': the group's \(median ? "median" : "average")"
                    ))
            case .range:
                guard numbers.count == 2, pairs.count == 0 || pairs.count == 2 else {
                    skip(
                        "the \(row.cells[metric].plain) row holds \(counted(numbers.count, "number")) and \(counted(pairs.count, "pair name")), not a low and a high"
                    )
                    continue
                }
                result.figures.append(
                    Figure(
                        subject: .range, numbers: numbers.compactMap(span), names: pairs, position: at, place: place,
                        reason: "a metric row named '\(row.cells[metric].plain)': the group's lowest and highest pair"))
            case .extreme(let highest):
                guard numbers.count == 1, pairs.count <= 1 else {
                    skip(
                        "the \(row.cells[metric].plain) row holds \(counted(numbers.count, "number")) and \(counted(pairs.count, "pair name"))"
                    )
                    continue
                }
                result.figures.append(
                    Figure(
                        subject: .extremePair(highest: highest), numbers: numbers.compactMap(span), names: pairs,
                        position: at, place: place,
                        reason:
                            "a metric row named '\(row.cells[metric].plain)': the group's \(highest ? "top" : "bottom") pair"
                    ))
            case .rolling(let days):
                guard numbers.count == 1, pairs.isEmpty else {
                    skip(
                        "the \(row.cells[metric].plain) row holds \(counted(numbers.count, "number")) and \(counted(pairs.count, "pair")), not one figure"
                    )
                    continue
                }
                var figure = Figure(
                    subject: .rollingAverage(days: days), numbers: numbers.compactMap(span), position: at, place: place,
                    reason:
                        "a metric row named '\(row.cells[metric].plain)': the latest \(days)-day rolling average of the group's pairs"
                )
                // The other cells: a trend word (`rising`) if one starts a cell, else a correlation label.
                let others = row.cells.indices.filter { $0 != metric && $0 != value }.map { row.cells[$0] }
                figure.trend =
                    others.lazy.compactMap {
                        self.label(at: $0.range.lowerBound, limit: $0.range.upperBound, among: Vocabulary.trendWords)
                    }.first
                if figure.trend == nil { figure.label = label(noteCell) }
                result.figures.append(figure)
            case nil:
                guard correlationTable, !numbers.isEmpty else { continue }
                skip("'\(row.cells[metric].plain)' is not a figure vaultgen computes")
            }
        }
    }

    // MARK: Pair tables

    private func bindPairTable(
        _ table: MarkdownTable, pairColumn: Int, valueColumn: Int, tokenizer: inout FigureTokenizer,
        into result: inout Result
    ) {
        var rows: [PairTable.Row] = []
        var separator: String?
        var complete = true
        for row in table.rows {
            guard row.cells.count > max(pairColumn, valueColumn) else {
                complete = false
                let cells = row.cells.count
                for n in tokenizer.tokens(source.bytes, row.range) where Self.isCandidate(n) {
                    result.skipped.append(
                        SkippedNumber(
                            text: text(n), position: position(n.range.lowerBound),
                            reason:
                                "the row has \(cells) cell\(cells == 1 ? "" : "s"), not \(table.header.cells.count) (edited by hand?)"
                        ))
                }
                continue
            }
            let pairTokens = tokenizer.tokens(source.bytes, row.cells[pairColumn].range)
            let numbers = tokenizer.tokens(source.bytes, row.cells[valueColumn].range).filter(Self.isCandidate)
            let tickers = pairTokens.filter { $0.ticker != nil }
            guard tickers.count == 2, numbers.count == 1, let number = span(numbers[0]) else {
                complete = false
                for n in numbers {
                    result.skipped.append(
                        SkippedNumber(
                            text: text(n), position: position(n.range.lowerBound),
                            reason: "the row's pair '\(row.cells[pairColumn].plain)' is not two tickers"))
                }
                continue
            }
            if separator == nil {
                separator = source.string(tickers[0].range.upperBound..<tickers[1].range.lowerBound)
            }
            rows.append(
                PairTable.Row(
                    a: tickers[0].ticker!, b: tickers[1].ticker!, number: number, range: row.range, line: row.line,
                    bold: row.cells[valueColumn].text.hasPrefix("**") || row.cells[valueColumn].text.hasPrefix("__")))
        }
        guard !rows.isEmpty else { return }
        // Bold marks the top pair when one row alone is bold and it holds the highest value written.
        let bold = rows.filter(\.bold)
        let boldTop = bold.count == 1 && rows.allSatisfy { $0.number.value <= bold[0].number.value }
        // Without every row readable, nothing may be re-sorted: rows are refreshed where they are.
        var pairTable = PairTable(
            rows: rows, body: table.bodyRange, line: rows[0].line, separator: separator ?? " - ", boldTop: boldTop,
            twoColumns: table.header.cells.count == 2 && pairColumn == 0 && valueColumn == 1
                && table.rows.allSatisfy { $0.cells.count == 2 }, table: table)
        if !complete || table.strayLine != nil { pairTable.twoColumns = false; pairTable.boldTop = false }
        pairTable.sortable = complete && table.strayLine == nil
        result.pairTables.append(pairTable)
    }
}
