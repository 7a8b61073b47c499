import Foundation
import VaultFiles
import VaultModel

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files atomically: a hidden temporary file in the same folder, flushed, then renamed over the old one.
///
/// A reader, a kill or a power cut sees either the old bytes or the new ones, never a mix. The old file's
/// permissions are kept. The temporary name starts with a dot so that Obsidian never shows it.
///
/// A symbolic link is never written through or replaced, nor is anything that is not a regular file: the writer
/// refuses it (`VaultFile.writable`), whoever asks (notes, charts, new notes, price files). A file of the vault is
/// written with `stage(_:to:in:)`, which also keeps every folder on the way inside the vault.
///
/// One file: `write(_:to:)`. Many files: `stage` each, `flush` once (one `syncfs` instead of one `fsync` per
/// file), then `commit` each and `flush` again — the same guarantee at a fraction of the cost.
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

    /// New bytes waiting in their temporary file beside the file they will replace.
    public struct Staged: Sendable {
        public var path: String
        public var temporary: String
    }

    /// Replaces the file at `path` with `bytes`, unless it already holds exactly those bytes.
    ///
    /// - Returns: whether the file was written.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) -> Bool {
        guard let staged = try stage(bytes, to: path, flushing: true) else { return false }
        try commit(staged)
        flush(near: path)
        return true
    }

    /// Replaces the vault file `path` under `root` with `bytes` (see `stage(_:to:in:)`), unless it already holds
    /// exactly those bytes.
    ///
    /// - Returns: whether the file was written.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, in root: URL) throws(WriteError) -> Bool {
        guard let staged = try stage(bytes, to: path, in: root, flushing: true) else { return false }
        try commit(staged)
        flush(near: staged.path)
        return true
    }

    /// Writes `bytes` to a temporary file beside the vault file `path` under `root`; nil when unchanged.
    ///
    /// Every folder on the way is resolved and must stay inside the vault; missing ones are made there.
    public static func stage(
        _ bytes: [UInt8], to path: String, in root: URL, flushing: Bool = false, comparing: Bool = true
    ) throws(WriteError) -> Staged? {
        let full: String
        do { full = try VaultFile.writable(path, in: root, creatingFolders: true) } catch {
            throw WriteError(path: error.path, reason: error.reason)
        }
        return try stage(bytes, to: full, flushing: flushing, comparing: comparing)
    }

    /// Writes `bytes` to a temporary file beside `path`; nil when the file already holds exactly those bytes.
    ///
    /// - Parameters:
    ///   - flushing: Whether to flush this file now; a batch flushes once with `flush(near:)` instead.
    ///   - comparing: Whether to read the file first and skip it when unchanged; a caller that already knows it
    ///     changed saves the read.
    public static func stage(
        _ bytes: [UInt8], to path: String, flushing: Bool = false, comparing: Bool = true
    ) throws(WriteError) -> Staged? {
        try refuseWhatIsNotAFile(path)
        if comparing, let current = try? VaultScanner.readBytes(path), current == bytes { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let temporary = (folder.isEmpty ? "." : folder) + "/" + temporaryName(for: name)
        func fail(_ what: String) -> WriteError {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return WriteError(path: path, reason: "\(what): \(reason)")
        }
        // Never through a link someone put at the temporary name.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
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
        if flushing, fsync(fd) != 0 {
            close(fd)
            throw fail("flush failed")
        }
        guard close(fd) == 0 else { throw fail("close failed") }
        return Staged(path: path, temporary: temporary)
    }

    /// Renames a staged file over the file it replaces.
    public static func commit(_ staged: Staged) throws(WriteError) {
        do throws(WriteError) { try refuseWhatIsNotAFile(staged.path) } catch {
            unlink(staged.temporary)
            throw error
        }
        guard rename(staged.temporary, staged.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(staged.temporary)
            throw WriteError(path: staged.path, reason: "rename failed: \(reason)")
        }
    }

    /// Renames staged files over the files they replace, in order; one result per file.
    ///
    /// Most of a rename is freeing the replaced file: on a file system mounted with `discard` and no journal
    /// (ext4 here) the kernel discards its blocks there and then, while it holds the folder's lock. So each
    /// replaced file is first opened with `O_PATH` (which reads nothing and needs no permission), which keeps it
    /// alive through the rename; the last reference goes with `close`, on one of `releasers` threads, so the
    /// discards overlap each other and the renames (9,203 notes: 0.73 s renaming → 0.26-0.32 s).
    public static func commit(_ batch: [Staged], releasers: Int = 8) -> [Result<Void, WriteError>] {
        let closer = DescriptorCloser(threads: min(releasers, batch.count))
        defer { closer.finish() }
        return batch.map { staged -> Result<Void, WriteError> in
            let held = open(staged.path, pathOnly | O_NOFOLLOW | O_CLOEXEC)
            do throws(WriteError) {
                try commit(staged)
            } catch {
                if held >= 0 { close(held) }
                return .failure(error)
            }
            if held >= 0 { closer.close(held) }
            return .success(())
        }
    }

    /// Throws when `path` is there and is a symbolic link or not a regular file: the writers' one rule.
    private static func refuseWhatIsNotAFile(_ path: String) throws(WriteError) {
        do { try VaultFile.checkReplaceable(path, shown: path) } catch {
            throw WriteError(path: path, reason: error.reason)
        }
    }

    /// The hidden name a new file is staged under beside `name`: `.NAME.vaultgen-PID.tmp`.
    ///
    /// A name near NAME_MAX (255 bytes) leaves no room for the rest: it is then cut to whole characters and
    /// followed by a hash of all of it, `.NAME-START~HASH.vaultgen-PID.tmp`, which still fits, is still hidden,
    /// and still reads as a leftover (`VaultScanner`) should the run be killed.
    public static func temporaryName(for name: String, pid: Int32 = getpid()) -> String {
        let suffix = ".vaultgen-\(pid).tmp"
        let whole = "." + name + suffix
        guard whole.utf8.count > nameMax else { return whole }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable from one run to the next
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let tag = "~" + String(format: "%016llx", hash)
        let room = nameMax - 1 - tag.utf8.count - suffix.utf8.count
        var start = ""
        for character in name {
            guard start.utf8.count + character.utf8.count <= room else { break }
            start.append(character)
        }
        return "." + start + tag + suffix
    }

    /// Linux's NAME_MAX: the longest file name, in bytes.
    private static let nameMax = 255

    /// Makes everything written so far on the file system holding `path` durable (data and renames).
    public static func flush(near path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        if syncfs(fd) != 0 { fsync(fd) }
        close(fd)
    }
}

