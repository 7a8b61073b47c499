import Foundation
import VaultModel

/// Adds a name to a note's `aliases:` by editing the front matter's bytes, in the style the note uses.
///
/// - no front matter: one is added, `aliases: [Name]`;
/// - front matter without `aliases:`: the line `aliases: [Name]` goes before the closing `---`;
/// - `aliases: [a, b]` on one line: `, Name` goes before the `]`;
/// - a block list (`aliases:` then `  - a`): a `  - Name` line, indented like the others, after the last item;
/// - `aliases: a` (one scalar): it becomes `[a, Name]`.
/// A name already among the aliases, or one that needs YAML quoting, is left out (nil).
enum AliasEditor {
    static func edit(note: Note, source: SourceText, adding name: String) -> TextEdit? {
        guard !note.aliases.contains(where: { $0.lowercased() == name.lowercased() }) else { return nil }
        // Plain YAML scalars only: a name with `:`, `#`, quotes, brackets or commas would need quoting.
        let special: Set<Character> = [
            ":", "#", "\"", "'", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`",
        ]
        guard !name.contains(where: { special.contains($0) }), name.first != "-", name.first != "?",
            name.trimmingWhitespace() == name
        else { return nil }
        let ending = source.dominantLineEnding
        guard let frontMatter = note.frontMatter else {
            let start = source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return TextEdit(
                range: start..<start, replacement: "---\(ending)aliases: [\(name)]\(ending)---\(ending)",
                figure: "alias")
        }
        let lines = (frontMatter.openingLine + 1)..<frontMatter.closingLine
        guard let keyLine = lines.first(where: { isKey(source, $0) }) else {
            let at = source.fullLine(frontMatter.closingLine).lowerBound
            return TextEdit(range: at..<at, replacement: "aliases: [\(name)]\(ending)", figure: "alias")
        }
        let content = source.lineContent(keyLine)
        let text = source.string(content)
        let value = text.drop { $0 != ":" }.dropFirst().trimmingWhitespace()
        if value.hasPrefix("["), let close = text.lastIndex(of: "]") {
            let offset = content.lowerBound + text.utf8.distance(from: text.startIndex, to: close)
            let empty = value.dropFirst().trimmingWhitespace() == "]"
            return TextEdit(range: offset..<offset, replacement: empty ? name : ", \(name)", figure: "alias")
        }
        if value.isEmpty {
            // A block list: after its last `- item` line.
            var last = keyLine
            var indent = "  "
            while last + 1 < frontMatter.closingLine {
                let next = source.string(source.lineContent(last + 1))
                let trimmed = next.drop { $0 == " " }
                guard trimmed.hasPrefix("- ") || trimmed == "-" else { break }
                indent = String(next.prefix(next.count - trimmed.count))
                last += 1
            }
            let at = source.fullLine(last).upperBound
            return TextEdit(range: at..<at, replacement: "\(indent)- \(name)\(ending)", figure: "alias")
        }
        // One scalar: a flow list of it and the new name.
        guard let found = text.range(of: value, options: .backwards) else { return nil }
        let start = content.lowerBound + text.utf8.distance(from: text.startIndex, to: found.lowerBound)
        return TextEdit(range: start..<(start + value.utf8.count), replacement: "[\(value), \(name)]", figure: "alias")
    }

    private static func isKey(_ source: SourceText, _ line: Int) -> Bool {
        let bytes = source.bytes[source.lineContent(line)]
        return bytes.starts(with: Array("aliases:".utf8))
    }
}
