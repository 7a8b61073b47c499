/// Suggests the existing name closest to a mistyped one, without comparing against every name.
///
/// Every name is indexed under a hash of itself and of each of its one-character deletions (the
/// symmetric-delete method), so a query finds every name within two edits in a few look-ups. The index is one
/// sorted array of 64-bit entries, the top 40 bits of a hash above a name's 24-bit number: building it for
/// 50,000 names is one sort rather than 800,000 small arrays, and a hash collision only costs one edit-distance
/// check.
public struct NameSuggester: Sendable {
    private let entries: [UInt64]
    private let names: [String]
    private let keys: [[UInt8]]

    private static let numberBits: UInt64 = 24
    private static let numberMask: UInt64 = (1 << numberBits) - 1

    public init(names: [String]) {
        // Beyond 2^24 names the numbers would not fit; no vault comes near, but such a suggester suggests nothing.
        let names = names.count <= Int(Self.numberMask) ? names : []
        self.names = names
        let keys = names.map { Array($0.lowercased().utf8) }
        self.keys = keys
        var entries: [UInt64] = []
        entries.reserveCapacity(keys.reduce(0) { $0 + $1.count + 1 })
        for (index, key) in keys.enumerated() {
            Self.forEachVariantHash(key) { entries.append(($0 & ~Self.numberMask) | UInt64(index)) }
        }
        entries.sort()
        self.entries = entries
    }

    /// The closest name within two edits (ties broken alphabetically), or nil.
    public func suggest(_ query: String) -> String? {
        let key = Array(query.lowercased().utf8)
        var best: (distance: Int, name: String)? = nil
        var seen = Set<Int>()
        Self.forEachVariantHash(key) { hash in
            let prefix = hash & ~Self.numberMask
            var i = firstEntry(atLeast: prefix)
            while i < entries.count, entries[i] & ~Self.numberMask == prefix {
                let index = Int(entries[i] & Self.numberMask)
                i += 1
                guard seen.insert(index).inserted else { continue }
                let distance = Self.editDistance(key, keys[index])
                guard distance <= 2, distance > 0 || keys[index] != key else { continue }
                let name = names[index]
                if best == nil || (distance, name) < (best!.distance, best!.name) { best = (distance, name) }
            }
        }
        return best?.name
    }

    /// The position of the first entry not below `value` (binary search).
    private func firstEntry(atLeast value: UInt64) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// FNV-1a hashes of the key and of the key with each one byte left out (repeats included).
    private static func forEachVariantHash(_ key: [UInt8], _ body: (UInt64) -> Void) {
        body(hash(key, skipping: -1))
        for i in key.indices { body(hash(key, skipping: i)) }
    }

    private static func hash(_ key: [UInt8], skipping skipped: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, byte) in key.enumerated() where i != skipped {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return h
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit, on UTF-8 bytes.
    public static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
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
