import Foundation

/// Finds links, embeds and tags in the prose blocks of a note by reading their bytes.
///
/// cmark has no node for wiki-links and splits them around emphasis or reference definitions, so the
/// scanner reads the source bytes of the blocks cmark calls prose (paragraphs, headings, tables) and skips
/// what Obsidian does not read as links: code spans, escapes, inline HTML comments, `%%comments%%` and
/// `$$math$$` (the last two may span several blocks).
struct ProseScanner {
    let source: SourceText
    private(set) var links: [Link] = []
    private(set) var tags: [Tag] = []
    private var inComment = false
    private var inMath = false
    /// For a backtick run of length n, the offset from which no closing run of n exists in the current block.
    /// Without it, a block of many unmatched runs would be scanned to its end once per run (quadratic).
    private var noCloser: [Int: Int] = [:]
    /// The offset from which no `-->` exists in the current block: an unclosed `<!--` is literal text, and
    /// searching again for every later `<!--` would be quadratic.
    private var noCommentCloser = Int.max
    /// Link texts and targets longer than this are not links: bounds the work on pathological input.
    static let maxLinkLength = 2048

    init(source: SourceText) {
        self.source = source
    }

    /// Scans one prose block; blocks must come in document order.
    mutating func scan(_ range: Range<Int>) {
        source.bytes.withUnsafeBufferPointer { bytes in
            scan(bytes, range)
        }
    }

    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        noCloser.removeAll(keepingCapacity: true)
        noCommentCloser = Int.max
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            if inComment || inMath {
                let closer: UInt8 = inComment ? 0x25 : 0x24  // % or $
                guard let close = find(pair: closer, in: b, from: i, to: end) else { return }
                inComment = false
                inMath = false
                i = close + 2
                continue
            }
            // Most bytes start nothing: skip them with one table test each.
            while i < end, !startsSomething(b[i]) { i += 1 }
            guard i < end else { break }
            switch b[i] {
            case 0x5C:  // backslash escapes the next punctuation character
                i += (i + 1 < end && isASCIIPunctuation(b[i + 1])) ? 2 : 1
            case 0x60:  // `code span`
                i = skipCodeSpan(b, at: i, end: end)
            case 0x3C:  // <!-- inline HTML comment -->
                i = skipHTMLComment(b, at: i, end: end)
            case 0x25 where i + 1 < end && b[i + 1] == 0x25:  // %%
                inComment = true
                i += 2
            case 0x24 where i + 1 < end && b[i + 1] == 0x24:  // $$
                inMath = true
                i += 2
            case 0x21 where i + 1 < end && b[i + 1] == 0x5B:  // ![
                if i + 2 < end, b[i + 2] == 0x5B, let next = wikiLink(b, at: i, embed: true, end: end) {
                    i = next
                } else if let next = markdownLink(b, at: i, embed: true, end: end) {
                    i = next
                } else {
                    i += 2
                }
            case 0x5B:  // [
                if i + 1 < end, b[i + 1] == 0x5B, let next = wikiLink(b, at: i, embed: false, end: end) {
                    i = next
                } else if let next = markdownLink(b, at: i, embed: false, end: end) {
                    i = next
                } else {
                    i += 1
                }
            case 0x23:  // #
                i = tag(b, at: i, start: range.lowerBound, end: end)
            default:
                i += 1
            }
        }
    }

    private func find(pair byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        var j = from
        while j + 1 < end {
            if b[j] == byte && b[j + 1] == byte { return j }
            j += 1
        }
        return nil
    }

    /// A run of n backticks opens a code span that the next run of exactly n backticks closes.
    private mutating func skipCodeSpan(_ b: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Int {
        var n = 0
        while start + n < end && b[start + n] == 0x60 { n += 1 }
        if let from = noCloser[n], from <= start { return start + n }
        var j = start + n
        while j < end {
            if b[j] == 0x60 {
                var m = 0
                while j + m < end && b[j + m] == 0x60 { m += 1 }
                if m == n { return j + m }
                j += m
            } else {
                j += 1
            }
        }
        noCloser[n] = start
        return start + n  // no closer: the backticks are literal
    }

    /// An inline HTML comment, as CommonMark 0.31 defines it: `<!-->`, `<!--->`, or `<!--` up to the first
    /// `-->` in the same block. Without a `-->` the `<!--` is literal text and what follows it is read.
    ///
    /// - Returns: the offset after the comment, or after the `<` when none starts here.
    private mutating func skipHTMLComment(_ b: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Int {
        guard start + 3 < end, b[start + 1] == 0x21, b[start + 2] == 0x2D, b[start + 3] == 0x2D else {
            return start + 1
        }
        var j = start + 4
        // `<!-->` and `<!--->` are complete comments.
        if j < end, b[j] == 0x3E { return j + 1 }
        if j + 1 < end, b[j] == 0x2D, b[j + 1] == 0x3E { return j + 2 }
        guard start < noCommentCloser else { return start + 1 }
        while j + 2 < end {
            if b[j] == 0x2D, b[j + 1] == 0x2D, b[j + 2] == 0x3E { return j + 3 }
            j += 1
        }
        noCommentCloser = start
        return start + 1
    }

    // MARK: Wiki-links

    /// Reads `[[…]]` (or `![[…]]`) at `start`; returns the offset after it, or nil when it is not a link.
    private mutating func wikiLink(_ b: UnsafeBufferPointer<UInt8>, at start: Int, embed: Bool, end: Int) -> Int? {
        var open = start + (embed ? 3 : 2)  // first byte of the content
        var j = open
        let limit = min(end, open + Self.maxLinkLength)
        while j + 1 < limit {
            let c = b[j]
            if c == 0x0A || c == 0x0D { return nil }  // a wiki-link does not span lines
            if c == 0x5B && b[j + 1] == 0x5B {
                // A later `[[` starts the link that an eventual `]]` closes.
                return nil
            }
            if c == 0x5D && b[j + 1] == 0x5D { break }
            j += 1
        }
        guard j + 1 < limit, b[j] == 0x5D, b[j + 1] == 0x5D else { return nil }
        let close = j
        guard close > open else { return nil }
        // Split target from display at the first `|`; in a table row the pipe is written `\|`.
        var pipe: Int? = nil
        var k = open
        while k < close {
            if b[k] == 0x7C {
                pipe = k
                break
            }
            k += 1
        }
        var targetEnd = pipe ?? close
        if let pipe, pipe > open, b[pipe - 1] == 0x5C { targetEnd = pipe - 1 }
        while open < targetEnd && isSpace(b[open]) { open += 1 }
        let (path, fragment) = Self.splitFragment(b, open..<targetEnd)
        let display = pipe.map {
            String(decoding: UnsafeBufferPointer(rebasing: b[($0 + 1)..<close]), as: UTF8.self)
        }
        appendLink(
            style: .wiki, embed: embed, target: path, fragment: fragment, display: display, b,
            range: start..<(close + 2))
        return close + 2
    }

    /// Splits bytes at the first `#` into a trimmed path and fragment, without going through Foundation.
    static func splitFragment(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (path: String, fragment: String?)
    {
        func trimmed(_ r: Range<Int>) -> String {
            var lo = r.lowerBound
            var hi = r.upperBound
            while lo < hi && isSpace(b[lo]) { lo += 1 }
            while hi > lo && isSpace(b[hi - 1]) { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
        guard let hash = b[range].firstIndex(of: 0x23) else { return (trimmed(range), nil) }
        return (trimmed(range.lowerBound..<hash), trimmed((hash + 1)..<range.upperBound))
    }

    static func splitFragment(_ text: String) -> (path: String, fragment: String?) {
        guard let hash = text.utf8.firstIndex(of: 0x23) else {
            return (text.trimmingWhitespace(), nil)
        }
        let path = text[..<hash].trimmingWhitespace()
        let fragment = text[text.utf8.index(after: hash)...].trimmingWhitespace()
        return (path, fragment)
    }

    // MARK: Markdown links

    /// Reads `[text](destination)` (or `![…](…)`) at `start`; returns the offset after it, or nil.
    private mutating func markdownLink(_ b: UnsafeBufferPointer<UInt8>, at start: Int, embed: Bool, end: Int) -> Int? {
        var j = start + (embed ? 2 : 1)
        let textStart = j
        var depth = 0
        let end = min(end, start + Self.maxLinkLength)
        while j < end {
            let c = b[j]
            if c == 0x5C {
                j += 2
                continue
            }
            if c == 0x60 {  // a code span in the text
                j = skipCodeSpan(b, at: j, end: end)
                continue
            }
            if c == 0x5B { depth += 1 }
            if c == 0x5D {
                if depth == 0 { break }
                depth -= 1
            }
            j += 1
        }
        guard j + 1 < end, b[j] == 0x5D, b[j + 1] == 0x28 else { return nil }
        let textEnd = j
        j += 2
        while j < end && isSpace(b[j]) { j += 1 }
        var destination: Range<Int>
        if j < end && b[j] == 0x3C {  // <destination with spaces>
            let open = j + 1
            j = open
            while j < end && b[j] != 0x3E && b[j] != 0x0A && b[j] != 0x0D { j += 1 }
            guard j < end, b[j] == 0x3E else { return nil }
            destination = open..<j
            j += 1
        } else {
            let open = j
            var parens = 0
            while j < end {
                let c = b[j]
                if c == 0x5C && j + 1 < end {
                    j += 2
                    continue
                }
                if isSpace(c) || c == 0x0A || c == 0x0D { break }
                if c == 0x28 { parens += 1 }
                if c == 0x29 {
                    if parens == 0 { break }
                    parens -= 1
                }
                j += 1
            }
            destination = open..<j
        }
        // An optional title, then the closing parenthesis.
        while j < end && (isSpace(b[j]) || b[j] == 0x0A || b[j] == 0x0D) { j += 1 }
        if j < end && (b[j] == 0x22 || b[j] == 0x27) {
            let quote = b[j]
            j += 1
            while j < end && b[j] != quote { j += 1 }
            j += 1
            while j < end && isSpace(b[j]) { j += 1 }
        }
        guard j < end, b[j] == 0x29 else { return nil }
        let after = j + 1
        let rawDestination = String(decoding: UnsafeBufferPointer(rebasing: b[destination]), as: UTF8.self)
        guard !rawDestination.isEmpty, !Self.isExternal(rawDestination) else { return after }
        let decoded = rawDestination.percentDecoded ?? rawDestination
        let (path, fragment) = Self.splitFragment(decoded)
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[textStart..<textEnd]), as: UTF8.self)
        appendLink(
            style: .markdown, embed: embed, target: path, fragment: fragment, display: text, b, range: start..<after)
        return after
    }

    /// A destination with a URL scheme (`https:`, `mailto:`, `obsidian:`) is not a link into the vault.
    static func isExternal(_ destination: String) -> Bool {
        // In bytes: a scheme is ASCII, and this runs for every markdown link.
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(of: 0x3A), colon != bytes.startIndex else { return false }
        let scheme = bytes[..<colon]
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        guard let first = scheme.first, isLetter(first) else { return false }
        return scheme.allSatisfy { c in
            isLetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E
        }
    }

    private mutating func appendLink(
        style: Link.Style, embed: Bool, target: String, fragment: String?, display: String?,
        _ b: UnsafeBufferPointer<UInt8>, range: Range<Int>
    ) {
        links.append(
            Link(
                style: style, isEmbed: embed, target: target, fragment: fragment, display: display,
                raw: String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self),
                position: source.position(of: range.lowerBound), byteRange: range))
    }

    // MARK: Tags

    /// Reads `#tag` at `start` when it begins a tag: after whitespace or at the block's start, with at
    /// least one character that is not a digit (`#1984` is not a tag).
    private mutating func tag(_ b: UnsafeBufferPointer<UInt8>, at start: Int, start blockStart: Int, end: Int) -> Int {
        if start > blockStart {
            let before = b[start - 1]
            guard isSpace(before) || before == 0x0A || before == 0x0D else { return start + 1 }
        }
        var j = start + 1
        var hasNonDigit = false
        while j < end && isTagByte(b[j]) {
            if !(b[j] >= 0x30 && b[j] <= 0x39) { hasNonDigit = true }
            j += 1
        }
        guard j > start + 1, hasNonDigit else { return start + 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[(start + 1)..<j]), as: UTF8.self)
        tags.append(Tag(name: name, position: source.position(of: start)))
        return j
    }

    private func isTagByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            || c == 0x5F || c == 0x2D || c == 0x2F || c >= 0x80
    }
}

@inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

/// Whether the prose scanner may have something to read at this byte: `\` `` ` `` `%` `$` `!` `[` `#` `<`.
@inline(__always) private func startsSomething(_ c: UInt8) -> Bool {
    let low: UInt64 = 1 << 0x21 | 1 << 0x23 | 1 << 0x24 | 1 << 0x25 | 1 << 0x3C  // ! # $ % <
    let high: UInt64 = 1 << (0x5B - 64) | 1 << (0x5C - 64) | 1 << (0x60 - 64)  // [ \ `
    if c < 64 { return low >> c & 1 != 0 }
    return c < 128 && high >> (c - 64) & 1 != 0
}

@inline(__always) func isASCIIPunctuation(_ c: UInt8) -> Bool {
    (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
}