/// Linux's `O_PATH` (a descriptor that refers to a file without opening it), hidden behind `_GNU_SOURCE` too.
private let pathOnly: Int32 = 0o10000000

/// Closes file descriptors on a few threads of its own, so that closes which wait on the disk overlap.
///
/// `close` hands a descriptor over; `finish` waits until every one handed over is closed. At most 256 wait at a
/// time, so a batch never holds more descriptors than that on top of the process's own.
private final class DescriptorCloser: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Int32] = []
    private var running: Int
    private var finishing = false

    init(threads: Int) {
        running = max(1, threads)
        for _ in 0..<running {
            Thread.detachNewThread { [self] in work() }
        }
    }

    func close(_ fd: Int32) {
        condition.lock()
        while waiting.count >= 256 { condition.wait() }
        waiting.append(fd)
        condition.broadcast()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finishing = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            if let fd = waiting.popLast() {
                condition.broadcast()
                condition.unlock()
                _ = Glibc.close(fd)
                condition.lock()
            } else if finishing {
                break
            } else {
                condition.wait()
            }
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}

/// glibc's `syncfs(2)`, which Swift's Glibc module hides behind `_GNU_SOURCE`: flushes one file system.
@_silgen_name("syncfs")
private func syncfs(_ fd: Int32) -> Int32
