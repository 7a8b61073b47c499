import Foundation
import VaultFiles

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps two vaultgen runs on one vault from interleaving: an exclusive `flock` on `.vaultgen/lock`.
///
/// The kernel drops the lock when its process dies, however it dies, so a killed run never blocks the next
/// nightly one; the file itself stays and names the last holder's process id, which is how a take-over is
/// reported. It lives in `.vaultgen/`, vaultgen's folder of runtime files, which is made with a `.gitignore` holding
/// `*` so that `git add -A` in a vault under git never commits it.
public final class VaultLock {
    /// The folder of vaultgen's runtime files, at the vault's root.
    public static let folderName = ".vaultgen"
    /// The lock file's vault path.
    public static let fileName = folderName + "/lock"

    public enum LockError: Error, Sendable, CustomStringConvertible {
        /// Another live run holds the lock and did not let go in time.
        case busy(path: String, holder: String, waited: Double)
        /// The lock file cannot be created or opened: a symbolic link, a folder, a system error.
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case .busy(let path, let holder, let waited):
                return "\(path): another vaultgen run (\(holder)) holds the lock; gave up after \(Int(waited)) s"
            case .cannotOpen(let path, let reason):
                return "\(path): cannot open the lock file: \(reason)"
            }
        }
    }

    /// Hears what the lock did (taken, waited for, given up on), for a command's `-v`; nil says nothing.
    nonisolated(unsafe) public static var observer: (@Sendable (String) -> Void)?

    private let fd: Int32
    /// A note for the user when the previous holder died without releasing (a killed run).
    public let tookOverFrom: Int32?

    /// Takes the lock of the vault at `root`, waiting up to `wait` seconds for another run to finish.
    ///
    /// The lock file is opened like every file vaultgen writes (`VaultFile`): a symbolic link there, even a dangling
    /// one, is refused rather than followed, so the lock never truncates or creates a file elsewhere.
    public init(vaultRoot root: URL, wait: Double) throws(LockError) {
        let path = root.appendingPathComponent(Self.fileName).path
        let fd: Int32
        do {
            try Self.makeFolder(in: root)
            fd = try VaultFile.open(Self.fileName, in: root, for: .update)
        } catch {
            // The lock file, or `.vaultgen` when the folder is what is in the way.
            throw .cannotOpen(path: error.path, reason: error.reason)
        }
        let start = Date()
        let deadline = start.addingTimeInterval(wait)
        var waiting = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = Self.holder(fd: fd).map { "pid \($0)" } ?? "unknown process"
            if Date() >= deadline {
                close(fd)
                throw .busy(path: path, holder: holder, waited: wait)
            }
            if !waiting {
                waiting = true
                Self.observer?("lock \(path) is held by \(holder); waiting up to \(wait) s")
            }
            usleep(100_000)
        }
        Self.observer?(
            "took the lock \(path)"
                + (waiting ? String(format: " after waiting %.1f s", Date().timeIntervalSince(start)) : ""))
        // We hold the lock. A pid still in the file belongs to a run that ended without cleaning up.
        if let previous = Self.holder(fd: fd), previous != getpid(), kill(previous, 0) != 0, errno == ESRCH {
            tookOverFrom = previous
        } else {
            tookOverFrom = nil
        }
        let record = "\(getpid())\n"
        ftruncate(fd, 0)
        _ = record.withCString { pwrite(fd, $0, strlen($0), 0) }
        self.fd = fd
    }

    /// Releases the lock; the file is emptied so that the next run sees a clean hand-over.
    public func release() {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Makes `.vaultgen/` at the vault's root when it is missing, with its `.gitignore`; a `.vaultgen` that is a
    /// symbolic link (even to a folder inside the vault) or a file is refused: runtime files are never written
    /// through a link.
    static func makeFolder(in root: URL) throws(VaultFileError) {
        let full = try VaultFile.locate(folderName, in: root)
        let shown = root.appendingPathComponent(folderName).path
        var info = stat()
        if lstat(full, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return
            case S_IFLNK: throw .symbolicLink(path: shown)
            default: throw .notAFolder(path: shown, folder: folderName)
            }
        }
        guard mkdir(full, 0o755) == 0 else {
            // Another run made it a moment ago; it writes the `.gitignore`.
            if errno == EEXIST { return }
            throw .system(path: shown, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
        let ignore = try VaultFile.open(folderName + "/.gitignore", in: root, for: .update)
        defer { close(ignore) }
        _ = "*\n".withCString { pwrite(ignore, $0, strlen($0), 0) }
    }

    private static func holder(fd: Int32) -> Int32? {
        var buffer = [CChar](repeating: 0, count: 32)
        let n = pread(fd, &buffer, 31, 0)
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
