/// Reads the prose of a note into tokens, skipping what is never a figure.
///
/// Code spans, `%%comments%%`, `$$math$$`, HTML comments, embeds and link destinations give no tokens: a
/// number there is not the author's figure. Comments and math may span blocks, so one tokenizer reads a
/// note's blocks in order and keeps that state between them.
public struct FigureTokenizer: Sendable {
    /// Every ticker the run knows, by its first byte, longest first.
    private let tickers: [UInt8: [[UInt8]]]
    private var inComment = false
    private var inMath = false
    private var inHTMLComment = false

    public init(knownTickers: some Sequence<String>) {
        var byFirst: [UInt8: [[UInt8]]] = [:]
        for ticker in Set(knownTickers) where !ticker.isEmpty {
            let bytes = Array(ticker.utf8)
            byFirst[bytes[0], default: []].append(bytes)
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.count > $1.count } }
        tickers = byFirst
    }

    /// The tokens of `range` of `bytes`; blocks must come in document order.
    public mutating func tokens(_ bytes: [UInt8], _ range: Range<Int>) -> [FigureToken] {
        var out: [FigureToken] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            if inComment || inMath || inHTMLComment {
                let closer: [UInt8] = inComment ? [0x25, 0x25] : inMath ? [0x24, 0x24] : Array("-->".utf8)
                guard let close = find(closer, in: bytes, from: i, to: end) else { return out }
                inComment = false
                inMath = false
                inHTMLComment = false
                i = close + closer.count
                continue
            }
            let c = bytes[i]
            switch c {
            case 0x5C:  // a backslash escapes the next byte
                i += 2
            case 0x60:  // `code span`
                i = skipCodeSpan(bytes, at: i, end: end)
            case 0x25 where at(bytes, i + 1, end) == 0x25:
                inComment = true
                i += 2
            case 0x24 where at(bytes, i + 1, end) == 0x24:
                inMath = true
                i += 2
            case 0x3C where starts(bytes, i, end, "<!--"):
                inHTMLComment = true
                i += 4
            case 0x21 where at(bytes, i + 1, end) == 0x5B && at(bytes, i + 2, end) == 0x5B:  // ![[embed]]
                i = find([0x5D, 0x5D], in: bytes, from: i + 3, to: end).map { $0 + 2 } ?? i + 3
            case 0x5B where at(bytes, i + 1, end) == 0x5B:  // [[link]]
                guard let close = find([0x5D, 0x5D], in: bytes, from: i + 2, to: end) else {
                    i += 2
                    continue
                }
                let inside = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
                let target = inside.split(separator: "|", maxSplits: 1).first.map(String.init) ?? ""
                out.append(FigureToken(.link(target), i..<(close + 2)))
                i = close + 2
            case 0x5D where at(bytes, i + 1, end) == 0x28:  // ](destination) of a markdown link
                i = find([0x29], in: bytes, from: i + 2, to: end).map { $0 + 1 } ?? i + 1
            case 0x30...0x39:
                i = number(bytes, at: i, end: end, into: &out)
            case 0x2E where isDigit(at(bytes, i + 1, end)):  // .50
                i = number(bytes, at: i, end: end, into: &out)
            case 0x2D
            where isDigit(at(bytes, i + 1, end)) || (at(bytes, i + 1, end) == 0x2E && isDigit(at(bytes, i + 2, end))):
                i = number(bytes, at: i, end: end, into: &out)
            case 0xE2 where starts(bytes, i, end, "\u{2212}") && isDigit(at(bytes, i + 3, end)):
                i = number(bytes, at: i, end: end, into: &out)
            case 0xE2 where starts(bytes, i, end, "\u{2013}") || starts(bytes, i, end, "\u{2014}"):
                out.append(FigureToken(.punctuation(String(decoding: bytes[i..<(i + 3)], as: UTF8.self)), i..<(i + 3)))
                i += 3
            case 0xCF where at(bytes, i + 1, end) == 0x81:  // ρ
                out.append(FigureToken(.word("ρ"), i..<(i + 2)))
                i += 2
            case 0x28, 0x29, 0x2C, 0x3B, 0x3A, 0x3D, 0x2F, 0x26, 0x2E, 0x21, 0x3F, 0x2D:
                out.append(FigureToken(.punctuation(String(UnicodeScalar(c))), i..<(i + 1)))
                i += 1
            default:
                if isLetter(bytes, i, end) || c == 0x5E {
                    i = word(bytes, at: i, end: end, into: &out)
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    // MARK: Numbers

    /// `0.50`, `.50`, `-0.10`, `−0.10`, `50%`, `0,50`: a number a correlation can be written as. Integers
    /// without `%`, dates, amounts (`$3.5B`) and numbers glued to letters give no number token.
    private func number(_ b: [UInt8], at start: Int, end: Int, into out: inout [FigureToken]) -> Int {
        var i = start
        var form = NumberForm(decimals: 0)
        var negative = false
        if b[i] == 0x2D {
            negative = true
            i += 1
        } else if b[i] == 0xE2 {
            negative = true
            form.unicodeMinus = true
            i += 3
        }
        // A dash right after a digit or a letter separates (`0.08-0.20`, `IREN-0.5`): not a minus sign.
        if negative, start > 0, isDigit(b[start - 1]) || letterBefore(b, start) {
            out.append(FigureToken(.punctuation("-"), start..<(start + 1)))
            return start + 1
        }
        let intStart = i
        while i < end, isDigit(b[i]) { i += 1 }
        let intDigits = i - intStart
        var fraction = 0
        if i + 1 < end + 0, i < end, b[i] == 0x2E || b[i] == 0x2C, isDigit(at(b, i + 1, end)) {
            let mark = b[i]
            // A comma is a decimal mark only after a lone 0 (`0,50`); `1,250` is a thousands separator.
            if mark == 0x2E || (intDigits == 1 && b[intStart] == 0x30) {
                form.decimalComma = mark == 0x2C
                i += 1
                let f = i
                while i < end, isDigit(b[i]) { i += 1 }
                fraction = i - f
            }
        }
        form.decimals = fraction
        form.leadingZero = intDigits > 0
        if i < end, b[i] == 0x25 {
            form.percent = true
            i += 1
        }
        // Part of a date, a version, an amount or a word: `2024-01-02`, `1.2.3`, `$3.5B`, `20x`, `Q3`.
        let glued = i < end && (isLetter(b, i, end) || isDigit(b[i]) || (b[i] == 0x2E && isDigit(at(b, i + 1, end))))
        let dated = i < end && b[i] == 0x2D && isDigit(at(b, i + 1, end)) && fraction == 0
        let amount = start > 0 && (b[start - 1] == 0x24 || letterBefore(b, start))
        if glued || dated || amount || (fraction == 0 && !form.percent) {
            // Skip the whole run so its digits do not come back as numbers.
            var j = i
            while j < end, isDigit(b[j]) || isLetter(b[j]) || b[j] == 0x2E || b[j] == 0x2D || b[j] == 0x2C {
                if (b[j] == 0x2E || b[j] == 0x2C || b[j] == 0x2D) && !isDigit(at(b, j + 1, end)) { break }
                j += 1
            }
            out.append(FigureToken(.word(String(decoding: b[start..<j], as: UTF8.self)), start..<j))
            return j
        }
        var text = String(decoding: b[intStart..<i], as: UTF8.self)
        if form.percent { text.removeLast() }
        if form.decimalComma { text = text.replacingOccurrences(of: ",", with: ".") }
        if !form.leadingZero { text = "0" + text }
        guard var value = Double(text) else { return i }
        if form.percent { value /= 100 }
        if negative { value = -value }
        out.append(FigureToken(.number(form, value: value), start..<i))
        return i
    }

    // MARK: Words and tickers

    private func word(_ b: [UInt8], at start: Int, end: Int, into out: inout [FigureToken]) -> Int {
        // A word boundary must come before a ticker: `xHUT` is no ticker.
        let boundary = start == 0 || !(letterBefore(b, start) || isDigit(b[start - 1]))
        if boundary, let known = tickers[b[start]] {
            for ticker in known where matches(ticker, b, start, end) {
                let after = start + ticker.count
                if isLetter(b, after, end) || isDigit(at(b, after, end)) { continue }
                // `BRK.B` or `BRK-B` unknown but `BRK` known: a one-letter class suffix continues the symbol.
                if after + 1 < end, b[after] == 0x2E || b[after] == 0x2D, isUpper(b[after + 1]),
                    !isLetter(b, after + 2, end) && !isDigit(at(b, after + 2, end))
                {
                    continue
                }
                out.append(FigureToken(.ticker(String(decoding: ticker, as: UTF8.self)), start..<after))
                return after
            }
        }
        var i = start
        while i < end, isLetter(b, i, end) || isDigit(b[i]) || b[i] == 0x27 || b[i] == 0x5E {
            if b[i] == 0x27, !isLetter(at(b, i + 1, end)) { break }
            i += 1
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        if boundary, Self.isTickerShaped(b[start..<i]) {
            out.append(FigureToken(.unknownTicker(text), start..<i))
        } else {
            // `cluster's` is the word `cluster`.
            var lowered = text.lowercased()
            if lowered.hasSuffix("'s") { lowered.removeLast(2) }
            out.append(FigureToken(.word(lowered), start..<i))
        }
        return i
    }

    /// Two to six capitals and digits, starting with a capital: `XYZ`, `AI`, `Q3`. (Words such as `CEO` are
    /// ticker-shaped too; an unknown ticker only counts where a pair is written.)
    static func isTickerShaped(_ word: ArraySlice<UInt8>) -> Bool {
        guard (2...6).contains(word.count), let first = word.first, first >= 0x41 && first <= 0x5A else {
            return false
        }
        return word.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    // MARK: Bytes

    private func matches(_ ticker: [UInt8], _ b: [UInt8], _ at: Int, _ end: Int) -> Bool {
        guard at + ticker.count <= end else { return false }
        for k in 0..<ticker.count where b[at + k] != ticker[k] { return false }
        return true
    }

    private func skipCodeSpan(_ b: [UInt8], at start: Int, end: Int) -> Int {
        var n = 0
        while start + n < end, b[start + n] == 0x60 { n += 1 }
        var j = start + n
        while j < end {
            if b[j] == 0x60 {
                var m = 0
                while j + m < end, b[j + m] == 0x60 { m += 1 }
                if m == n { return j + m }
                j += m
            } else {
                j += 1
            }
        }
        return start + n
    }

    private func find(_ needle: [UInt8], in b: [UInt8], from: Int, to end: Int) -> Int? {
        var j = from
        while j + needle.count <= end {
            if b[j] == needle[0], matches(needle, b, j, end) { return j }
            j += 1
        }
        return nil
    }

    private func starts(_ b: [UInt8], _ i: Int, _ end: Int, _ text: String) -> Bool {
        matches(Array(text.utf8), b, i, end)
    }

    private func at(_ b: [UInt8], _ i: Int, _ end: Int) -> UInt8 {
        i < end ? b[i] : 0
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    /// ASCII letters and every byte of a non-ASCII character (words in any script), but not `ρ` or dashes,
    /// which are read before.
    private func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0x80 }

    /// Whether the character that ends right before `i` is a letter.
    private func letterBefore(_ b: [UInt8], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        var k = i - 1
        while k > 0, b[k] & 0xC0 == 0x80 { k -= 1 }
        return isLetter(b, k, i)
    }

    /// A letter at `i`, where a non-ASCII character counts unless it is punctuation or a space: dashes,
    /// quotes and the like (U+2000–U+206F), the minus sign, a no-break space.
    private func isLetter(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        guard i < end else { return false }
        let c = b[i]
        if c < 0x80 { return isLetter(c) }
        if c == 0xE2, i + 1 < end, b[i + 1] == 0x80 || b[i + 1] == 0x81 || b[i + 1] == 0x88 { return false }
        // U+0080–U+00BF (no-break space, «, ·) are not letters, but ² and ³ are part of a word: `r²` is no `r`.
        if c == 0xC2, i + 1 < end, b[i + 1] < 0xC0 { return b[i + 1] == 0xB2 || b[i + 1] == 0xB3 }
        if c == 0xCF, i + 1 < end, b[i + 1] == 0x81 { return false }  // ρ is its own token
        return true
    }
}
