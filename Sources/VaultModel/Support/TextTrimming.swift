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
