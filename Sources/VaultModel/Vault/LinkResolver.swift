#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the file a link points at, the way Obsidian does.
///
/// - `.md` is optional for notes; other files need their extension.
/// - A target with folders matches a path suffix (`[[b/N]]` finds `a/b/N.md`); `/x` starts at the root.
/// - `./x` and `../x` are relative to the linking note, with no vault-wide fallback.
/// - Several matches: an exact vault path wins, then the linking note's own folder, then the shortest path.
public struct LinkResolver: Sendable {
    public let index: VaultIndex

    public init(index: VaultIndex) {
        self.index = index
    }

    /// The outcome of resolving one link.
    public enum Resolution: Sendable, Equatable {
        /// The link points at this file; `ambiguity` says which others matched and why this one won.
        case file(Int, ambiguity: Ambiguity?)
        /// Nothing matches.
        case missing
        /// The target climbs above the vault root.
        case outsideVault
    }

    public struct Ambiguity: Sendable, Equatable {
        public var candidates: [String]
        public var reason: String
    }

    /// Resolves the path part of a link written in the note at `notePath`; an empty target is the note itself.
    public func resolve(_ target: String, from notePath: String) -> Resolution {
        if target.isEmpty {
            guard let own = index.byPath[notePath.lowercased()] else { return .missing }
            return .file(own, ambiguity: nil)
        }
        // The first byte decides which form a target has: `./` and `../` are relative, `/` is from the root.
        let first = target.utf8.first
        if first == 0x2E, target.hasPrefix("./") || target.hasPrefix("../") {
            guard let path = VaultPath.normalize(VaultPath.join(VaultPath.folder(of: notePath), target)) else {
                return .outsideVault
            }
            return exact(path).map { .file($0, ambiguity: nil) } ?? .missing
        }
        if first == 0x2F {
            guard let path = VaultPath.normalize(String(target.dropFirst())) else { return .outsideVault }
            return exact(path).map { .file($0, ambiguity: nil) } ?? .missing
        }
        // Most targets are plain names: only a target with `.` components or stray slashes needs normalising.
        let plain = !Self.hasSlash(target) || !Self.needsNormalising(target)
        guard let normalized = plain ? target : VaultPath.normalize(target), !normalized.isEmpty else {
            return .outsideVault
        }
        let key = normalized.lowercased()
        // A note first (`.md` is optional: written, it is tried last), then an attachment named exactly so.
        var candidates = index.notes(endingWith: key)
        if candidates.isEmpty { candidates = index.attachments(endingWith: key) }
        if candidates.isEmpty, VaultPath.hasMarkdownExtension(key) {
            candidates = index.notes(endingWith: String(key[..<key.utf8.index(key.utf8.endIndex, offsetBy: -3)]))
        }
        switch candidates.count {
        case 0: return .missing
        case 1: return .file(candidates[0], ambiguity: nil)
        default: return pick(candidates, key: key, notePath: notePath)
        }
    }

    /// Whether `target` has `./` or `//` in it or ends with `.` or `/`, in bytes (Foundation's `contains` was a
    /// search through CFString for every link with a folder in it).
    private static func needsNormalising(_ target: String) -> Bool {
        var previous: UInt8 = 0
        for byte in target.utf8 {
            if byte == 0x2F, previous == 0x2E || previous == 0x2F { return true }  // ./ or //
            previous = byte
        }
        return previous == 0x2E || previous == 0x2F
    }

    /// Whether `target` has a `/`: memchr over its bytes (a generic search of the UTF-8 view cost 570
    /// instructions per link).
    private static func hasSlash(_ target: String) -> Bool {
        var target = target
        return target.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x2F, bytes.count) != nil
        }
    }

    private func exact(_ path: String) -> Int? {
        let key = path.lowercased()
        return index.byPath[key + ".md"] ?? index.byPath[key]
    }

    private func pick(_ candidates: [Int], key: String, notePath: String) -> Resolution {
        let paths = candidates.map { index.files[$0].path }
        func winner(_ i: Int, _ reason: String) -> Resolution {
            .file(candidates[i], ambiguity: Ambiguity(candidates: paths.sorted(), reason: reason))
        }
        if let i = paths.firstIndex(where: { $0.lowercased() == key + ".md" || $0.lowercased() == key }) {
            return winner(i, "its vault path is exactly the link's")
        }
        let folder = VaultPath.folder(of: notePath).lowercased()
        let local = paths.indices.filter { VaultPath.folder(of: paths[$0]).lowercased() == folder }
        if local.count == 1 {
            return winner(local[0], "it is in the linking note's folder")
        }
        let shortest = paths.indices.min { (paths[$0].count, paths[$0]) < (paths[$1].count, paths[$1]) }!
        return winner(shortest, "its path is the shortest")
    }
}
