import Mustache
import VaultModel

/// Computes each note's generated backlinks list and the edit that keeps it current.
public struct BacklinkWriter: Sendable {
    let vault: Vault
    let sources: [SourceText]
    let resolver: LinkResolver
    let templates: TemplateSet
    let settings: VaultConfig.UpdateSettings
    /// Each note's Backlinks section (see `BacklinkSection`), nil for a note without a Related section.
    let sections: [BacklinkSection?]
    /// For every note, the notes that link to it (not itself), by index.
    let incoming: [[Int]]
    /// For every note, how a backlink to it is written (`Name`, or its path when the name is ambiguous), and
    /// that text lowercased, which orders the lists; nil for a note no `[[link]]` can name (see `readsBack`).
    let linkTexts: [String?]
    let sortKeys: [String]
    /// `update.backlinks-for`, compiled once.
    let backlinksFor: [PathPattern]
    /// Whether the template lays lists out exactly as `### Heading` and `- [[Name]]` lines (the shipped one
    /// does): then an existing list with the same names is known to be current without rendering it.
    let plainLayout: Bool

    public init(vault: Vault, sources: [SourceText], resolver: LinkResolver, templates: TemplateSet) {
        self.vault = vault
        self.sources = sources
        self.resolver = resolver
        self.templates = templates
        let settings = vault.config.update
        self.settings = settings
        // Each note's section, located once: it bounds the generated links here and is rewritten in `edit`.
        let sections = Array(vault.notes.indices).parallelMap { index in
            BacklinkSection.locate(
                in: vault.notes[index], source: sources[index], relatedHeading: settings.relatedHeading,
                backlinksHeading: settings.backlinksHeading)
        }
        self.sections = sections
        // Resolving every link of the vault is the bulk of the work: each note's targets on every core.
        let outgoing = Array(vault.notes.indices).parallelMap { from -> [Int] in
            let note = vault.notes[from]
            // Links vaultgen generated are not backlinks: counting them would grow the lists every run.
            // So are the links of a sector map's table rows, which would otherwise reach the lists one run late.
            let generated = [
                sections[from].flatMap { $0.exists ? $0.range : nil },
                SectorMapPlanner.ownedTable(in: note, source: sources[from])?.bodyRange,
            ].compactMap { $0 }
            var seen = Set<Int>()
            var targets: [Int] = []
            for link in note.links where !generated.contains(where: { $0.contains(link.byteRange.lowerBound) }) {
                guard case .file(let file, _) = resolver.resolve(link.target, from: note.path),
                    let to = resolver.index.files[file].note, to != from, seen.insert(to).inserted
                else { continue }
                targets.append(to)
            }
            return targets
        }
        var incoming = [[Int]](repeating: [], count: vault.notes.count)
        for (from, targets) in outgoing.enumerated() {
            for to in targets { incoming[to].append(from) }
        }
        self.incoming = incoming
        linkTexts = Array(vault.notes.indices).parallelMap { index -> String? in
            let note = vault.notes[index]
            var text = String(note.path.dropLast(3))
            if case .file(let file, let ambiguity) = resolver.resolve(note.name, from: note.path),
                ambiguity == nil, resolver.index.files[file].note == index
            {
                text = note.name
            }
            return Self.readsBack(text, as: index, from: note.path, resolver: resolver) ? text : nil
        }
        sortKeys = linkTexts.map { $0?.lowercased() ?? "" }
        backlinksFor = settings.backlinksFor.map(PathPattern.init)
        // Three names, one with the characters an HTML template would escape.
        let probe = templates.render(
            "backlinks",
            BacklinksView(heading: "H", notes: ["A", "B & <c>", "D's \"e\""].map(BacklinkView.init)))
        plainLayout = probe == "### H\n- [[A]]\n- [[B & <c>]]\n- [[D's \"e\"]]\n"
    }

