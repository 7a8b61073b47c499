/// Reads the links written in front-matter properties, as Obsidian (1.4 and later) does: `up: "[[Parent]]"`,
/// `related: ["[[A]]", "[[B|b]]"]`, `banner: "![[image.webp]]"`, or a markdown link inside a string.
///
/// Only strings count: a top-level value or an item of a top-level list. An unquoted `up: [[Parent]]` is a
/// YAML list of lists, not a link (Obsidian asks for quotes too), and nested mappings are not properties.
enum PropertyLinks {
    /// The links of every property string, in the order written, each marked with its property and placed at
    /// its own bytes in the front matter.
    static func read(_ frontMatter: FrontMatter, in source: SourceText) -> [Link] {
        var links: [Link] = []
        for text in frontMatter.linkTexts {
            let value = SourceText(text.text)
            var scanner = ProseScanner(source: value)
            scanner.scan(0..<value.bytes.count)
            // Each link's raw text is looked for in the note from where the string starts, so that two equal
            // links of one string land on their own bytes; a link whose text YAML changed (an escape, a folded
            // line) is placed at the string's first byte.
            var cursor = text.start
            for var link in scanner.links {
                let raw = Array(link.raw.utf8)
                if let found = find(raw, in: source.bytes, from: cursor, before: frontMatter.yamlRange.upperBound) {
                    link.byteRange = found
                    cursor = found.upperBound
                } else {
                    let start = min(text.start, frontMatter.yamlRange.upperBound - 1)
                    link.byteRange = start..<(start + 1)
                }
                link.position = source.position(of: link.byteRange.lowerBound)
                link.property = text.key
                links.append(link)
            }
        }
        return links
    }

    /// The first occurrence of `needle` in `bytes[from..<end]`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, before end: Int) -> Range<Int>? {
        guard let first = needle.first, from >= 0, end <= bytes.count, needle.count <= end - from else { return nil }
        var i = from
        while i + needle.count <= end {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }
}
