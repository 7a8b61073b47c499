#if canImport(Glibc)
    import Glibc
#endif

/// Reads whole files, and only regular ones: the one place where vaultgen opens a file to read it.
///
/// A FIFO, a device or a socket where a note, a price file, `.vaultgen.yml` or `.obsidian/app.json` should
/// be would block a read forever (an `update` holding the vault's lock with it), or never end. The file is
/// opened with `O_NONBLOCK`, so opening a FIFO returns at once, and refused unless `fstat` says it is regular.
public enum RegularFile {
    /// Why a file could not be read.
    public enum ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The path names something else than a regular file: a FIFO, a folder, a device or a socket.
        case notARegularFile(kind: String)
        /// The system refused to open or read it, with `errno`.
        case system(errno: Int32)

        public var description: String {
            switch self {
            case .notARegularFile(let kind): return "not a regular file (\(kind))"
            case .system(let number): return String(cString: strerror(number))
            }
        }
    }

    /// Reads a whole regular file as bytes.
    ///
    /// Without touching its access time where the system allows (the file's owner): reading a vault of 10,000
    /// notes would otherwise write 10,000 inodes back to the disk.
    public static func readBytes(_ path: String) throws(ReadError) -> [UInt8] {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        var fd = open(path, flags | FileDescriptor.noAccessTime)
        if fd < 0, errno == EPERM, FileDescriptor.noAccessTime != 0 { fd = open(path, flags) }
        guard fd >= 0 else { throw .system(errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(kind: kind(info.st_mode)) }
        guard let bytes = FileDescriptor.readToEnd(fd, size: Int(info.st_size)) else { throw .system(errno: errno) }
        return bytes
    }

    /// What a file that is not regular is, in a reader's words.
    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFDIR: return "a folder"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a file"
        }
    }
}
