import Foundation

/// A link or embed found in a note, as written and where it was written.
public struct Link: Sendable, Equatable {
    public enum Style: String, Sendable {
        /// `[[Target#fragment|display]]`
        case wiki
        /// `[display](target#fragment)`
        case markdown
    }

    public var style: Style
    /// Whether the link embeds its target (`![[…]]`, `![…](…)`).
    public var isEmbed: Bool
    /// The path part of the target, trimmed; for markdown links, URL-decoded. Empty for a same-note link.
    public var target: String
    /// What follows the first `#`, without it: heading chain, `^block`, or a file fragment like `page=3`.
    public var fragment: String?
    /// The display text after `|`, or a markdown link's text.
    public var display: String?
    /// The link exactly as written in the note.
    public var raw: String
    /// Where the link starts (its `[` or `!`).
    public var position: SourcePosition
    /// The bytes of the whole link in the note: in the front matter for a property's link, so never inside a
    /// range of the body.
    public var byteRange: Range<Int>
    /// The front-matter property whose value holds the link (`up` for `up: "[[Parent]]"`); nil for a link in
    /// the note's body. Code that reads the body's structure (sections, tables, embeds) skips these.
    public var property: String?

    public init(
        style: Style, isEmbed: Bool, target: String, fragment: String?, display: String?, raw: String,
        position: SourcePosition, byteRange: Range<Int>, property: String? = nil
    ) {
        self.style = style
        self.isEmbed = isEmbed
        self.target = target
        self.fragment = fragment
        self.display = display
        self.raw = raw
        self.position = position
        self.byteRange = byteRange
        self.property = property
    }

    /// What the fragment points at inside a note.
    public enum Anchor: Sendable, Equatable {
        case none
        /// `#A#B`: a heading, with the headings above it.
        case headings([String])
        /// `#^id`: a block.
        case block(String)
    }

    /// The fragment read as a note anchor.
    public var anchor: Anchor {
        guard let fragment, !fragment.isEmpty else { return .none }
        if fragment.hasPrefix("^") { return .block(String(fragment.dropFirst())) }
        // Each part without the spaces and tabs around it (bytes, not Characters: this runs for every link).
        let parts = fragment.utf8.split(separator: 0x23).compactMap { bytes -> String? in
            let part = Substring(bytes)
            guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
                let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
            else { return nil }
            return String(part[first..<bytes.index(after: last)])
        }
        return parts.isEmpty ? .none : .headings(parts)
    }
}

/// A heading of a note.
public struct Heading: Sendable, Equatable {
    public var level: Int
    /// The heading's text as written, without `#` marks or setext underline.
    public var text: String
    public var line: Int
    /// The bytes from the start of the heading's first line to the end of its last line.
    public var byteRange: Range<Int>

    public init(level: Int, text: String, line: Int, byteRange: Range<Int>) {
        self.level = level
        self.text = text
        self.line = line
        self.byteRange = byteRange
    }
}

/// A block id (`^id`) that a `[[Note#^id]]` link can point at.
public struct BlockID: Sendable, Equatable {
    public var id: String
    public var line: Int

    public init(id: String, line: Int) {
        self.id = id
        self.line = line
    }
}

/// A `#tag` in a note's text.
public struct Tag: Sendable, Equatable {
    /// The tag without its `#`.
    public var name: String
    public var position: SourcePosition

    public init(name: String, position: SourcePosition) {
        self.name = name
        self.position = position
    }
}
