/// What `vaultgen rename` would do, computed without touching the disk.
public struct RenamePlan: Sendable {
    /// A file (note or attachment) moved from one vault path to another.
    public struct Move: Sendable, Equatable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// A note whose text changes: its links rewritten (and, with `--alias`, its aliases).
    public struct Rewrite: Sendable {
        /// Where the note is before the run.
        public var path: String
        /// Where it is after the run (its new path when it is one of the moved files).
        public var finalPath: String
        public var original: [UInt8]
        public var updated: [UInt8]
        /// How many links of the note were rewritten.
        public var links: Int
    }

    public var moves: [Move] = []
    public var rewrites: [Rewrite] = []
    /// Links that cannot be kept pointing where they did, or that change meaning: `NOTE:LINE: warning: …`.
    public var warnings: [String] = []

    public var linksRewritten: Int { rewrites.reduce(0) { $0 + $1.links } }

    /// `renamed 1 file, rewrote 14 links in 9 notes, 0 warnings`
    public func summary(looking: Bool) -> String {
        let files = "\(moves.count) file\(moves.count == 1 ? "" : "s")"
        let notes = "\(rewrites.count) note\(rewrites.count == 1 ? "" : "s")"
        return (looking ? "would rename \(files), rewrite " : "renamed \(files), rewrote ")
            + "\(linksRewritten) link\(linksRewritten == 1 ? "" : "s") in \(notes), \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
    }
}

/// Why a rename cannot be planned: nothing is touched.
public enum RenameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// OLD names no note, attachment or folder of the vault.
    case noSuchFile(String)
    /// OLD names several notes (a name shared by notes in different folders).
    case ambiguous(String, candidates: [String])
    /// NEW is taken by another file.
    case exists(String)
    /// NEW leaves the vault, is empty, or is hidden (a dot file Obsidian does not show).
    case badName(String)

    public var description: String {
        switch self {
        case .noSuchFile(let name): return "\(name): no note, attachment or folder of that name in the vault"
        case .ambiguous(let name, let candidates):
            return
                "\(name): names \(candidates.count) notes (\(candidates.joined(separator: ", "))); give its vault path"
        case .exists(let path): return "\(path): a file of that name exists; vaultgen never overwrites one"
        case .badName(let name):
            return "\(name): not a name a vault file can take (empty, hidden, or outside the vault)"
        }
    }
}
