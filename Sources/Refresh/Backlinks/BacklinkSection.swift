import VaultModel

/// Where a note's generated backlinks live: the `### Backlinks` subsection of its `## Related` section.
///
/// vaultgen owns the subsection's heading line, the run of lines right after it that are exactly `- [[Name]]`,
/// and one blank line before the heading. A new subsection goes right after the section's last top-level list,
/// or, in a section without one, right after the Related heading: either way before any paragraph that closes
/// the section (a footer such as `*Created 2026-01-30*`), in a `new sector` note as in a hand-written one. When
/// the text that follows would join the generated list (a `-` item, or a line indented two columns or more),
/// it goes at the end of the section's content instead (unless that end is inside a fence or HTML block left
/// open, where the list would not be a list and the next run would add another).
///
/// Every line number here is checked against the source: libcmark's block end lines include a list's trailing
/// blank lines and stop one line short of a multi-line HTML block's end, so a block is taken to end at the last
/// line with text before the next block starts. The owned bytes run from the end of the line before the blank
/// line to the end of the last item, without its line ending, so removing them restores exactly what was there,
/// final newline or not.
public struct BacklinkSection: Sendable, Equatable {
    /// The bytes vaultgen replaces: the existing generated part, or an empty range where it will go.
    public var range: Range<Int>
    /// Whether the generated part exists already.
    public var exists: Bool
    /// Byte range of the Related section outside the generated part, for "already linked" checks.
    public var related: Range<Int>
    /// Whether a line with text starts right after `range`: the generated list then ends with a blank line, or
    /// that text would become a lazy continuation of its last item.
    public var textFollows: Bool
    /// Whether the line before `range` has text: removing the subsection then keeps a blank line between it and
    /// text that follows.
    public var textPrecedes: Bool

