import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Opens the files of a vault so that nothing outside it is ever read or written.
///
/// The one rule every reader and writer of vault files goes through (the lock, notes, charts, price files, the
/// config): every folder on the way is resolved (links followed) and must stay inside the vault root; the file
/// itself must be a regular file (never a folder, a named pipe or a device; opened without blocking, so a named
/// pipe cannot stall a run); and a file that is written is never a symbolic link (`O_NOFOLLOW`), so neither a
/// link leaving the vault nor one inside it is written through or replaced.
public enum VaultFile {
    /// What a caller does with the file.
    public enum Access: Sendable {
        /// Read it. A symbolic link is followed while it stays inside the vault.
        case read
        /// Read and write it in place (the lock), creating it when missing; never through a symbolic link.
        case update
    }

    /// The absolute path of the vault path `path` under `root`, its folders resolved and checked.
    ///
    /// The last component is not resolved: a caller that writes decides what a link there means.
    /// - Parameter creatingFolders: Whether missing folders on the way are made (inside the vault only).
    /// - Throws: `.outsideVault` when `..` or a folder that is a symbolic link leads out of the vault,
    ///   `.notAFolder` when a component on the way is a file, `.missing` when a folder is missing and not made.
    public static func locate(_ path: String, in root: URL, creatingFolders: Bool = false) throws(VaultFileError)
        -> String
    {
        let shown = display(path, in: root)
        guard let realRoot = realPath(root.path) else { throw .missing(path: root.path) }
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = parts.popLast(), name != ".", name != ".." else { throw .outsideVault(path: shown) }
        var current = realRoot
        if !parts.isEmpty {
            // Most folders exist: one `realpath` for the whole way, and a walk only to make what is missing.
            if let resolved = realPath(realRoot + "/" + parts.joined(separator: "/")) {
                guard isInside(resolved, root: realRoot) else { throw .outsideVault(path: shown) }
                guard isFolder(resolved) else { throw .notAFolder(path: shown, folder: parts.joined(separator: "/")) }
                current = resolved
            } else {
                current = try walk(parts, from: realRoot, creating: creatingFolders, shown: shown)
            }
        }
        return current + "/" + name
    }

    /// Resolves `parts` one folder at a time from `realRoot`, making the missing ones when `creating`.
    private static func walk(_ parts: [String], from realRoot: String, creating: Bool, shown: String)
        throws(VaultFileError) -> String
    {
        var current = realRoot
        var walked = ""
        for part in parts where part != "." {
            walked = walked.isEmpty ? part : walked + "/" + part
            let candidate = current + "/" + part
            if let resolved = realPath(candidate) {
                guard isInside(resolved, root: realRoot) else { throw .outsideVault(path: shown) }
                guard isFolder(resolved) else { throw .notAFolder(path: shown, folder: walked) }
                current = resolved
                continue
            }
            let failure = errno
            var info = stat()
            // Something is there that does not resolve: a link leading nowhere, or a file on the way.
            if failure == ENOTDIR || lstat(candidate, &info) == 0 { throw .notAFolder(path: shown, folder: walked) }
            guard creating else { throw .missing(path: shown) }
            guard mkdir(candidate, 0o755) == 0 || errno == EEXIST else {
                throw .system(path: shown, reason: "cannot create the folder \(walked): \(errorText())")
            }
            current = candidate
        }
        return current
    }

    /// Where vaultgen may write the vault file `path` under `root`, by renaming a new file over it.
    ///
    /// Its folders are resolved and inside the vault (missing ones made when `creatingFolders`); the file, when it
    /// exists, is a regular file and not a symbolic link: a rename would replace the link itself, and writing
    /// through it would write wherever it points.
    /// - Returns: The absolute path to write.
    public static func writable(_ path: String, in root: URL, creatingFolders: Bool = false) throws(VaultFileError)
        -> String
    {
        let full = try locate(path, in: root, creatingFolders: creatingFolders)
        try checkReplaceable(full, shown: display(path, in: root))
        return full
    }

    /// Throws unless the file at the absolute path `full` is missing or a regular file that is no symbolic link.
    ///
    /// - Parameter shown: How messages name the file.
    public static func checkReplaceable(_ full: String, shown: String) throws(VaultFileError) {
        var info = stat()
        guard lstat(full, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path: shown) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path: shown, kind: kind(info.st_mode)) }
    }

    /// Opens the vault file `path` under `root`.
    ///
    /// - Returns: A descriptor on a regular file; the caller closes it.
    public static func open(_ path: String, in root: URL, for access: Access) throws(VaultFileError) -> Int32 {
        let shown = display(path, in: root)
        var full = try locate(path, in: root)
        var flags = O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW
        switch access {
        case .read:
            flags |= O_RDONLY
            // A link is followed by hand, so that where it leads is checked like the folders were.
            var info = stat()
            if lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                guard let target = realPath(full) else { throw .missing(path: shown) }
                guard let realRoot = realPath(root.path), isInside(target, root: realRoot) else {
                    throw .outsideVault(path: shown)
                }
                full = target
            }
        case .update:
            flags |= O_RDWR | O_CREAT
        }
        var fd = Glibc.open(full, access == .read ? flags | FileDescriptor.noAccessTime : flags, 0o644)
        // Only the file's owner may read without touching its access time.
        if fd < 0, errno == EPERM, access == .read { fd = Glibc.open(full, flags, 0o644) }
        guard fd >= 0 else {
            switch errno {
            case ELOOP: throw .symbolicLink(path: shown)
            case ENOENT: throw .missing(path: shown)
            case EISDIR: throw .notAFile(path: shown, kind: "a folder")
            case ENXIO: throw .notAFile(path: shown, kind: "a socket or a named pipe nobody writes to")
            default: throw .system(path: shown, reason: "cannot be opened: \(errorText())")
            }
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = errorText()
            close(fd)
            throw .system(path: shown, reason: reason)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .notAFile(path: shown, kind: kind(info.st_mode))
        }
        // Reads and writes of a regular file never wait anyway; the flag was only there for opening.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// The bytes of the vault file `path` under `root`.
    public static func read(_ path: String, in root: URL) throws(VaultFileError) -> [UInt8] {
        let fd = try open(path, in: root, for: .read)
        defer { close(fd) }
        var info = stat()
        _ = fstat(fd, &info)
        guard let bytes = FileDescriptor.readToEnd(fd, size: Int(info.st_size)) else {
            throw .system(path: display(path, in: root), reason: "cannot be read: \(errorText())")
        }
        return bytes
    }

    /// What a file of this mode is, in words: `a folder`, `a named pipe`.
    public static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// How messages name a vault file: the root as given, then the vault path.
    static func display(_ path: String, in root: URL) -> String {
        path.hasPrefix("/") ? path : root.path + "/" + path
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    static func isInside(_ path: String, root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
