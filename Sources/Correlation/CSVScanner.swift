import Foundation

/// Walks the lines and comma-separated cells of a price file's UTF-8 bytes.
///
/// Cells are byte ranges, trimmed of spaces and tabs and of one pair of surrounding double quotes; a line ends
/// at `\n`, `\r\n` or a lone `\r`. Blank lines are skipped. The buffer must end with a 0 byte.
struct CSVScanner {
    /// One non-blank line: its 1-based number, its byte range and its cells.
    struct Line {
        let number: Int
        let line: Range<Int>
        let cells: [Range<Int>]
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var lineNumber = 0
    /// Where the text ends: before the 0 terminator.
    private let end: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.last == 0, "the buffer ends with a 0 byte")
        self.bytes = bytes
        end = bytes.count - 1
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// The next non-blank line, or nil at the end of the text.
    mutating func nextLine() -> Line? {
        while position < end {
            lineNumber += 1
            let start = position
            while position < end, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") {
                position += 1
            }
            let stop = position
            if position < end, bytes[position] == UInt8(ascii: "\r") { position += 1 }
            if position < end, bytes[position] == UInt8(ascii: "\n") { position += 1 }
            let line = trimmed(start..<stop)
            if line.isEmpty { continue }
            var cells: [Range<Int>] = []
            var cellStart = start
            for index in start..<stop where bytes[index] == UInt8(ascii: ",") {
                cells.append(unquoted(trimmed(cellStart..<index)))
                cellStart = index + 1
            }
            cells.append(unquoted(trimmed(cellStart..<stop)))
            return Line(number: lineNumber, line: start..<stop, cells: cells)
        }
        return nil
    }

    /// The bytes of `range` as a string, for headers and messages.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `YYYY-MM-DD`, optionally followed by a time after a space or `T` (`2024-01-02 00:00:00`).
    func date(_ range: Range<Int>) -> Day? {
        guard range.count >= 10 else { return nil }
        let start = range.lowerBound
        if range.count > 10, bytes[start + 10] != UInt8(ascii: " "), bytes[start + 10] != UInt8(ascii: "T") {
            return nil
        }
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = digits(start..<start + 4), let month = digits(start + 5..<start + 7),
            let day = digits(start + 8..<start + 10)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Whether the cell is `null` in any case, Yahoo's mark for a missing value.
    func isNull(_ range: Range<Int>) -> Bool {
        range.count == 4 && zip(range, "null".utf8).allSatisfy { bytes[$0] | 0x20 == $1 }
    }

    /// The cell as a decimal number, or nil unless the whole cell is one.
    func number(_ range: Range<Int>) -> Double? {
        guard !range.isEmpty, let base = bytes.baseAddress else { return nil }
        // strtod stops at the comma or line end after the cell; the whole cell must be consumed.
        var stop: UnsafeMutablePointer<CChar>?
        let value = (base + range.lowerBound).withMemoryRebound(to: CChar.self, capacity: range.count) {
            strtod($0, &stop)
        }
        guard Int(bitPattern: stop) == Int(bitPattern: base + range.upperBound) else { return nil }
        return value
    }

    private func digits(_ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
        while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") {
            upper -= 1
        }
        return lower..<upper
    }

    private func unquoted(_ range: Range<Int>) -> Range<Int> {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\""),
            bytes[range.upperBound - 1] == UInt8(ascii: "\"")
        else { return range }
        return range.lowerBound + 1..<range.upperBound - 1
    }
}
