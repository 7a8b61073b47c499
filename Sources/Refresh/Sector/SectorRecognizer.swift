import Foundation
import VaultModel

/// Recognises the figures of a sector note written by hand, with no markers.
///
/// What it owns (documented in the README, "What `update` changes"):
/// - prose `(0.61 correlation)`: the group's average;
/// - prose `HUT and IREN most correlated (0.70)` or `least correlated`: the top or bottom pair;
/// - prose `EQIX-CORZ correlation: 0.10 (near zero)`: that pair, and a label in the parentheses;
/// - a `Metric | Value | Interpretation` table's rows `Avg correlation`, `Range` and `vs [[Peer]]`
///   (its `Period` row is read as the window, never written);
/// - a `Pair | Correlation` table's body rows.
public struct SectorRecognizer: Sendable {
    let tickerFinder: TickerFinder
    /// Every label word the config knows, longest first, for finding labels in text.
    let knownLabels: [String]

    public init(tickerFinder: TickerFinder, labels: VaultConfig.LabelSettings) {
        self.tickerFinder = tickerFinder
        knownLabels = (labels.correlation + labels.clusters).map(\.label).sorted { $0.count > $1.count }
    }

    /// The sector note at `index`, or nil when the note has no tickers or no figure vaultgen owns.
    public func recognize(noteAt index: Int) -> SectorNote? {
        guard let (tickers, source) = tickerFinder.tickers(ofNote: index), tickers.count >= 2 else { return nil }
        let note = tickerFinder.vault.notes[index]
        let text = tickerFinder.sources[index]
        var sector = SectorNote(
            path: note.path, tickers: tickers, tickerSource: source, since: note.property("since")?.string,
            until: note.property("until")?.string, slots: [])
        for block in note.blocks where block.kind == .paragraph {
            if let table = MarkdownTable.read(block, in: text) {
                readTable(table, note: note, source: text, into: &sector)
            } else {
                readProse(NoteParser.proseRange(of: block, in: text), source: text, into: &sector)
            }
        }
        return sector.slots.isEmpty && sector.problems.isEmpty ? nil : sector
    }

    // MARK: Prose

