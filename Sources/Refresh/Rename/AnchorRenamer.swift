import Foundation
import VaultModel

/// Renames a heading (`Note#Old heading` → `New heading`) or a block id (`Note#^old` → `new`) and rewrites
/// every link to it, in the vault's notes and in the note itself; other headings and links are untouched.
struct AnchorRenamer: Sendable {
    let vault: Vault
    let sources: [SourceText]
    let resolver: LinkResolver

    enum Anchor {
        case heading(String)
        case block(String)
    }

    func plan(note index: Int, anchor: Anchor, new: String) throws(RenameError) -> RenamePlan {
        let note = vault.notes[index]
        let source = sources[index]
        var plan = RenamePlan()
        var edits: [Int: [TextEdit]] = [:]
        var counts: [Int: Int] = [:]
        switch anchor {
        case .heading(let old):
            let key = VaultIndex.headingKey(old)
            let matching = note.headings.filter { VaultIndex.headingKey($0.text) == key }
            guard let heading = matching.first else { throw .noSuchFile("\(note.name)#\(old)") }
            guard matching.count == 1 else {
                throw .ambiguous("\(note.name)#\(old)", candidates: matching.map { "line \($0.line)" })
            }
            let newKey = VaultIndex.headingKey(new)
            guard !new.isEmpty, !newKey.isEmpty, !Self.breaksLinks(new) else { throw .badName(new) }
            if newKey != key, note.headings.contains(where: { VaultIndex.headingKey($0.text) == newKey }) {
                throw .exists("\(note.name)#\(new)")
            }
            guard let range = Self.textRange(of: heading, in: source) else { throw .noSuchFile("\(note.name)#\(old)") }
            edits[index, default: []].append(TextEdit(range: range, replacement: new, figure: "heading"))
            for (from, link) in links(to: index) {
                guard case .headings(let chain) = link.anchor,
                    chain.contains(where: { VaultIndex.headingKey($0) == key }),
                    let text = Self.rewriteFragment(
                        link,
                        new: { part in
                            VaultIndex.headingKey(part) == key ? new : nil
                        })
                else { continue }
                edits[from, default: []].append(TextEdit(range: link.byteRange, replacement: text, figure: "link"))
                counts[from, default: 0] += 1
            }
        case .block(let old):
            guard let block = note.blockIDs.first(where: { $0.id == old }) else {
                throw .noSuchFile("\(note.name)#^\(old)")
            }
            guard !new.isEmpty, new.utf8.allSatisfy({ Self.isBlockIDByte($0) }) else { throw .badName(new) }
            if note.blockIDs.contains(where: { $0.id == new }) { throw .exists("\(note.name)#^\(new)") }
            let line = source.lineContent(block.line)
            let text = source.string(line)
            guard let found = text.range(of: "^" + old, options: .backwards) else {
                throw .noSuchFile("\(note.name)#^\(old)")
            }
            let start = line.lowerBound + text.utf8.distance(from: text.startIndex, to: found.lowerBound) + 1
            edits[index, default: []].append(
                TextEdit(range: start..<(start + old.utf8.count), replacement: new, figure: "block"))
            for (from, link) in links(to: index) {
                guard link.anchor == .block(old),
                    let text = Self.rewriteFragment(link, new: { part in part == "^" + old ? "^" + new : nil })
                else { continue }
                edits[from, default: []].append(TextEdit(range: link.byteRange, replacement: text, figure: "link"))
                counts[from, default: 0] += 1
            }
        }
        for (from, list) in edits.sorted(by: { $0.key < $1.key }) {
            guard let updated = try? Splice.apply(list, to: sources[from].bytes), updated != sources[from].bytes else {
                continue
            }
            let path = vault.notes[from].path
            plan.rewrites.append(
                RenamePlan.Rewrite(
                    path: path, finalPath: path, original: sources[from].bytes, updated: updated,
                    links: counts[from] ?? 0))
        }
        return plan
    }

    /// Every link of the vault that resolves to the note at `index` (its own `[[#Heading]]` links included).
    private func links(to index: Int) -> [(Int, Link)] {
        var out: [(Int, Link)] = []
        for (from, note) in vault.notes.enumerated() {
            for link in note.links {
                guard case .file(let file, _) = resolver.resolve(link.target, from: note.path),
                    resolver.index.files[file].note == index,
                    sources[from].string(link.byteRange) == link.raw
                else { continue }
                out.append((from, link))
            }
        }
        return out
    }

    /// A heading text a wiki-link cannot hold.
    static func breaksLinks(_ text: String) -> Bool {
        text.contains("#") || text.contains("|") || text.contains("[[") || text.contains("]]") || text.contains("^")
            || text.contains("\n")
    }

    static func isBlockIDByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D
    }

    /// The bytes of a heading's text: after `#` marks on an ATX line, the text line of a setext heading.
    static func textRange(of heading: Heading, in source: SourceText) -> Range<Int>? {
        let line = source.lineContent(heading.line)
        let text = source.string(line)
        guard let found = text.range(of: heading.text) else { return nil }
        let start = line.lowerBound + text.utf8.distance(from: text.startIndex, to: found.lowerBound)
        return start..<(start + heading.text.utf8.count)
    }

    /// The link with each fragment part that `new` maps replaced, written as the link writes its fragment
    /// (raw in a wiki-link; percent-encoded in a markdown link that encodes, raw inside `<…>`).
    static func rewriteFragment(_ link: Link, new: (String) -> String?) -> String? {
        let raw = link.raw
        guard let hash = raw.firstIndex(of: "#") else { return nil }
        let end: String.Index
        switch link.style {
        case .wiki:
            end = raw[hash...].firstIndex(where: { $0 == "|" || $0 == "\\" || $0 == "]" }) ?? raw.endIndex
        case .markdown where raw.contains("](<"):
            end = raw[hash...].firstIndex(of: ">") ?? raw.endIndex
        case .markdown:
            end = raw[hash...].firstIndex(where: { $0 == ")" || $0 == " " }) ?? raw.endIndex
        }
        let fragment = raw[raw.index(after: hash)..<end]
        let encoded = link.style == .markdown && !raw.contains("](<")
        var changed = false
        let parts = fragment.split(separator: "#", omittingEmptySubsequences: false).map { written -> String in
            let plain = encoded ? (String(written).removingPercentEncoding ?? String(written)) : String(written)
            guard let replacement = new(plain.trimmingCharacters(in: .whitespaces)) else { return String(written) }
            changed = true
            return encoded ? replacement.replacingOccurrences(of: " ", with: "%20") : replacement
        }
        guard changed else { return nil }
        return String(raw[...hash]) + parts.joined(separator: "#") + String(raw[end...])
    }
}
