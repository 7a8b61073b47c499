/// A unified diff of two texts, line by line, that `git apply` and GNU `patch -p1` both apply.
///
/// Lines are split after each `\n` and keep their line ending, so a CRLF note's `\r` stays part of each line
/// (a CR-only note is one long line to both tools) and a last line without a `\n` is a different line from the
/// same text with one: it is followed by `\ No newline at end of file`. Lines are compared as bytes, never as
/// Swift strings (which would call two spellings of `é` equal).
public enum UnifiedDiff {
    /// The diff of `old` into `new` for the note at vault path `path`; empty when they are equal.
    ///
    /// The file lines read `--- a/PATH` and `+++ b/PATH` followed by a tab, which ends the name for GNU patch
    /// when it holds spaces (git stops there too); a name with a quote, backslash or control character is
    /// written quoted, C-style, as git does, which both tools read.
    public static func render(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        guard a != b else { return "" }
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // The edit script: (kind, old index, new index).
        var script: [(UInt8, Int, Int)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                script.append((minus, i, j))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                script.append((plus, i, j))
                j += 1
            } else {
                script.append((space, i, j))
                i += 1
                j += 1
            }
        }
        var out = Array("--- \(quoted("a/" + path))\n+++ \(quoted("b/" + path))\n".utf8)
        var k = 0
        while k < script.count {
            guard script[k].0 != space else {
                k += 1
                continue
            }
            // Grow a hunk while changes are closer than 2 * context lines apart.
            let start = max(0, k - context)
            var end = k
            var lastChange = k
            while end < script.count, end - lastChange <= 2 * context {
                if script[end].0 != space { lastChange = end }
                end += 1
            }
            end = min(script.count, lastChange + context + 1)
            let hunk = script[start..<end]
            let oldCount = hunk.filter { $0.0 != plus }.count
            let newCount = hunk.filter { $0.0 != minus }.count
            let oldStart = hunk.first!.1 + (oldCount == 0 ? 0 : 1)
            let newStart = hunk.first!.2 + (newCount == 0 ? 0 : 1)
            out += Array("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n".utf8)
            for (kind, oi, nj) in hunk {
                let line = kind == plus ? b[nj] : a[oi]
                out.append(kind)
                out += line
                if line.last != 0x0A { out += Array("\n\\ No newline at end of file\n".utf8) }
            }
            k = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The diff of two texts given as strings.
    public static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        render(old: Array(old.utf8), new: Array(new.utf8), path: path, context: context)
    }

    private static let minus = UInt8(ascii: "-")
    private static let plus = UInt8(ascii: "+")
    private static let space = UInt8(ascii: " ")

    /// The lines of a text, each with its `\n`; the last one without, when the text does not end with one.
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            parts.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { parts.append(bytes[start...]) }
        return parts
    }

    /// A name for a `---`/`+++` line: followed by a tab, or quoted C-style when it holds a quote, a backslash
    /// or a control character (which no tab could delimit); quoted, its non-ASCII bytes are octal, as in git.
    static func quoted(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x5C }) else {
            return name + "\t"
        }
        var out = "\""
        for byte in name.utf8 {
            switch byte {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
            // Other control characters and every byte of a non-ASCII character, in octal, as git writes them.
            default: out += "\\" + String(byte, radix: 8).leftPadded(to: 3)
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
