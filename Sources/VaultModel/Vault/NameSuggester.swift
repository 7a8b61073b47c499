/// Suggests the existing name closest to a mistyped one, without comparing against every name.
///
/// Every name is indexed under a hash of itself and of each of its one-character deletions (the
/// symmetric-delete method), so a query finds every name within two edits in a few hashed look-ups. Hashes of
/// bytes, not strings, keep building the index for tens of thousands of names cheap; a hash collision only
/// costs one edit-distance check.
public struct NameSuggester: Sendable {
    private var byDeletion: [UInt64: [Int32]] = [:]
    private let names: [String]
    private let keys: [[UInt8]]

    public init(names: [String]) {
        self.names = names
        keys = names.map { Array($0.lowercased().utf8) }
        byDeletion.reserveCapacity(names.count * 12)
        for (index, key) in keys.enumerated() {
            for hash in Self.variantHashes(key) { byDeletion[hash, default: []].append(Int32(index)) }
        }
    }

    /// The closest name within two edits (ties broken alphabetically), or nil.
    public func suggest(_ query: String) -> String? {
        let key = Array(query.lowercased().utf8)
        var best: (distance: Int, name: String)? = nil
        var seen = Set<Int32>()
        for hash in Self.variantHashes(key) {
            for index in byDeletion[hash] ?? [] where seen.insert(index).inserted {
                let distance = Self.editDistance(key, keys[Int(index)])
                guard distance <= 2, distance > 0 || keys[Int(index)] != key else { continue }
                let name = names[Int(index)]
                if best == nil || (distance, name) < (best!.distance, best!.name) { best = (distance, name) }
            }
        }
        return best?.name
    }

    /// FNV-1a hashes of the key and of the key with each one byte left out.
    private static func variantHashes(_ key: [UInt8]) -> Set<UInt64> {
        var out: Set<UInt64> = [hash(key, skipping: -1)]
        for i in key.indices { out.insert(hash(key, skipping: i)) }
        return out
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
