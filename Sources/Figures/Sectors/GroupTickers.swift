import VaultModel

/// The tickers a note stands for, found the same way for a sector note and for a peer group it names.
///
/// In order: the front matter's `tickers:`; else every table column headed `Ticker`, `Symbol`, `Tickers` or
/// `Code`; else the `ticker:` property of the notes linked from the first column of the note's actors table.
/// A link in that column whose note has no `ticker:` makes the group incomplete: its figures are then left
/// as they are, never computed on a subset.
public struct GroupTickers: Sendable, Equatable {
    public var tickers: [String]
    /// Where they came from, for messages (`front matter`, `the Ticker column`).
    public var source: String
    /// The line they were read from.
    public var line: Int
    /// Names listed as members that give no ticker (a linked note without `ticker:`).
    public var unresolved: [String] = []

    static let columnNames: Set<String> = ["ticker", "tickers", "symbol", "symbols", "code"]

    /// A ticker as users write them: `HUT`, `BTC-USD`, `BRK.B`, `^GSPC`.
    public static func isTicker(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber || first == "^", text.count <= 12 else {
            return false
        }
        return text.allSatisfy { ($0.isASCII && ($0.isUppercase || $0.isNumber)) || "-.^=".contains($0) }
    }

    /// The tickers of a list as typed on a command line, whichever way it was split: `HUT,IREN`, `HUT IREN` (one
    /// word or two) and `HUT, IREN` all give `["HUT", "IREN"]`.
    public static func list(_ words: [String]) -> [String] {
        words.flatMap { $0.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init) }
    }

    /// The group of the note at `index`, or nil when it names none.
    public static func find(
        noteAt index: Int, vault: Vault, sources: [SourceText], resolver: LinkResolver
    ) -> GroupTickers? {
        let note = vault.notes[index]
        let source = sources[index]
        // Only ticker-shaped names: a ticker becomes a file name, so `../x` must never get that far.
        if let listed = note.property("tickers")?.strings.flatMap(splitList).filter(isTicker), !listed.isEmpty {
            return GroupTickers(
                tickers: unique(listed), source: "front matter", line: propertyLine("tickers", note, source))
        }
        let tables = note.blocks.compactMap { MarkdownTable.read($0, in: source) }
        var found: [String] = []
        var line = 0
        for table in tables {
            // A pair table's `Tickers | Correlation` column holds pairs, not members.
            guard let column = table.header.cells.firstIndex(where: { columnNames.contains($0.plain.lowercased()) }),
                !table.header.cells.contains(where: { Vocabulary.isCorrelationHeader($0.plain.lowercased()) })
            else { continue }
            if line == 0 { line = table.header.line }
            for row in table.rows where row.cells.indices.contains(column) {
                let cell = row.cells[column].plain
                if isTicker(cell) { found.append(cell) }
            }
        }
        if !found.isEmpty { return GroupTickers(tickers: unique(found), source: "the Ticker column", line: line) }
        guard let table = actorsTable(note: note, tables: tables) else { return nil }
        var unresolved: [String] = []
        for row in table.rows {
            guard let cell = row.cells.first else { continue }
            for link in note.links where cell.range.contains(link.byteRange.lowerBound) && link.style == .wiki {
                guard case .file(let file, _) = resolver.resolve(link.target, from: note.path),
                    let target = resolver.index.files[file].note,
                    let ticker = vault.notes[target].property("ticker")?.string, isTicker(ticker)
                else {
                    unresolved.append(link.target)
                    continue
                }
                found.append(ticker)
            }
        }
        guard !found.isEmpty else { return nil }
        return GroupTickers(
            tickers: unique(found), source: "the ticker: of the notes its table links to", line: table.header.line,
            unresolved: unresolved)
    }

    /// `tickers: HUT, IREN` as one string also works.
    private static func splitList(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    private static func unique(_ tickers: [String]) -> [String] {
        var seen = Set<String>()
        return tickers.filter { seen.insert($0).inserted }
    }

    /// The first table whose first column holds wiki-links and that is not a pair or metric table.
    static func actorsTable(note: Note, tables: [MarkdownTable]) -> MarkdownTable? {
        tables.first { table in
            let headers = table.header.cells.map { $0.plain.lowercased() }
            guard
                !headers.contains(where: {
                    Vocabulary.pairHeaders.contains($0) || Vocabulary.metricHeaders.contains($0)
                })
            else { return false }
            return table.rows.contains { row in
                guard let first = row.cells.first else { return false }
                return note.links.contains { first.range.contains($0.byteRange.lowerBound) && $0.style == .wiki }
            }
        }
    }

    /// The line of a front-matter key (`tickers:`), or the front matter's first line.
    static func propertyLine(_ key: String, _ note: Note, _ source: SourceText) -> Int {
        guard let frontMatter = note.frontMatter else { return 1 }
        let prefix = Array((key + ":").utf8)
        for line in (frontMatter.openingLine + 1)..<max(frontMatter.closingLine, frontMatter.openingLine + 1) {
            let content = source.bytes[source.lineContent(line)]
            if content.count >= prefix.count,
                zip(content.prefix(prefix.count), prefix).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) })
            {
                return line
            }
        }
        return frontMatter.openingLine
    }
}
