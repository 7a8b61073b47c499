import Foundation

/// Turns a note's text into a `Note`: front matter with Yams, blocks with cmark, links with the prose scanner.
public enum NoteParser {
    /// Parses one note. Never throws: what is wrong with the note comes back in `Note.problems`.
    public static func parse(_ text: String, path: String) -> Note {
        parse(SourceText(text), path: path)
    }

    public static func parse(_ source: SourceText, path: String) -> Note {
        let (frontMatter, problem) = FrontMatter.parse(source)
        var bodyStart = frontMatter?.bodyStart ?? 0
        if frontMatter == nil, source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bodyStart = 3 }
        // Lines before the body: cmark counts from 1 at the body's first line.
        let lineOffset = source.position(of: bodyStart).line - 1
        var blocks = source.bytes.withUnsafeBufferPointer { buffer in
            CmarkDocument.parseBlocks(UnsafeBufferPointer(rebasing: buffer[bodyStart...]))
        }
        for index in blocks.indices {
            blocks[index].startLine += lineOffset
            blocks[index].endLine += lineOffset
            if blocks[index].startLine == lineOffset + 1 && lineOffset == 0 && bodyStart > 0 {
                blocks[index].startColumn += bodyStart  // a byte-order mark before the first line
            }
        }

        var scanner = ProseScanner(source: source)
        var headings: [Heading] = []
        var blockIDs: [BlockID] = []
        for block in blocks {
            switch block.kind {
            case .paragraph:
                let range = proseRange(of: block, in: source)
                scanner.scan(range)
                if let id = trailingBlockID(in: source, line: block.endLine) {
                    blockIDs.append(BlockID(id: id, line: block.endLine))
                }
            case .heading(let level):
                let range = proseRange(of: block, in: source)
                scanner.scan(range)
                headings.append(
                    Heading(level: level, text: headingText(block, in: source), line: block.startLine, byteRange: range)
                )
            default:
                break
            }
        }

        var tags = frontMatter.flatMap { fm in fm.value("tags") ?? fm.value("tag") }?.strings.flatMap(splitTags) ?? []
        tags += scanner.tags.map(\.name)
        let aliases = frontMatter.flatMap { fm in fm.value("aliases") ?? fm.value("alias") }?.strings ?? []
        // The front matter comes first in the note, so its links do too.
        let propertyLinks = frontMatter.map { PropertyLinks.read($0, in: source) } ?? []
        return Note(
            path: path, frontMatter: frontMatter, aliases: aliases, tags: tags, headings: headings,
            blockIDs: blockIDs, links: propertyLinks + scanner.links, blocks: blocks,
            problems: problem.map { [$0] } ?? [])
    }

    /// The bytes of a leaf block: from its first column to the end of its last line.
    public static func proseRange(of block: MarkdownBlock, in source: SourceText) -> Range<Int> {
        let first = source.lineContent(block.startLine)
        let last = source.lineContent(min(block.endLine, source.lineCount))
        let start = min(first.lowerBound + max(block.startColumn - 1, 0), first.upperBound)
        return start..<max(start, last.upperBound)
    }

    /// Front-matter tags may be written `tags: a, b` or `tags: "#a #b"`.
    private static func splitTags(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == " " }).map {
            String($0.hasPrefix("#") ? $0.dropFirst() : $0[...])
        }.filter { !$0.isEmpty }
    }

    /// A block id ends a paragraph's last line: `text ^id` or a line that is only `^id`.
    static func trailingBlockID(in source: SourceText, line: Int) -> String? {
        let range = source.lineContent(line)
        var end = range.upperBound
        let bytes = source.bytes
        while end > range.lowerBound, isSpace(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > range.lowerBound, isBlockIDByte(bytes[start - 1]) { start -= 1 }
        guard start < end, start > range.lowerBound, bytes[start - 1] == 0x5E else { return nil }  // ^
        let caret = start - 1
        guard caret == range.lowerBound || isSpace(bytes[caret - 1]) || isLinePrefix(bytes, range.lowerBound, caret)
        else { return nil }
        return source.string(start..<end)
    }

    /// An ATX heading's text read from its bytes when its line is ASCII (nearly every heading), where the
    /// whitespace to trim is spaces and tabs; nil otherwise, for the Character path below.
    private static func asciiATXText(_ bytes: [UInt8], _ line: Range<Int>, in source: SourceText) -> String? {
        var lo = line.lowerBound
        var hi = line.upperBound
        guard bytes[line].allSatisfy({ $0 < 0x80 }) else { return nil }
        while lo < hi, bytes[lo] == 0x23 { lo += 1 }
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        var lastText = hi - 1
        while lastText >= lo, bytes[lastText] == 0x23 { lastText -= 1 }
        if lastText < lo { return "" }  // only #s
        // A closing sequence of #s counts only after a space.
        if lastText < hi - 1, isSpace(bytes[lastText]) {
            hi = lastText
            while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        }
        return source.string(lo..<hi)
    }

    /// Whether everything before `caret` on the line is quote or list markup (`> ^id`).
    private static func isLinePrefix(_ bytes: [UInt8], _ start: Int, _ caret: Int) -> Bool {
        bytes[start..<caret].allSatisfy { isSpace($0) || $0 == 0x3E }
    }

    private static func isBlockIDByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D
    }

    /// A heading's text as written: without the `#` marks and closing sequence, or without the setext underline.
    static func headingText(_ block: MarkdownBlock, in source: SourceText) -> String {
        let first = source.lineContent(block.startLine)
        let start = min(first.lowerBound + max(block.startColumn - 1, 0), first.upperBound)
        let bytes = source.bytes
        if start < first.upperBound, bytes[start] == 0x23 {  // ATX
            if let text = asciiATXText(bytes, start..<first.upperBound, in: source) { return text }
            var text = Substring(source.string(start..<first.upperBound))
            text = text.drop(while: { $0 == "#" })
            var trimmed = text.trimmingWhitespace()
            // A closing sequence of #s counts only after a space.
            if let lastNonHash = trimmed.lastIndex(where: { $0 != "#" }),
                lastNonHash < trimmed.index(before: trimmed.endIndex)
            {
                if trimmed[lastNonHash] == " " || trimmed[lastNonHash] == "\t" {
                    trimmed = trimmed[...lastNonHash].trimmingWhitespace()
                }
            } else if trimmed.allSatisfy({ $0 == "#" }) {
                trimmed = ""
            }
            return trimmed
        }
        var lines: [String] = []
        for line in block.startLine...max(block.endLine, block.startLine) where line <= source.lineCount {
            let content = source.lineContent(line)
            let from = line == block.startLine ? start : content.lowerBound
            let text = source.string(from..<content.upperBound).trimmingWhitespace()
            // The setext underline is markup, not text.
            if line > block.startLine, text.allSatisfy({ $0 == "=" }) || text.allSatisfy({ $0 == "-" }) { break }
            lines.append(text)
        }
        return lines.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
