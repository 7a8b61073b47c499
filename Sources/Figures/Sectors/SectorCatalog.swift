import VaultModel

/// A note whose figures come from prices: its group, its window, and every figure bound in it.
public struct SectorNote: Sendable {
    public var index: Int
    public var path: String
    public var group: GroupTickers?
    /// The window, and where it was read (`front matter`, `the Period row`, `prose, line 12`, `all data`).
    public var window: NoteWindow
    public var windowSource: String
    /// A window the note states that vaultgen cannot read: then no figure is refreshed.
    public var unreadableWindow: (text: String, line: Int)?
    public var figures: [Figure]
    public var pairTables: [PairTable]
    public var skipped: [SkippedNumber]

    public var tickers: [String] { group?.tickers ?? [] }
}

/// Every sector note of a vault, read once: which notes they are, their groups, windows and figures.
///
/// A note is a sector note when its front matter has `tickers:`, or it is tagged `#sector` (or a tag under
/// it), or it matches `update: sector-notes:`; `vaultgen: off` in its front matter or `update: exclude:`
/// keeps it out, and so does `vaultgen: sector-map` (a map of the sectors is not one). No other note's figures
/// are ever touched.
public struct SectorCatalog: Sendable {
    public let notes: [SectorNote]

    public init(vault: Vault, sources: [SourceText], resolver: LinkResolver, knownTickers: Set<String>) {
        let settings = vault.config.update
        let include = settings.sectorNotes.map(PathPattern.init)
        let exclude = settings.exclude.map(PathPattern.init)
        let labels = (vault.config.labels.correlation + vault.config.labels.clusters).map(\.label)
        let found = Array(vault.notes.indices).parallelMap { index -> SectorNote? in
            let note = vault.notes[index]
            guard Self.isSectorNote(note, include: include, exclude: exclude), !vault.excludedFiles.contains(note.path)
            else { return nil }
            let group = GroupTickers.find(noteAt: index, vault: vault, sources: sources, resolver: resolver)
            let tokenizer = FigureTokenizer(knownTickers: knownTickers.union(group?.tickers ?? []))
            let binder = FigureBinder(note: note, source: sources[index], group: group?.tickers ?? [], labels: labels)
            return Self.sectorNote(
                index: index, note: note, source: sources[index], group: group, bound: binder.bind(tokenizer: tokenizer)
            )
        }
        notes = found.compactMap { $0 }
    }

    static func isSectorNote(_ note: Note, include: [PathPattern], exclude: [PathPattern]) -> Bool {
        if let off = note.property("vaultgen")?.string?.lowercased(), ["off", "false", "no", "skip"].contains(off) {
            return false
        }
        if isSectorMap(note) { return false }
        if PathPattern.any(exclude, match: note.path) { return false }
        if note.property("tickers") != nil { return true }
        if note.tags.contains(where: { $0.lowercased() == "sector" || $0.lowercased().hasPrefix("sector/") }) {
            return true
        }
        return PathPattern.any(include, match: note.path)
    }

    /// Whether the note is a sector map: `vaultgen: sector-map` in its front matter.
    public static func isSectorMap(_ note: Note) -> Bool {
        note.property("vaultgen")?.string?.lowercased() == "sector-map"
    }

    /// Settles the window (front matter, else the Period row, else the first window sentence) and leaves
    /// alone each figure whose sentence states another window.
    static func sectorNote(
        index: Int, note: Note, source: SourceText, group: GroupTickers?, bound: FigureBinder.Result
    ) -> SectorNote {
        var sector = SectorNote(
            index: index, path: note.path, group: group, window: .dates(since: nil, until: nil),
            windowSource: "all data (the note states no window)", figures: [], pairTables: bound.pairTables,
            skipped: bound.skipped)
        // The sentence the note's window was read from, if it came from prose: its figures are the note's.
        var notePhrase: WindowPhrase? = nil
        let since = note.property("since")?.string
        let until = note.property("until")?.string
        if since != nil || until != nil {
            let start = since.flatMap { NoteWindow.day($0, end: false) }
            let end = until.flatMap { NoteWindow.day($0, end: true) }
            // The warning names the property that cannot be read, at its own line.
            if since != nil, start == nil {
                sector.unreadableWindow = ("since: \(since!)", GroupTickers.propertyLine("since", note, source))
            } else if until != nil, end == nil {
                sector.unreadableWindow = ("until: \(until!)", GroupTickers.propertyLine("until", note, source))
            }
            sector.window = .dates(since: start, until: end)
            sector.windowSource = "front matter"
        } else if let period = bound.periodRow {
            if let window = NoteWindow.parse(period.text) {
                sector.window = window
            } else {
                sector.unreadableWindow = (period.text, period.line)
            }
            sector.windowSource = "the Period row (line \(period.line))"
        } else if let phrase = bound.proseWindows.first(where: { !$0.local }) {
            notePhrase = phrase
            if let window = phrase.window {
                sector.window = window
            } else {
                sector.unreadableWindow = (phrase.text, phrase.position.line)
            }
            sector.windowSource = "'\(phrase.text)' (line \(phrase.position.line))"
        }
        for figure in bound.figures {
            if let own = figure.window, own != notePhrase, own.window == nil || own.window != sector.window {
                let reason =
                    own.window == nil
                    ? "its sentence states a window vaultgen cannot compute ('\(own.text)')"
                    : "its sentence states its own window ('\(own.text)'), not the note's (\(sector.window))"
                for number in figure.numbers {
                    sector.skipped.append(
                        SkippedNumber(
                            text: source.string(number.range), position: source.position(of: number.range.lowerBound),
                            reason: reason))
                }
                continue
            }
            sector.figures.append(figure)
        }
        return sector
    }
}
