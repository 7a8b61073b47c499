/// Hashed look-ups over a vault: names, path suffixes, aliases, headings and block ids.
///
/// Keys are lowercased Swift strings, whose equality and hashing follow Unicode canonical equivalence, so a
/// file name stored in NFD matches a link typed in NFC.
public struct VaultIndex: Sendable {
    /// A file of the vault: a note (with its index in `vault.notes`) or an attachment.
    public struct File: Sendable, Equatable {
        public var path: String
        public var note: Int?
    }

    public let files: [File]
    /// Lowercased path, with extension → file.
    let byPath: [String: Int]
    /// Lowercased trailing path components (the file name, `folder/name`, …) → attachments.
    let bySuffix: [String: [Int]]
    /// The same for notes, without their `.md` (`name`, `folder/name`): how links name notes, so that resolving
    /// one needs no `key + ".md"` per link.
    let byNoteSuffix: [String: [Int]]
    /// Lowercased alias → notes.
    let byAlias: [String: [Int]]
    /// Per note: its headings, normalised for matching.
    let headingKeys: [[String]]
    /// Per note: its block ids.
    let blockIDs: [Set<String>]

    public init(_ vault: Vault) {
        var files: [File] = vault.notes.indices.map { File(path: vault.notes[$0].path, note: $0) }
        files += vault.attachments.map { File(path: $0, note: nil) }
        var byPath: [String: Int] = [:]
        var bySuffix: [String: [Int]] = [:]
        var byNoteSuffix: [String: [Int]] = [:]
        byPath.reserveCapacity(files.count)
        bySuffix.reserveCapacity(vault.attachments.count * 3)
        byNoteSuffix.reserveCapacity(vault.notes.count * 3)
        for (index, file) in files.enumerated() {
            let key = file.path.lowercased()
            byPath[key] = index
            // Every suffix that starts at a folder boundary: `c.md`, `b/c.md`, `a/b/c.md` (slashes found in bytes).
            let isNote = file.note != nil && VaultPath.hasMarkdownExtension(key)
            let stemEnd = isNote ? key.utf8.index(key.utf8.endIndex, offsetBy: -3) : key.endIndex
            var start = key.utf8.endIndex
            while true {
                let slash = key.utf8[..<start].lastIndex(of: 0x2F)
                let from = slash.map { key.utf8.index(after: $0) } ?? key.startIndex
                if isNote {
                    byNoteSuffix[String(key[from..<stemEnd]), default: []].append(index)
                } else {
                    bySuffix[String(key[from...]), default: []].append(index)
                }
                guard let slash else { break }
                start = slash
            }
        }
        var byAlias: [String: [Int]] = [:]
        for (index, note) in vault.notes.enumerated() {
            for alias in note.aliases { byAlias[alias.lowercased(), default: []].append(index) }
        }
        self.files = files
        self.byPath = byPath
        self.bySuffix = bySuffix
        self.byNoteSuffix = byNoteSuffix
        self.byAlias = byAlias
        // Per note and independent: on every core.
        let perNote = vault.notes.parallelMap { note in
            (note.headings.map { Self.headingKey($0.text) }, Set(note.blockIDs.map(\.id)))
        }
        headingKeys = perNote.map(\.0)
        blockIDs = perNote.map(\.1)
    }

    /// Attachments whose path ends with `suffix` at a folder boundary (lowercased, with extension).
    func attachments(endingWith suffix: String) -> [Int] {
        bySuffix[suffix] ?? []
    }

    /// Notes whose path without `.md` ends with `suffix` at a folder boundary (lowercased).
    func notes(endingWith suffix: String) -> [Int] {
        byNoteSuffix[suffix] ?? []
    }

    /// Notes that list `alias` among their aliases.
    public func notes(withAlias alias: String) -> [Int] {
        byAlias[alias.lowercased()] ?? []
    }

    /// How a heading is matched: case, punctuation and repeated spaces do not count.
    public static func headingKey(_ text: String) -> String {
        // ASCII (nearly every heading): letters and digits by byte, no Unicode property look-ups.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(lower)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// Whether a note has headings matching the chain `A#B#C` in that order.
    public func hasHeadings(_ chain: [String], inNote note: Int) -> Bool {
        let keys = headingKeys[note]
        var from = 0
        for part in chain {
            let key = Self.headingKey(part)
            guard let found = keys[from...].firstIndex(of: key) else { return false }
            from = found + 1
        }
        return true
    }

    public func hasBlock(_ id: String, inNote note: Int) -> Bool {
        blockIDs[note].contains(id)
    }
}