    /// The prose patterns, built once: building a `Regex` costs far more than matching a paragraph.
    private nonisolated(unsafe) static let averagePattern = /\((-?\d+\.\d+) correlation\)/
    private nonisolated(unsafe) static let extremePattern =
        /([A-Z][A-Z0-9.\-^]*) and ([A-Z][A-Z0-9.\-^]*) (most|least) correlated \((-?\d+\.\d+)\)/
    private nonisolated(unsafe) static let pairPattern =
        /([A-Z][A-Z0-9.^]*)-([A-Z][A-Z0-9.^]*) correlation: (-?\d+\.\d+)(?: \(([^)\n]*)\))?/
    private nonisolated(unsafe) static let numberPattern = /-?\d+\.\d+/
    private nonisolated(unsafe) static let pairNamePattern = /([A-Z][A-Z0-9.^]*)(\s*[-–\/]\s*)([A-Z][A-Z0-9.^]*)/
    private static let keyword = Array("correlat".utf8)

    /// Whether the bytes mention "correlat": every prose figure does, and most paragraphs do not.
    private static func mentionsCorrelation(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.count >= keyword.count else { return false }
        var i = range.lowerBound
        let last = range.upperBound - keyword.count
        while i <= last {
            if bytes[i] == 0x63 {  // c
                var k = 1
                while k < keyword.count && bytes[i + k] == keyword[k] { k += 1 }
                if k == keyword.count { return true }
            }
            i += 1
        }
        return false
    }

    private func readProse(_ range: Range<Int>, source: SourceText, into sector: inout SectorNote) {
        guard Self.mentionsCorrelation(source.bytes, range) else { return }
        let text = source.string(range)
        func span(_ r: Range<String.Index>) -> Range<Int> {
            let start = range.lowerBound + text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            return start..<(start + text.utf8.distance(from: r.lowerBound, to: r.upperBound))
        }
        for match in text.matches(of: Self.averagePattern) {
            sector.slots.append(
                .groupAverage(number(span(match.output.1.startIndex..<match.output.1.endIndex), match.output.1)))
        }
        for match in text.matches(of: Self.extremePattern) {
            let o = match.output
            sector.slots.append(
                .extremePair(
                    highest: o.3 == "most", first: span(o.1.startIndex..<o.1.endIndex),
                    second: span(o.2.startIndex..<o.2.endIndex),
                    number: number(span(o.4.startIndex..<o.4.endIndex), o.4)))
        }
        for match in text.matches(of: Self.pairPattern) {
            let o = match.output
            var label: LabelSpan? = nil
            if let inside = o.4 {
                label = labelSpan(in: inside, offset: span(inside.startIndex..<inside.endIndex).lowerBound)
            }
            let line = source.position(of: span(match.range).lowerBound).line
            sector.slots.append(
                .pairProse(
                    a: String(o.1), b: String(o.2), line: line,
                    number: number(span(o.3.startIndex..<o.3.endIndex), o.3), label: label))
        }
    }

    private func number(_ range: Range<Int>, _ text: Substring) -> NumberSpan {
        let decimals = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return NumberSpan(range: range, decimals: decimals)
    }

    /// A known label at the start of `text` (after emphasis marks), as a byte range from `offset`.
    private func labelSpan(in text: Substring, offset: Int) -> LabelSpan? {
        let marks = text.prefix { $0 == "*" || $0 == "_" }
        let rest = text.dropFirst(marks.count)
        for label in knownLabels where rest.lowercased().hasPrefix(label.lowercased()) {
            let end = rest.index(rest.startIndex, offsetBy: label.count)
            if end < rest.endIndex, rest[end].isLetter { continue }
            let start = offset + text.utf8.distance(from: text.startIndex, to: rest.startIndex)
            return LabelSpan(
                range: start..<(start + rest[..<end].utf8.count), capitalized: rest.first?.isUppercase ?? false)
        }
        return nil
    }

    // MARK: Tables

    private func readTable(_ table: MarkdownTable, note: Note, source: SourceText, into sector: inout SectorNote) {
        if let metric = table.column(named: "metric"), let value = table.column(named: "value") {
            readMetricTable(table, metric: metric, value: value, note: note, source: source, into: &sector)
        } else if let pairColumn = table.column(named: "pair"),
            let valueColumn = table.header.cells.firstIndex(where: { $0.plain.lowercased().contains("correlation") }),
            pairColumn == 0, valueColumn == 1, table.header.cells.count == 2, let first = table.rows.first
        {
            if let bad = table.rows.first(where: { $0.cells.count != 2 }) {
                sector.problems.append(
                    "pair table left as it was: line \(bad.line) has \(bad.cells.count) cells, not 2 (edited by hand?)")
                return
            }
            if let stray = table.strayLine {
                sector.problems.append(
                    "pair table left as it was: line \(stray) continues the table without being a row (edited by hand?)"
                )
                return
            }
            let numbers = numbers(in: first.cells[1], source: source)
            sector.slots.append(
                .pairTable(
                    body: table.bodyRange, line: first.line,
                    separator: pairSeparator(first.cells[0].plain) ?? " - ",
                    boldTop: first.cells[1].text.hasPrefix("**"), decimals: numbers.first?.decimals ?? 2,
                    aligned: table.isAligned ? table : nil))
        }
    }

    private func readMetricTable(
        _ table: MarkdownTable, metric: Int, value: Int, note: Note, source: SourceText, into sector: inout SectorNote
    ) {
        let interpretation = table.column(named: "interpretation")
        for row in table.rows where row.cells.count > max(metric, value) {
            let name = row.cells[metric].plain.lowercased()
            let valueCell = row.cells[value]
            let note2 = interpretation.flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil }
            let numbers = numbers(in: valueCell, source: source)
            switch name {
            case "avg correlation", "average correlation", "avg. correlation", "mean correlation":
                guard let first = numbers.first else { continue }
                sector.slots.append(.averageRow(first, label: note2.flatMap { labelSpan(in: $0) }))
            case "range":
                guard numbers.count >= 2 else { continue }
                let pairs = note2.map { pairSpans(in: $0) } ?? []
                sector.slots.append(
                    .rangeRow(
                        low: numbers[0], high: numbers[1], lowPair: pairs.first, highPair: pairs.dropFirst().first))
            case "period":
                let parts = row.cells[value].plain.components(separatedBy: " to ")
                if sector.since == nil, let since = parts.first?.trimmingWhitespace(), !since.isEmpty {
                    sector.since = since
                }
                if sector.until == nil, parts.count == 2 {
                    let end = parts[1].trimmingWhitespace()
                    if end.lowercased() != "present" && end.lowercased() != "today" { sector.until = end }
                }
            default:
                guard name.hasPrefix("vs "), numbers.count >= 2,
                    let link = note.links.first(where: { row.cells[metric].range.contains($0.byteRange.lowerBound) })
                else { continue }
                sector.slots.append(
                    .crossRow(
                        peer: link.target, line: row.line, low: numbers[0], high: numbers[1],
                        label: note2.flatMap { labelSpan(in: $0) }))
            }
        }
    }

    private func labelSpan(in cell: MarkdownTable.Cell) -> LabelSpan? {
        labelSpan(in: Substring(cell.text), offset: cell.range.lowerBound)
    }

    private func numbers(in cell: MarkdownTable.Cell, source: SourceText) -> [NumberSpan] {
        let text = cell.text
        return text.matches(of: Self.numberPattern).map { match in
            var found = match.output
            // In `0.08-0.20` the dash separates two numbers; it is a minus sign only where no digit precedes it.
            if found.hasPrefix("-"), found.startIndex > text.startIndex,
                text[text.index(before: found.startIndex)].isNumber
            {
                found = found.dropFirst()
            }
            let start = cell.range.lowerBound + text.utf8.distance(from: text.startIndex, to: found.startIndex)
            return number(start..<(start + found.utf8.count), found)
        }
    }

    /// Pair names in a cell: `CORZ-IREN to HUT-IREN`.
    private func pairSpans(in cell: MarkdownTable.Cell) -> [PairSpan] {
        let text = cell.text
        return text.matches(of: Self.pairNamePattern).map { match in
            let start = cell.range.lowerBound + text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
            return PairSpan(range: start..<(start + match.output.0.utf8.count), separator: String(match.output.2))
        }
    }

    /// The separator in a pair cell such as `HUT - IREN`.
    private func pairSeparator(_ text: String) -> String? {
        for candidate in [" - ", " – ", " — ", " / ", "/", "–", "-"] where text.contains(candidate) { return candidate }
        return nil
    }
}
