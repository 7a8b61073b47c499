import Dispatch

extension Array where Element: Sendable {
    /// Maps the elements on every core, keeping their order.
    ///
    /// Each iteration writes only its own slot of the output, so the slots need no lock.
    ///
    /// - Parameter threads: How many iterations may run at once; by default one per core. Work that waits on
    ///   the disk (flushing files) overlaps better with more.
    public func parallelMap<T: Sendable>(threads: Int? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let output = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        output.initialize(repeating: nil)
        defer {
            // The slots hold values (notes, arrays): destroy them before freeing the memory, or they leak.
            _ = output.deinitialize()
            output.deallocate()
        }
        let slots = SendableBuffer(output)
        self.withUnsafeBufferPointer { input in
            let source = SendableInput(input)
            if let threads {
                // A fixed number of threads taking the next index: concurrentPerform would cap at one per core.
                let next = IndexCounter()
                let group = DispatchGroup()
                // The threads end before this function returns (group.wait), so the closure does not escape.
                withoutActuallyEscaping(transform) { transform in
                    for _ in 0..<Swift.min(threads, count) {
                        group.enter()
                        Thread.detachNewThread {
                            defer { group.leave() }
                            while let i = next.take(below: source.buffer.count) {
                                slots.buffer[i] = transform(source.buffer[i])
                            }
                        }
                    }
                    group.wait()
                }
            } else {
                let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
                let chunks = (count + chunk - 1) / chunk
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let lower = c * chunk
                    let upper = Swift.min(lower + chunk, source.buffer.count)
                    for i in lower..<upper { slots.buffer[i] = transform(source.buffer[i]) }
                }
            }
        }
        return output.map { $0! }
    }
}

/// Hands out indices one at a time to worker threads.
private final class IndexCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
}

private struct SendableInput<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}

import Foundation