    /// Finds the Related section and its generated part in `note`; nil when the note has no Related section.
    public static func locate(
        in note: Note, source: SourceText, relatedHeading: String, backlinksHeading: String
    ) -> BacklinkSection? {
        guard note.headings.contains(where: { $0.level == 2 }) else { return nil }
        // Headings and blocks are both in document order: one walk through the headings finds each top-level
        // heading's text, and only those headings' keys are computed.
        var nextHeading = note.headings.startIndex
        func key(ofHeadingAt line: Int) -> String? {
            while nextHeading < note.headings.endIndex, note.headings[nextHeading].line < line { nextHeading += 1 }
            guard nextHeading < note.headings.endIndex, note.headings[nextHeading].line == line else { return nil }
            return VaultIndex.headingKey(note.headings[nextHeading].text)
        }
        // The Related heading, the section's top-level blocks, and the heading that ends the section. Sections
        // are made by top-level headings only: a `## Related` inside a quote or a list is text.
        let relatedKey = VaultIndex.headingKey(relatedHeading)
        var top: [MarkdownBlock] = []
        for block in note.blocks where block.depth == 0 {
            if top.isEmpty {
                if block.kind == .heading(level: 2), key(ofHeadingAt: block.startLine) == relatedKey {
                    top.append(block)
                }
                continue
            }
            top.append(block)
            if case .heading(let level) = block.kind, level <= 2 { break }
        }
        guard !top.isEmpty else { return nil }
        let lines = SectionLines(source: source)
        let relatedIndex = 0
        var sectionEndIndex = top.endIndex
        if top.count > 1, case .heading(let level) = top[top.count - 1].kind, level <= 2 {
            sectionEndIndex = top.count - 1
        }
        // The last line of each top-level block: the last line with text before the next block (or section end).
        func lastLine(_ i: Int) -> Int {
            let limit = i + 1 < top.endIndex ? top[i + 1].startLine - 1 : lines.count
            return lines.lastText(from: min(limit, lines.count), downTo: top[i].startLine)
        }
        let headingEnd = lastLine(relatedIndex)
        let sectionEndLine = sectionEndIndex < top.endIndex ? top[sectionEndIndex].startLine : lines.count + 1
        let sectionStart = source.fullLine(headingEnd).upperBound
        let sectionEnd = sectionEndLine <= lines.count ? source.fullLine(sectionEndLine).lowerBound : source.bytes.count
        let related = sectionStart..<max(sectionStart, sectionEnd)
        let inside = (relatedIndex + 1)..<sectionEndIndex

        let backlinksKey = VaultIndex.headingKey(backlinksHeading)
        if let own = inside.first(where: {
            top[$0].kind == .heading(level: 3) && key(ofHeadingAt: top[$0].startLine) == backlinksKey
        }) {
            let heading = top[own].startLine
            // The blank line before the heading is vaultgen's; the line before that is the person's.
            let before = lines.isBlank(heading - 1) && heading - 1 > headingEnd ? heading - 2 : heading - 1
            var last = heading
            while last < lines.count, isGeneratedItem(source.string(source.lineContent(last + 1))) { last += 1 }
            let start = source.lineContent(before).upperBound
            return BacklinkSection(
                range: start..<source.lineContent(last).upperBound, exists: true, related: related,
                textFollows: last < lines.count && !lines.isBlank(last + 1), textPrecedes: !lines.isBlank(before))
        }

        // Right after the last top-level list, else right after the heading; the end of the section's content when
        // what follows would join the generated list.
        var anchor = inside.last(where: { top[$0].kind == .list }).map(lastLine) ?? headingEnd
        if !lines.isSafeAfterGeneratedList(lines.firstText(after: anchor)), let last = inside.last,
            last + 1 < top.endIndex || lines.isClosed(top[last], lastLine: lastLine(last))
        {
            anchor = lastLine(last)
        }
        let at = source.lineContent(anchor).upperBound
        return BacklinkSection(
            range: at..<at, exists: false, related: related,
            textFollows: anchor < lines.count && !lines.isBlank(anchor + 1), textPrecedes: !lines.isBlank(anchor))
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

/// The questions `BacklinkSection` asks of a note's lines, answered from its bytes.
private struct SectionLines {
    let source: SourceText
    let count: Int

    init(source: SourceText) {
        self.source = source
        count = source.lineCount
    }

    /// A line with nothing but spaces and tabs (CommonMark's blank line); lines outside the note count as blank.
    func isBlank(_ line: Int) -> Bool {
        guard line >= 1, line <= count else { return true }
        return source.bytes[source.lineContent(line)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The last line from `line` down to `floor` that is not blank (`floor` when all are).
    func lastText(from line: Int, downTo floor: Int) -> Int {
        var line = line
        while line > floor, isBlank(line) { line -= 1 }
        return max(line, floor)
    }

    /// The first line after `line` that is not blank, nil at the end of the note.
    func firstText(after line: Int) -> Int? {
        var line = line + 1
        while line <= count, isBlank(line) { line += 1 }
        return line <= count ? line : nil
    }

    /// Whether a line can follow the generated list after a blank line and stay out of it: not a `-` item (it
    /// would be one more item) and not indented two columns or more (it would continue the last item).
    func isSafeAfterGeneratedList(_ line: Int?) -> Bool {
        guard let line else { return true }
        let bytes = source.bytes[source.lineContent(line)]
        var column = 0
        var i = bytes.startIndex
        while i < bytes.endIndex, bytes[i] == 0x20 || bytes[i] == 0x09 {
            column = bytes[i] == 0x09 ? column + 4 - column % 4 : column + 1
            i += 1
        }
        if column >= 2 { return false }
        guard i < bytes.endIndex, bytes[i] == 0x2D else { return true }
        return i + 1 < bytes.endIndex && bytes[i + 1] != 0x20 && bytes[i + 1] != 0x09
    }

    /// Whether text written after `block`, the last block of the note, would stay out of it: not inside a fence
    /// left open, or an HTML block whose end condition never comes (both run on to the end of the note).
    func isClosed(_ block: MarkdownBlock, lastLine: Int) -> Bool {
        let text = source.string(
            source.lineContent(block.startLine).lowerBound..<source.lineContent(lastLine).upperBound
        ).drop { $0 == " " }
        let first = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        switch block.kind {
        case .htmlBlock:
            let lowered = first.lowercased()
            if lowered.hasPrefix("<!--") { return text.dropFirst(4).contains("-->") }
            if lowered.hasPrefix("<?") { return text.dropFirst(2).contains("?>") }
            if lowered.hasPrefix("<![cdata[") { return text.contains("]]>") }
            if lowered.hasPrefix("<!") { return text.dropFirst(2).contains(">") }
            for tag in ["script", "pre", "style", "textarea"] where lowered.hasPrefix("<" + tag) {
                return text.lowercased().contains("</" + tag + ">")
            }
            return true  // ends at a blank line
        case .codeBlock:
            guard let fence = first.first, fence == "`" || fence == "~" else { return true }  // indented code
            let opening = first.prefix { $0 == fence }.count
            let closing = source.string(source.lineContent(lastLine)).drop { $0 == " " }
            return lastLine > block.startLine && closing.prefix { $0 == fence }.count >= opening
                && closing.drop { $0 == fence }.allSatisfy { $0 == " " || $0 == "\t" }
        default:
            return true
        }
    }
}
