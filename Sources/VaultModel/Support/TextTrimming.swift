extension Unicode.Scalar {
    /// Whether `CharacterSet.whitespaces` holds this scalar: a tab, a space separator (general category Zs), or
    /// U+200B ZERO WIDTH SPACE, which Foundation counts too (checked over every scalar with Swift 6.3's Foundation).
    @inline(__always)
    var isHorizontalWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return value == 0x200B || properties.generalCategory == .spaceSeparator
    }
}

extension Substring {
    /// The text without leading and trailing tabs and spaces, as `trimmingCharacters(in: .whitespaces)` gives it,
    /// without Foundation's detour through NSString (a hot path: every link, heading and table cell).
    public func trimmingWhitespace() -> String {
        let bytes = utf8
        guard let head = bytes.first, let tail = bytes.last else { return "" }
        // Nothing to trim when the text starts and ends with a visible ASCII character (nearly always).
        if head > 0x20, head < 0x80, tail > 0x20, tail < 0x80 { return String(self) }
        let scalars = unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, scalars[lower].isHorizontalWhitespace { lower = scalars.index(after: lower) }
        while upper > lower {
            let before = scalars.index(before: upper)
            guard scalars[before].isHorizontalWhitespace else { break }
            upper = before
        }
        return String(self[lower..<upper])
    }
}

extension String {
    /// See `Substring.trimmingWhitespace()`.
    public func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }
}

extension String {
    /// The text with `%XX` sequences decoded, as Foundation's `removingPercentEncoding` gives it: nil when a `%`
    /// is not followed by two hex digits or the bytes decoded are not UTF-8. Markdown links are decoded one by
    /// one while parsing, where Foundation's detour through CFString was a tenth of the parse.
    public var percentDecoded: String? {
        let bytes = Array(utf8)
        guard bytes.contains(0x25) else { return self }
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: return byte - 0x30
            case 0x41...0x46: return byte - 0x41 + 10
            case 0x61...0x66: return byte - 0x61 + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x25 {
                guard i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) else { return nil }
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
