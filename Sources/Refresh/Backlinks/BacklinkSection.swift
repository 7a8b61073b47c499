import VaultModel

/// Where a note's generated backlinks live: the `### Backlinks` subsection of its `## Related` section.
///
/// vaultgen owns the subsection's heading line and the run of lines right after it that are exactly
/// `- [[Name]]`, plus one blank line before the heading when there is one. Anything else a person writes
/// in or after the subsection stays where it is. When the section has no such subsection yet, it goes after
/// the section's last list (or its last block).
public struct BacklinkSection: Sendable, Equatable {
    /// The bytes vaultgen replaces: the existing generated part, or an empty range where it will go.
    public var range: Range<Int>
    /// Whether the generated part exists already.
    public var exists: Bool
    /// Byte range of the Related section outside the generated part, for "already linked" checks.
    public var related: Range<Int>

    /// Finds the Related section and its generated part in `note`; nil when the note has no Related section.
    public static func locate(
        in note: Note, source: SourceText, relatedHeading: String, backlinksHeading: String
    ) -> BacklinkSection? {
        let key = VaultIndex.headingKey(relatedHeading)
        guard
            let relatedIndex = note.headings.firstIndex(where: {
                $0.level == 2 && VaultIndex.headingKey($0.text) == key
            })
        else { return nil }
        let related = note.headings[relatedIndex]
        let sectionEnd =
            note.headings[(relatedIndex + 1)...].first { $0.level <= 2 }.map {
                source.fullLine($0.line).lowerBound
            } ?? source.bytes.count
        let sectionStart = source.fullLine(related.line).upperBound
        let backlinksKey = VaultIndex.headingKey(backlinksHeading)
        if let own = note.headings[(relatedIndex + 1)...].first(where: {
            $0.level == 3 && VaultIndex.headingKey($0.text) == backlinksKey && $0.line > related.line
                && source.fullLine($0.line).lowerBound < sectionEnd
        }) {
            var start = source.fullLine(own.line).lowerBound
            if own.line > 1, source.lineContent(own.line - 1).isEmpty, own.line - 1 > related.line {
                start = source.fullLine(own.line - 1).lowerBound
            }
            var lastLine = own.line
            while lastLine < source.lineCount, isGeneratedItem(source.string(source.lineContent(lastLine + 1))) {
                lastLine += 1
            }
            let end = source.fullLine(lastLine).upperBound
            return BacklinkSection(range: start..<end, exists: true, related: sectionStart..<sectionEnd)
        }
        // Insert after the section's last list, else after its last block.
        let blocks = note.blocks.filter { block in
            let offset = source.fullLine(block.startLine).lowerBound
            return offset >= sectionStart && offset < sectionEnd && block.depth == 0
        }
        guard let anchor = blocks.last(where: { $0.kind == .list }) ?? blocks.last else {
            return BacklinkSection(
                range: sectionStart..<sectionStart, exists: false, related: sectionStart..<sectionEnd)
        }
        let at = source.fullLine(min(anchor.endLine, source.lineCount)).upperBound
        return BacklinkSection(range: at..<at, exists: false, related: sectionStart..<sectionEnd)
    }

    /// A line vaultgen writes in the list: `- [[Name]]` and nothing else.
    static func isGeneratedItem(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        guard bytes.count > 6, bytes.starts(with: [0x2D, 0x20, 0x5B, 0x5B]),
            bytes[bytes.count - 2] == 0x5D, bytes[bytes.count - 1] == 0x5D
        else { return false }
        // Exactly one link: no other `[[` or `]]` inside.
        for i in 4..<(bytes.count - 3)
        where (bytes[i] == 0x5B && bytes[i + 1] == 0x5B) || (bytes[i] == 0x5D && bytes[i + 1] == 0x5D) {
            return false
        }
        return true
    }

    /// Whether a byte offset lies in the Related section but outside the generated part.
    public func isWrittenByHand(_ offset: Int) -> Bool {
        related.contains(offset) && !(exists && range.contains(offset))
    }
}
