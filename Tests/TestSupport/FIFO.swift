import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A FIFO where a file should be, for tests that vaultgen never blocks reading one.
public enum FIFO {
    /// Makes a FIFO at `path`, then runs `body` on a thread of its own.
    ///
    /// - Returns: What `body` returned, or nil when it had not returned after `seconds`: it was blocked on the
    ///   FIFO. A writer is then opened and closed, so that the blocked read sees the end and the test can go on.
    public static func run<T: Sendable>(
        at path: String, seconds: Double = 5, _ body: @escaping @Sendable () -> T
    ) throws -> T? {
        guard mkfifo(path, 0o644) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let box = Box<T>()
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = body()
            finished.signal()
        }
        guard finished.wait(timeout: .now() + seconds) == .timedOut else { return box.value }
        let writer = open(path, O_WRONLY)
        if writer >= 0 { close(writer) }
        finished.wait()
        return nil
    }

    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
