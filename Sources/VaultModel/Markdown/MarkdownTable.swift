import Foundation

/// A GFM table read from the lines of one cmark paragraph (cmark has no table node).
///
/// Cells keep the byte ranges of their trimmed content in the note, so a figure can be replaced without
/// touching the table's padding or pipes.
public struct MarkdownTable: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        /// The trimmed content's bytes in the note.
        public var range: Range<Int>
        public var text: String
        /// The text without `**`/`__` emphasis and outer spaces, for matching labels.
        public var plain: String {
            // Most cells have no emphasis at all; only those go through the replacements.
            guard text.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F }) else { return text.trimmingWhitespace() }
            return text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
                .trimmingWhitespace()
        }
    }

    public struct Row: Sendable, Equatable {
        public var line: Int
        /// The row's bytes without its line ending.
        public var range: Range<Int>
        public var cells: [Cell]
    }

    public var header: Row
    public var delimiter: Row
    public var rows: [Row]
    /// The first line of the paragraph after the table that is not a row, if any: text typed right under it.
    public var strayLine: Int?

    /// The bytes from the first body row to the end of the last, without the last line ending;
    /// empty (at the end of the delimiter row) when the table has no body.
    public var bodyRange: Range<Int> {
        guard let first = rows.first, let last = rows.last else {
            return delimiter.range.upperBound..<delimiter.range.upperBound
        }
        return first.range.lowerBound..<last.range.upperBound
    }

    /// The column whose header, without emphasis, is `name` (case-insensitive).
    public func column(named name: String) -> Int? {
        header.cells.firstIndex { $0.plain.lowercased() == name.lowercased() }
    }

    /// Whether every row has its pipes in the same columns, as a table aligned by hand or by a formatter.
    public var isAligned: Bool {
        let all = [header, delimiter] + rows
        let widths = Set(all.map { $0.range.count })
        return widths.count == 1 && rows.count > 0
    }

    /// Reads the table a paragraph holds: a header line followed by a delimiter row like `|---|:--:|`.
    ///
    /// The table may follow text lines of the same paragraph (`**Pairwise detail:**` on the line above),
    /// as GFM and Obsidian allow.
    public static func read(_ block: MarkdownBlock, in source: SourceText) -> MarkdownTable? {
        guard block.kind == .paragraph, block.endLine > block.startLine else { return nil }
        let last = min(block.endLine, source.lineCount)
        for headerLine in block.startLine..<last {
            let column = headerLine == block.startLine ? block.startColumn : nil
            guard let delimiter = row(line: headerLine + 1, in: source, from: nil), isDelimiter(delimiter),
                let header = row(line: headerLine, in: source, from: column),
                header.cells.count == delimiter.cells.count
            else { continue }
            var rows: [Row] = []
            var stray: Int? = nil
            if headerLine + 2 <= last {
                for line in (headerLine + 2)...last {
                    guard let body = row(line: line, in: source, from: nil) else {
                        stray = line
                        break
                    }
                    rows.append(body)
                }
            }
            return MarkdownTable(header: header, delimiter: delimiter, rows: rows, strayLine: stray)
        }
        return nil
    }

    private static func isDelimiter(_ row: Row) -> Bool {
        row.cells.allSatisfy { cell in
            let t = cell.text
            return !t.isEmpty && t.contains("-") && t.allSatisfy { $0 == "-" || $0 == ":" }
        }
    }

    /// Splits a line into cells at pipes that are not escaped and not inside a code span.
    static func row(line: Int, in source: SourceText, from column: Int?) -> Row? {
        let content = source.lineContent(line)
        let bytes = source.bytes
        var start = content.lowerBound
        if let column { start = min(content.lowerBound + column - 1, content.upperBound) }
        // Skip quote markers and indentation before the table.
        while start < content.upperBound, bytes[start] == 0x20 || bytes[start] == 0x3E { start += 1 }
        var end = content.upperBound
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end, bytes[start..<end].contains(0x7C) else { return nil }
        var boundaries: [Int] = []
        var i = start
        var inCode = false
        while i < end {
            let c = bytes[i]
            if c == 0x5C {
                i += 2
                continue
            }
            if c == 0x60 { inCode.toggle() }
            if c == 0x7C && !inCode { boundaries.append(i) }
            i += 1
        }
        var edges = [start - 1] + boundaries + [end]
        // A leading or trailing pipe does not open an empty cell.
        if boundaries.first == start { edges.removeFirst() }
        if boundaries.last == end - 1 { edges.removeLast() }
        var cells: [Cell] = []
        for k in 0..<(edges.count - 1) {
            var a = edges[k] + 1
            var b = edges[k + 1]
            while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
            while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
            cells.append(Cell(range: a..<b, text: source.string(a..<b)))
        }
        return Row(line: line, range: start..<end, cells: cells)
    }
}
