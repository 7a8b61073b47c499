import Foundation
import VaultFiles

#if canImport(Glibc)
    import Glibc
#endif

/// Lists the files of a vault the way Obsidian sees them, and reads its notes.
///
/// Dot files and dot folders (`.obsidian/`, `.trash/`, `.git/`) are skipped, and so is whatever the config
/// excludes. Symbolic links are followed only when they stay inside the vault; a folder is never entered twice.
public enum VaultScanner {
    /// A file of the vault, by its `/`-separated path from the root.
    public struct Listing: Sendable {
        public var notes: [String] = []
        public var attachments: [String] = []
        /// Entries that could not be used: a symlink leaving the vault, a loop, an unreadable folder.
        public var skipped: [(path: String, reason: String)] = []
        /// Temporary files an interrupted vaultgen write left behind (`.Note.md.vaultgen-PID.tmp`).
        public var leftovers: [String] = []
        /// Notes that are symbolic links (to a file inside the vault), or are reached through a folder that is
        /// one, with the vault path each leads to.
        public var links: [String: String] = [:]
    }

    /// Walks the vault folder.
    public static func list(root: URL, exclude: [PathPattern]) -> Listing {
        var listing = Listing()
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var visited = Set<String>([rootPath])
        var pending: [String] = [""]
        // Folders reached through a symbolic link, with the vault path they lead to: their notes are links too.
        var linkedFolders: [String: String] = [:]
        func relative(_ real: String) -> String { real == rootPath ? "" : String(real.dropFirst(rootPath.count + 1)) }
        while let folder = pending.popLast() {
            let via = linkedFolders[folder]
            let absolute = folder.isEmpty ? rootPath : rootPath + "/" + folder
            guard let entries = entries(of: absolute) else {
                if !folder.isEmpty { listing.skipped.append((folder, "the folder cannot be read")) }
                continue
            }
            for undecodable in entries.undecodable {
                let path = folder.isEmpty ? undecodable : folder + "/" + undecodable
                listing.skipped.append((path, "the file name is not valid UTF-8; rename it to have it read"))
            }
            for (name, type) in entries.names.sorted(by: { $0.name < $1.name }) {
                let path = folder.isEmpty ? name : folder + "/" + name
                if name.hasPrefix(".") {
                    if name.hasSuffix(".tmp") && name.contains(".vaultgen-") { listing.leftovers.append(path) }
                    continue
                }
                if PathPattern.any(exclude, match: path) { continue }
                let full = absolute + "/" + name
                var info = stat()
                // readdir's type spares a stat per file on the file systems that fill it in (ext4, xfs, btrfs).
                var kind: mode_t
                switch Int32(type) {
                case Int32(DT_REG): kind = S_IFREG
                case Int32(DT_DIR): kind = S_IFDIR
                default:
                    guard lstat(full, &info) == 0 else { continue }
                    kind = info.st_mode & S_IFMT
                }
                if kind == S_IFLNK {
                    let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                    guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                        listing.skipped.append((path, "a symbolic link to a place outside the vault"))
                        continue
                    }
                    guard stat(full, &info) == 0 else {
                        listing.skipped.append((path, "a symbolic link that leads nowhere (a loop or a missing file)"))
                        continue
                    }
                    kind = info.st_mode & S_IFMT
                    if kind == S_IFREG, VaultPath.hasMarkdownExtension(name) { listing.links[path] = relative(target) }
                    if kind == S_IFDIR {
                        guard visited.insert(target).inserted else {
                            listing.skipped.append((path, "a symbolic link to a folder already read"))
                            continue
                        }
                        linkedFolders[path] = relative(target)
                    }
                } else if let via {
                    if kind == S_IFDIR { linkedFolders[path] = VaultPath.join(via, name) }
                    if kind == S_IFREG, VaultPath.hasMarkdownExtension(name) {
                        listing.links[path] = VaultPath.join(via, name)
                    }
                }
                if kind == S_IFDIR {
                    pending.append(path)
                } else if kind == S_IFREG {
                    if VaultPath.hasMarkdownExtension(name) {
                        listing.notes.append(path)
                    } else {
                        listing.attachments.append(path)
                    }
                }
            }
        }
        listing.notes.sort()
        listing.attachments.sort()
        return listing
    }

    /// The names in a folder, from `readdir`: Foundation's listing silently drops names that are not UTF-8,
    /// and a user must hear about a note vaultgen cannot read.
    static func entries(of folder: String) -> (names: [(name: String, type: UInt8)], undecodable: [String])? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [(name: String, type: UInt8)] = []
        var undecodable: [String] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                names.append((name, entry.pointee.d_type))
            } else {
                undecodable.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return (names, undecodable)
    }

    /// Reads a whole regular file as bytes (`RegularFile.readBytes`, where the rule lives).
    ///
    /// - Throws: `POSIXError` when the system refuses; `RegularFile.ReadError.notARegularFile` for a FIFO, a
    ///   folder, a device or a socket, which are never opened for a blocking read.
    public static func readBytes(_ path: String) throws -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.readBytes(path)
        } catch {
            // A typed `catch .system(let number)` here crashes swiftc 6.3 (an ownership verifier error).
            if case .system(let number) = error { throw POSIXError(POSIXErrorCode(rawValue: number) ?? .EIO) }
            throw error
        }
        return bytes
    }
}
