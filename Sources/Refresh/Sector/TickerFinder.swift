import VaultModel

/// Finds the tickers a note stands for, the same way for a sector note and for the peer group it names.
///
/// In order: the front matter's `tickers:`; else the `Ticker` column of the note's first table that has one
/// (its actors table); else the `ticker:` property of the notes that table's first column links to.
public struct TickerFinder: Sendable {
    public let vault: Vault
    public let sources: [SourceText]
    public let resolver: LinkResolver

    public init(vault: Vault, sources: [SourceText], resolver: LinkResolver) {
        self.vault = vault
        self.sources = sources
        self.resolver = resolver
    }

    /// A ticker as users write them: `HUT`, `BTC-USD`, `BRK.B`, `^GSPC`.
    public static func isTicker(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber || first == "^", text.count <= 12 else {
            return false
        }
        return text.allSatisfy { ($0.isASCII && ($0.isUppercase || $0.isNumber)) || "-.^=".contains($0) }
    }

    /// The tickers of the note at `index` and where they were found, or nil when it names none.
    public func tickers(ofNote index: Int) -> (tickers: [String], source: String)? {
        let note = vault.notes[index]
        // Only ticker-shaped names: a ticker becomes a file name, so `../x` must never get that far.
        if let listed = note.property("tickers")?.strings.flatMap(Self.splitList).filter(Self.isTicker), !listed.isEmpty
        {
            return (listed, "front matter")
        }
        guard let table = actorsTable(note: note, source: sources[index]) else { return nil }
        if let column = table.column(named: "ticker") {
            let found = table.rows.compactMap { $0.cells.indices.contains(column) ? $0.cells[column].plain : nil }
                .filter(Self.isTicker)
            if !found.isEmpty { return (found, "its actors table") }
        }
        var found: [String] = []
        for row in table.rows {
            guard let cell = row.cells.first else { continue }
            for link in note.links where cell.range.contains(link.byteRange.lowerBound) {
                guard case .file(let file, _) = resolver.resolve(link.target, from: note.path),
                    let target = resolver.index.files[file].note,
                    let ticker = vault.notes[target].property("ticker")?.string, Self.isTicker(ticker)
                else { continue }
                found.append(ticker)
            }
        }
        return found.isEmpty ? nil : (found, "the ticker: of the notes its actors table links to")
    }

    /// `tickers: HUT, IREN` as one string also works.
    private static func splitList(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    /// The first table with a `Ticker` column, else the first table whose first column holds wiki-links.
    func actorsTable(note: Note, source: SourceText) -> MarkdownTable? {
        let tables = note.blocks.compactMap { MarkdownTable.read($0, in: source) }
        if let withTicker = tables.first(where: { $0.column(named: "ticker") != nil }) { return withTicker }
        return tables.first { table in
            table.column(named: "pair") == nil && table.column(named: "metric") == nil
                && table.rows.contains { row in
                    guard let first = row.cells.first else { return false }
                    return note.links.contains { first.range.contains($0.byteRange.lowerBound) && $0.style == .wiki }
                }
        }
    }
}
