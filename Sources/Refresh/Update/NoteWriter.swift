import Foundation
import VaultModel

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file atomically: a hidden temporary file in the same folder, flushed, then renamed over the old one.
///
/// A reader (or a crash) sees either the old bytes or the new ones, never a mix. The old file's permissions are
/// kept. The temporary name starts with a dot so that Obsidian never shows it.
public enum NoteWriter {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot be written: \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Replaces the file at `path` with `bytes`, unless it already holds exactly those bytes.
    ///
    /// - Returns: whether the file was written.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) -> Bool {
        if let current = try? VaultScanner.readBytes(path), current == bytes {
            return false
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).vaultgen-\(getpid()).tmp"
        func fail(_ what: String) -> WriteError {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return WriteError(path: path, reason: "\(what): \(reason)")
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw fail("cannot create a temporary file beside it") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                close(fd)
                throw fail("write failed")
            }
            written += n
        }
        fchmod(fd, mode)
        guard fsync(fd) == 0 else {
            close(fd)
            throw fail("flush failed")
        }
        guard close(fd) == 0 else { throw fail("close failed") }
        guard rename(temporary, path) == 0 else { throw fail("rename failed") }
        // Make the rename itself durable.
        let dirFD = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
        return true
    }
}
