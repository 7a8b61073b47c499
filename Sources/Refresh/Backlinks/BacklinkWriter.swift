import Mustache
import VaultModel

/// Computes each note's generated backlinks list and the edit that keeps it current.
public struct BacklinkWriter: Sendable {
    let vault: Vault
    let sources: [SourceText]
    let resolver: LinkResolver
    let templates: TemplateSet
    let settings: VaultConfig.UpdateSettings
    /// For every note, the notes that link to it (not itself), by index.
    let incoming: [[Int]]
    /// Whether the template lays lists out exactly as `### Heading` and `- [[Name]]` lines (the shipped one
    /// does): then an existing list with the same names is known to be current without rendering it.
    let plainLayout: Bool

    public init(vault: Vault, sources: [SourceText], resolver: LinkResolver, templates: TemplateSet) {
        self.vault = vault
        self.sources = sources
        self.resolver = resolver
        self.templates = templates
        settings = vault.config.update
        var incoming = [[Int]](repeating: [], count: vault.notes.count)
        for (from, note) in vault.notes.enumerated() {
            // Links vaultgen generated are not backlinks: counting them would grow the lists every run.
            let generated = BacklinkSection.locate(
                in: note, source: sources[from], relatedHeading: settings.relatedHeading,
                backlinksHeading: settings.backlinksHeading
            ).flatMap { $0.exists ? $0.range : nil }
            var seen = Set<Int>()
            for link in note.links where !(generated?.contains(link.byteRange.lowerBound) ?? false) {
                guard case .file(let file, _) = resolver.resolve(link.target, from: note.path),
                    let to = resolver.index.files[file].note, to != from, seen.insert(to).inserted
                else { continue }
                incoming[to].append(from)
            }
        }
        self.incoming = incoming
        let probe = templates.render(
            "backlinks", BacklinksView(heading: "H", notes: [BacklinkView(link: "A"), BacklinkView(link: "B c")]))
        plainLayout = probe == "### H\n- [[A]]\n- [[B c]]\n"
    }

    /// The edit for the note at `index`, or nil when it takes no part or nothing changes.
    public func edit(forNote index: Int) -> TextEdit? {
        guard settings.backlinks else { return nil }
        let note = vault.notes[index]
        if !settings.backlinksFor.isEmpty,
            !PathPattern.any(settings.backlinksFor.map(PathPattern.init), match: note.path)
        {
            return nil
        }
        let source = sources[index]
        guard
            let section = BacklinkSection.locate(
                in: note, source: source, relatedHeading: settings.relatedHeading,
                backlinksHeading: settings.backlinksHeading)
        else { return nil }
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
        let names = missing.map { linkText(for: $0) }.sorted { $0.lowercased() < $1.lowercased() }
        if plainLayout, section.exists, isCurrent(section, names: names, source: source) { return nil }
        var text = ""
        if !names.isEmpty {
            text = templates.render(
                "backlinks", BacklinksView(heading: settings.backlinksHeading, notes: names.map(BacklinkView.init)))
            if !text.hasSuffix("\n") { text += "\n" }
            // A blank line before the heading; at the end of a file without a final newline, one more.
            let before = section.range.lowerBound
            let endsLine = before == 0 || source.bytes[before - 1] == 0x0A || source.bytes[before - 1] == 0x0D
            text = (endsLine ? "\n" : "\n\n") + text
            text = SectorRefresher.withLineEnding(text, source)
        }
        guard source.string(section.range) != text else { return nil }
        return TextEdit(range: section.range, replacement: text, figure: "backlinks")
    }

    /// Whether the generated part already lists exactly `names` under the configured heading.
    private func isCurrent(_ section: BacklinkSection, names: [String], source: SourceText) -> Bool {
        var expected = ["### \(settings.backlinksHeading)"] + names.map { "- [[\($0)]]" }
        var lines = source.string(section.range).split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r\n" || $0 == "\r"
        }.map(String.init)
        if lines.last == "" { lines.removeLast() }
        if lines.first == "" {
            lines.removeFirst()
        } else {
            expected.insert("", at: 0)  // a blank line before the heading would be added
        }
        return lines == expected
    }

    /// `Name`, or the path without `.md` when another note has the same name.
    private func linkText(for index: Int) -> String {
        let note = vault.notes[index]
        if case .file(let file, let ambiguity) = resolver.resolve(note.name, from: note.path),
            ambiguity == nil, resolver.index.files[file].note == index
        {
            return note.name
        }
        return String(note.path.dropLast(3))
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
