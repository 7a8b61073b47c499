/// A replacement of a byte range of a note's original text.
///
/// Every rewrite vaultgen makes is a list of these applied to the original bytes, so that no byte outside the
/// ranges changes: no re-render of the markdown.
public struct TextEdit: Sendable, Equatable {
    public var range: Range<Int>
    public var replacement: String
    /// What the edit refreshes, for summaries and warnings (`average`, `pair table`, `backlinks`).
    public var figure: String
    /// What the figure measures (`group average`, `pair HUT-IREN`), when the edit refreshes one bound figure; for
    /// `update --format json`.
    public var subject: String?

    public init(range: Range<Int>, replacement: String, figure: String, subject: String? = nil) {
        self.range = range
        self.replacement = replacement
        self.figure = figure
        self.subject = subject
    }
}

/// Applies edits to original bytes.
public enum Splice {
    /// Two edits that touch the same bytes; a bug in a recogniser, never silently resolved.
    public struct OverlapError: Error, Sendable, Equatable {
        public var first: TextEdit
        public var second: TextEdit
    }

    /// The original bytes with every edit applied; edits may come in any order but must not overlap.
    public static func apply(_ edits: [TextEdit], to original: [UInt8]) throws(OverlapError) -> [UInt8] {
        let sorted = edits.sorted {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
        var out: [UInt8] = []
        out.reserveCapacity(original.count + 256)
        var cursor = 0
        var previous: TextEdit? = nil
        for edit in sorted {
            if let previous, edit.range.lowerBound < previous.range.upperBound {
                throw OverlapError(first: previous, second: edit)
            }
            out.append(contentsOf: original[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.upperBound
            previous = edit
        }
        out.append(contentsOf: original[cursor...])
        return out
    }
}
