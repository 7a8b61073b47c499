/// A unified diff of two texts, line by line, as `diff -u` prints it.
public enum UnifiedDiff {
    public static func render(old: String, new: String, path: String, context: Int = 3) -> String {
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
        var script: [(Character, Int, Int)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                script.append(("-", i, j))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                script.append(("+", i, j))
                j += 1
            } else {
                script.append((" ", i, j))
                i += 1
                j += 1
            }
        }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var k = 0
        while k < script.count {
            guard script[k].0 != " " else {
                k += 1
                continue
            }
            // Grow a hunk while changes are closer than 2 * context lines apart.
            let start = max(0, k - context)
            var end = k
            var lastChange = k
            while end < script.count, end - lastChange <= 2 * context {
                if script[end].0 != " " { lastChange = end }
                end += 1
            }
            end = min(script.count, lastChange + context + 1)
            let hunk = script[start..<end]
            let oldCount = hunk.filter { $0.0 != "+" }.count
            let newCount = hunk.filter { $0.0 != "-" }.count
            let oldStart = hunk.first!.1 + (oldCount == 0 ? 0 : 1)
            let newStart = hunk.first!.2 + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for (kind, oi, nj) in hunk {
                out += String(kind) + (kind == "+" ? b[nj] : a[oi]) + "\n"
            }
            k = end
        }
        return out
    }

    private static func lines(_ text: String) -> [String] {
        // "\r\n" is one Character in Swift, so split on every kind of line ending.
        var parts = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        )
        .map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
