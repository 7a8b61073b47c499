import Foundation

/// How every command shows a path: relative to the current folder, as `check` and git show them.
///
/// A path under the current folder is shown from there (`Notes/A.md`); a path in the same vault as the current
/// folder, from a subfolder of it, climbs with `../` (`../Notes/A.md`); anything else (a vault or a price folder
/// named by an absolute path elsewhere) is shown absolute, which opens from anywhere.
public struct PathDisplay: Sendable {
    /// The current folder, absolute, symbolic links resolved (as the system gives it).
    public let current: String
    /// The vault's root, absolute, symbolic links resolved; nil outside a vault.
    public let vaultRoot: String?

    public init(current: String = FileManager.default.currentDirectoryPath, vaultRoot: URL?) {
        self.current = Self.trimmed(current)
        self.vaultRoot = vaultRoot.map { Self.trimmed(VaultLocator.realFolder($0)) }
    }

    /// `path` (absolute, or relative to the current folder) as messages show it.
    public func show(_ path: String) -> String {
        let full = Self.trimmed(
            path.hasPrefix("/")
                ? (path as NSString).standardizingPath
                : ((current as NSString).appendingPathComponent(path) as NSString).standardizingPath)
        if full == current { return "." }
        if let below = Self.relative(full, under: current) { return below }
        if let root = vaultRoot, Self.relative(current, under: root) != nil, Self.relative(full, under: root) != nil {
            let here = current.split(separator: "/")
            let there = full.split(separator: "/")
            var common = 0
            while common < min(here.count, there.count), here[common] == there[common] { common += 1 }
            let ups = Array(repeating: "..", count: here.count - common)
            return (ups + there[common...].map(String.init)).joined(separator: "/")
        }
        return full
    }

    /// The vault path `path` (`Sectors/N.md`), as messages show it: behind the vault folder as shown (`Sectors/N.md`
    /// from the vault's root, `Vault/Sectors/N.md` from above it, `../Sectors/N.md` from a folder inside it), the way
    /// `check` prints its findings, so that every path of one run starts the same way.
    public func show(vaultPath path: String) -> String {
        guard let root = vaultRoot else { return show(path) }
        let folder = show(root)
        if path.isEmpty { return folder }
        return folder == "." ? path : folder + "/" + path
    }

    /// The vault folder as `show(vaultPath:)` puts it before vault paths: "" from the vault's root.
    public var vaultPrefix: String {
        guard let root = vaultRoot else { return "" }
        let folder = show(root)
        return folder == "." ? "" : folder
    }

    /// `full` relative to `folder` when it is `folder` itself ("") or inside it; nil otherwise.
    static func relative(_ full: String, under folder: String) -> String? {
        if full == folder { return "" }
        if folder == "/" { return String(full.dropFirst()) }
        return full.hasPrefix(folder + "/") ? String(full.dropFirst(folder.count + 1)) : nil
    }

    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
