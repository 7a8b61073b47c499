#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A note's bytes with a table of where each line starts, for turning byte offsets into lines and columns.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, the way CommonMark counts them.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            // Without a carriage return every line ends at `\n`: memchr finds them many bytes at a time.
            if let base = b.baseAddress, memchr(base, 0x0D, n) == nil {
                var from = 0
                while from < n, let hit = memchr(base + from, 0x0A, n - from) {
                    from = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
                    starts.append(from)
                }
                return
            }
            var i = 0
            while i < n {
                let byte = b[i]
                // Most bytes are neither line ending: one comparison skips them.
                if byte > 0x0D {
                    i += 1
                    continue
                }
                if byte == 0x0A {
                    starts.append(i + 1)
                } else if byte == 0x0D {
                    if i + 1 < n, b[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
    }

    /// The number of lines; a final line ending does not start another line.
    public var lineCount: Int {
        if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// The byte range of a line's content, without its line ending. Lines are 1-based.
    public func lineContent(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The byte range of a line including its line ending.
    public func fullLine(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        return start..<end
    }

    /// The line (1-based) and column (1-based, in UTF-8 bytes) of a byte offset.
    public func position(of offset: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourcePosition(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    /// The text of a byte range, with invalid UTF-8 repaired.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The line ending the text mostly uses, for writing new lines in the same style.
    public var dominantLineEnding: String {
        var crlf = 0
        var lf = 0
        var cr = 0
        for start in lineStarts.dropFirst() {
            if start >= 2, bytes[start - 2] == 0x0D, bytes[start - 1] == 0x0A {
                crlf += 1
            } else if bytes[start - 1] == 0x0A {
                lf += 1
            } else {
                cr += 1
            }
        }
        if crlf > lf && crlf >= cr { return "\r\n" }
        if cr > lf && cr > crlf { return "\r" }
        return "\n"
    }
}

/// A place in a note: 1-based line, 1-based column in UTF-8 bytes.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}
