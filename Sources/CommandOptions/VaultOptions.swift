import ArgumentParser
import Foundation
import VaultModel

/// `-C DIR` / `--vault DIR`, which every command takes: run as if started in DIR, as git's `-C` does.
///
/// The vault is then the nearest folder, from there upward, holding `.obsidian/` or `.vaultgen.yml`
/// (`VaultLocator`). Relative paths in other options (`--out`, `--prices`, `--templates`) are taken from DIR, and
/// paths in messages are shown relative to it.
public struct VaultOptions: ParsableArguments {
    @Option(
        name: [.customShort("C"), .customLong("vault")],
        help: ArgumentHelp(
            "Run as if started in this folder; the vault is the nearest folder from there upward holding .obsidian/ or .vaultgen.yml (default: from the current folder).",
            valueName: "dir"), completion: .directory)
    public var directory: String?

    public init() {}

    /// The vault a command works on.
    public struct Located: Sendable {
        /// The vault's root, absolute, symbolic links resolved.
        public var root: URL
        /// How paths are shown: relative to the current folder.
        public var display: PathDisplay

        public init(root: URL) {
            self.root = root
            display = PathDisplay(vaultRoot: root)
        }

        /// The vault path `path` as messages show it (`Sectors/N.md`, `../Sectors/N.md`).
        public func show(_ path: String) -> String { display.show(vaultPath: path) }

        /// A message that starts with a vault path (`Sectors/N.md:3:1: warning: …`), its path shown as paths are.
        public func showLeading(_ message: String) -> String {
            guard let colon = message.firstIndex(of: ":") else { return show(message) }
            return show(String(message[..<colon])) + message[colon...]
        }

        /// The vault path of a file or folder named on the command line (relative to the current folder, or
        /// absolute; a note with or without `.md`), or nil when it names nothing inside the vault. So that every path
        /// a command printed can be given back to it, from whichever folder. Only the folders on the way are
        /// resolved: a note that is a symbolic link keeps its own path.
        public func vaultPath(typed: String) -> String? {
            let rootPath = VaultLocator.realFolder(root)
            var isFolder: ObjCBool = false
            for candidate in [typed, typed + ".md"]
            where FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder) {
                // A file's folders are resolved, not the file: a note that is a symbolic link is named, not where
                // it leads (rename must not move the note it points at).
                let url = URL(fileURLWithPath: candidate).standardizedFileURL
                let full =
                    isFolder.boolValue
                    ? VaultLocator.realFolder(url)
                    : (VaultLocator.realFolder(url.deletingLastPathComponent()) as NSString).appendingPathComponent(
                        url.lastPathComponent)
                if full == rootPath { return "" }
                if full.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") {
                    return String(full.dropFirst(rootPath == "/" ? 1 : rootPath.count + 1))
                }
            }
            return nil
        }
    }

    /// Why no vault could be worked on.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// `-C DIR` names no folder that can be entered.
        case cannotEnter(directory: String, reason: String)
        /// The folder to start from does not exist, or is a file.
        case missing(String)
        /// No folder at or above the start is marked as a vault.
        case notAVault(VaultLocator.NotAVault)

        public var description: String {
            switch self {
            case .cannotEnter(let directory, let reason): return "cannot change to '\(directory)': \(reason)"
            case .missing(let folder): return "\(folder): no such vault folder"
            case .notAVault(let refusal): return refusal.description
            }
        }
    }

    /// Enters `-C DIR` when given; call once, before any other path is read.
    public func enter() throws(Failure) {
        guard let directory else { return }
        guard FileManager.default.changeCurrentDirectoryPath(directory) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder)
            throw .cannotEnter(
                directory: directory,
                reason: !exists ? "no such folder" : !isFolder.boolValue ? "not a folder" : "permission denied")
        }
    }

    /// Enters `-C DIR`, then finds the vault from `start` (a folder relative to DIR; default DIR or the current
    /// folder), or nil when no folder there or above is a vault.
    public func findVault(from start: String? = nil) throws(Failure) -> Located? {
        try enter()
        return try Self.find(from: start)
    }

    /// Enters `-C DIR`, then finds the vault from `start`; a folder that is in no vault is refused.
    public func vault(from start: String? = nil) throws(Failure) -> Located {
        try enter()
        return try Self.vault(from: start, directory: directory)
    }

    /// The vault found from `start` (default: the current folder), or nil when no folder there or above is one.
    public static func find(from start: String?) throws(Failure) -> Located? {
        var isFolder: ObjCBool = false
        if let start, !(FileManager.default.fileExists(atPath: start, isDirectory: &isFolder) && isFolder.boolValue) {
            throw .missing(start)
        }
        return VaultLocator.root(from: URL(fileURLWithPath: start ?? ".")).map(Located.init(root:))
    }

    /// The vault found from `start`; a folder that is in no vault is refused.
    ///
    /// - Parameter directory: The `-C DIR` already entered, to name it in the refusal.
    public static func vault(from start: String?, directory: String? = nil) throws(Failure) -> Located {
        guard let found = try find(from: start) else {
            // The folder as typed, or the current folder in full: "." would say little in a cron mail.
            let shown =
                start.map { PathDisplay(vaultRoot: nil).show($0) } ?? directory
                ?? FileManager.default.currentDirectoryPath
            throw .notAVault(.init(folder: shown))
        }
        return found
    }
}
