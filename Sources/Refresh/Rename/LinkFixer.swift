import Foundation
import VaultModel

/// Finds the link problems `check` reports that have exactly one sensible fix, and the fix.
///
/// - a broken link whose target matches one note (or attachment) once case, accents, spaces and punctuation
///   are folded away, else one name within a small edit distance (one edit for names under six letters, two
///   above), with no other name as close;
/// - a missing heading with one heading of the note as close;
/// - an ambiguous link, rewritten to the shortest form that names the file it resolves to today.
/// Everything else is left for a person.
public struct LinkFixer: Sendable {
    public let vault: Vault
    public let sources: [SourceText]

    public struct Fix: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var position: SourcePosition
        public var old: String
        public var new: String
        public var reason: String
        public var description: String { "\(path):\(position): \(old) → \(new) (\(reason))" }
    }

    public init(vault: Vault, sources: [SourceText]) {
        self.vault = vault
        self.sources = sources
    }

    public func plan() -> (plan: RenamePlan, fixes: [Fix]) {
        let resolver = LinkResolver(index: VaultIndex(vault))
        let rewriter = LinkRewriter(resolver: resolver)
        let noteNames = Candidates(vault.notes.map { ($0.name, $0.path) })
        let attachmentNames = Candidates(vault.attachments.map { (Self.stem(VaultPath.fileName(of: $0)), $0) })
        var plan = RenamePlan()
        var fixes: [Fix] = []
        for (index, note) in vault.notes.enumerated() {
            let source = sources[index]
            var edits: [TextEdit] = []
            for link in note.links where !link.target.isEmpty && source.string(link.byteRange) == link.raw {
                let line = source.bytes[source.lineContent(link.position.line)]
                let inTable = line.first(where: { $0 != 0x20 && $0 != 0x09 }) == 0x7C
                var fixed: (String, String)? = nil
                switch resolver.resolve(link.target, from: note.path) {
                case .missing:
                    let isNote =
                        VaultPath.fileExtension(of: link.target).isEmpty
                        || VaultPath.hasMarkdownExtension(link.target)
                    // An attachment is matched by its name among files of the same extension: a .jpg is never
                    // "fixed" into a .png.
                    let ext = VaultPath.fileExtension(of: link.target)
                    let names = isNote ? noteNames : attachmentNames.filter { VaultPath.fileExtension(of: $0) == ext }
                    let wanted =
                        isNote ? VaultPath.stem(of: link.target) : Self.stem(VaultPath.fileName(of: link.target))
                    guard let (path, why) = names.only(close: wanted),
                        let text = rewriter.rewrite(link, to: path, from: note.path, alias: nil, inTable: inTable)
                    else { continue }
                    fixed = (text, why)
                case .file(let file, let ambiguity?) where !ambiguity.candidates.isEmpty:
                    let path = resolver.index.files[file].path
                    guard let text = rewriter.rewrite(link, to: path, from: note.path, alias: nil, inTable: inTable),
                        text != link.raw
                    else { continue }
                    fixed = (text, "it resolves to \(path) today; written so it always will")
                case .file(let file, _):
                    guard let target = resolver.index.files[file].note, case .headings(let chain) = link.anchor,
                        chain.count == 1, !resolver.index.hasHeadings(chain, inNote: target)
                    else { continue }
                    let headings = Candidates(
                        vault.notes[target].headings.map { ($0.text, $0.text) }, fold: VaultIndex.headingKey)
                    guard let (heading, _) = headings.only(close: chain[0]),
                        let text = AnchorRenamer.rewriteFragment(link, new: { _ in heading })
                    else { continue }
                    fixed = (text, "the one heading of \(vault.notes[target].name) that close")
                case .outsideVault:
                    continue
                }
                guard let (text, why) = fixed else { continue }
                edits.append(TextEdit(range: link.byteRange, replacement: text, figure: "link"))
                fixes.append(Fix(path: note.path, position: link.position, old: link.raw, new: text, reason: why))
            }
            guard !edits.isEmpty, let updated = try? Splice.apply(edits, to: source.bytes) else { continue }
            plan.rewrites.append(
                RenamePlan.Rewrite(
                    path: note.path, finalPath: note.path, original: source.bytes, updated: updated, links: edits.count)
            )
        }
        return (plan, fixes)
    }
}

extension LinkFixer {
    /// A file name without its extension.
    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// Names with their paths, to find the one a mistyped name meant.
struct Candidates {
    let entries: [(name: String, path: String, folded: String)]
    let fold: (String) -> String

    init(_ names: [(String, String)], fold: @escaping (String) -> String = Candidates.fold) {
        self.fold = fold
        entries = names.map { ($0.0, $0.1, fold($0.0)) }
    }

    private init(entries: [(name: String, path: String, folded: String)], fold: @escaping (String) -> String) {
        self.entries = entries
        self.fold = fold
    }

    /// The candidates whose path passes `keep`.
    func filter(_ keep: (String) -> Bool) -> Candidates {
        Candidates(entries: entries.filter { keep($0.path) }, fold: fold)
    }

    /// Lowercase, without accents, spaces and punctuation: `Hut 8`, `hut-8` and `HÜT8` fold alike.
    static func fold(_ text: String) -> String {
        let plain = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(plain.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// The one path whose name folds to the same as `wanted`, else the one within the allowed edits with no
    /// other as close; nil when there is none or more than one.
    func only(close wanted: String) -> (String, String)? {
        let key = fold(wanted)
        guard !key.isEmpty else { return nil }
        let same = entries.filter { $0.folded == key }
        if Set(same.map(\.path)).count == 1 {
            return (same[0].path, "the one name that matches once case, accents and punctuation are set aside")
        }
        guard same.isEmpty else { return nil }
        let allowed = key.count < 6 ? 1 : 2
        let bytes = Array(key.utf8)
        var best: [(path: String, name: String)] = []
        var bestDistance = allowed + 1
        for entry in entries where abs(entry.folded.utf8.count - bytes.count) <= allowed {
            let distance = NameSuggester.editDistance(bytes, Array(entry.folded.utf8))
            if distance < bestDistance {
                bestDistance = distance
                best = [(entry.path, entry.name)]
            } else if distance == bestDistance {
                best.append((entry.path, entry.name))
            }
        }
        guard bestDistance <= allowed, Set(best.map(\.path)).count == 1 else { return nil }
        return (best[0].path, "the one name within \(bestDistance) edit\(bestDistance == 1 ? "" : "s")")
    }
}
