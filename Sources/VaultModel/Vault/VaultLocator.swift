import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the vault a command works on, the way git finds a repository: the nearest folder, from a start folder
/// upward, that holds `.obsidian/` (Obsidian's settings folder) or `.vaultgen.yml` (vaultgen's config).
///
/// A folder with neither is not a vault, so that `vaultgen update` run in some other folder (a code repository, a
/// home folder) writes nothing there.
public enum VaultLocator {
    /// The command was not started inside a vault.
    public struct NotAVault: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder the search started from, as messages show it.
        public var folder: String

        public init(folder: String) {
            self.folder = folder
        }

        public var description: String {
            "\(folder) is not inside a vault (no .obsidian/ or \(VaultConfig.fileName) in it or any folder above); "
                + "run 'touch \(VaultConfig.fileName)' in the vault folder to mark it"
        }
    }

    /// The nearest folder, from `start` upward, holding `.obsidian/` or `.vaultgen.yml`; nil when there is none.
    ///
    /// `start` is taken with its symbolic links resolved (as the current folder always is), so that the root found
    /// and the current folder compare as paths. A start that does not exist is searched from its nearest existing
    /// folder upward.
    public static func root(from start: URL) -> URL? {
        var folder = realFolder(start)
        while true {
            if isMarked(folder) { return URL(fileURLWithPath: folder, isDirectory: true) }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
    }

    /// Whether `folder` itself holds `.obsidian/` or `.vaultgen.yml`.
    public static func isMarked(_ folder: String) -> Bool {
        var info = stat()
        if stat(folder + "/.obsidian", &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return true }
        return stat(folder + "/" + VaultConfig.fileName, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR
    }

    /// The absolute path of `url`, symbolic links resolved as far as the path exists.
    public static func realFolder(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent != path, !parent.isEmpty else { return path }
        let last = (path as NSString).lastPathComponent
        return (realFolder(URL(fileURLWithPath: parent)) as NSString).appendingPathComponent(last)
    }
}
