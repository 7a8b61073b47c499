/// Suggests the existing name closest to a mistyped one, without comparing against every name.
///
/// Every name is indexed under itself and each of its one-character deletions (the symmetric-delete
/// method), so a query finds every name within two edits in a few hashed look-ups.
public struct NameSuggester: Sendable {
    private var byDeletion: [String: [Int]] = [:]
    private let names: [String]
    private let keys: [[Character]]

    public init(names: [String]) {
        self.names = names
        keys = names.map { Array($0.lowercased()) }
        for (index, key) in keys.enumerated() {
            for variant in Self.variants(key) { byDeletion[variant, default: []].append(index) }
        }
    }

    /// The closest name within two edits (ties broken alphabetically), or nil.
    public func suggest(_ query: String) -> String? {
        let key = Array(query.lowercased())
        var best: (distance: Int, name: String)? = nil
        var seen = Set<Int>()
        for variant in Self.variants(key) {
            for index in byDeletion[variant] ?? [] where seen.insert(index).inserted {
                let distance = Self.editDistance(key, keys[index])
                guard distance <= 2, distance > 0 || names[index].lowercased() != query.lowercased() else { continue }
                if best == nil || (distance, names[index]) < (best!.distance, best!.name) {
                    best = (distance, names[index])
                }
            }
        }
        return best?.name
    }

    private static func variants(_ key: [Character]) -> Set<String> {
        var out: Set<String> = [String(key)]
        for i in key.indices {
            var copy = key
            copy.remove(at: i)
            out.insert(String(copy))
        }
        return out
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