    /// Whether `[[text]]`, written as a generated item, reads back as a plain link to the note at `index`.
    ///
    /// In a link `|` starts an alias, `#` a heading, `^` a block (Obsidian refuses `^` in the names links use),
    /// `]]` ends it, and a line break ends the line: a note named with one of them cannot be listed, and writing
    /// `[[A#B]]` would add a broken link, not recognised as generated, on every run. Any other name with markdown
    /// or link syntax in it is parsed as the item would be and resolved, as the next run will.
    static func readsBack(_ text: String, as index: Int, from path: String, resolver: LinkResolver) -> Bool {
        let syntax = Set("[]|#^\\`%$<>*_~!&=".utf8)
        guard text.utf8.contains(where: { $0 < 0x20 || syntax.contains($0) }) else { return true }
        let item = "- [[\(text)]]"
        guard !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x5E }),
            BacklinkSection.isGeneratedItem(item)
        else { return false }
        let links = NoteParser.parse("### B\n\(item)\n", path: path).links
        guard links.count == 1, links[0].style == .wiki, links[0].fragment == nil, links[0].display == nil,
            case .file(let file, nil) = resolver.resolve(links[0].target, from: path)
        else { return false }
        return resolver.index.files[file].note == index
    }

    /// The edit for the note at `index`, or nil when it takes no part or nothing changes.
    public func edit(forNote index: Int) -> TextEdit? {
        backlinks(forNote: index).edit
    }

    /// The edit for the note at `index` (nil when it takes no part or nothing changes), and the notes that link
    /// to it but are left out of its list because no `[[link]]` can name them.
    func backlinks(forNote index: Int) -> (edit: TextEdit?, leftOut: [Int]) {
        guard settings.backlinks else { return (nil, []) }
        let note = vault.notes[index]
        // Obsidian's excluded files are never written into.
        guard !vault.excludedFiles.contains(note.path) else { return (nil, []) }
        if !backlinksFor.isEmpty, !PathPattern.any(backlinksFor, match: note.path) {
            return (nil, [])
        }
        let source = sources[index]
        guard let section = sections[index] else { return (nil, []) }
        // Notes the person already lists in the Related section.
        var listed = Set<Int>()
        for link in note.links where section.isWrittenByHand(link.byteRange.lowerBound) {
            if case .file(let file, _) = resolver.resolve(link.target, from: note.path),
                let target = resolver.index.files[file].note
            {
                listed.insert(target)
            }
        }
        let missing = incoming[index].filter { !listed.contains($0) }
        let leftOut = missing.filter { linkTexts[$0] == nil }
        let names = missing.sorted { sortKeys[$0] < sortKeys[$1] }.compactMap { linkTexts[$0] }
        var text = ""
        if !names.isEmpty {
            var body: String
            if plainLayout {
                // The probe showed the template gives exactly these lines (text content, nothing escaped): built
                // directly, as rendering it for each of thousands of notes is most of this function's time.
                body = "### \(settings.backlinksHeading)" + names.map { "\n- [[\($0)]]" }.joined()
            } else {
                body = templates.render(
                    "backlinks", BacklinksView(heading: settings.backlinksHeading, notes: names.map(BacklinkView.init)))
                if body.hasSuffix("\n") { body.removeLast() }
            }
            // The owned bytes start at the end of the line before them: a line ending, the blank line, the
            // subsection without a final line ending (the one after it stays the note's own), and a blank line
            // after the list when text starts on the next line.
            text = "\n\n" + body + (section.textFollows ? "\n" : "")
        } else if section.exists, section.textFollows, section.textPrecedes {
            text = "\n"  // removed from between two lines of text: a blank line keeps them apart
        }
        text = FigureEditor.withLineEnding(text, source)
        guard source.string(section.range) != text else { return (nil, leftOut) }
        return (TextEdit(range: section.range, replacement: text, figure: "backlinks"), leftOut)
    }
}

/// The view model of `backlinks.mustache` (answering look-ups itself, see `PairTableView`).
struct BacklinksView: MustacheParent {
    let heading: String
    let notes: [BacklinkView]

    func child(named name: String) -> Any? {
        switch name {
        case "heading": return heading
        case "notes": return notes
        default: return nil
        }
    }
}

struct BacklinkView: MustacheParent {
    let link: String

    func child(named name: String) -> Any? {
        name == "link" ? link : nil
    }
}
