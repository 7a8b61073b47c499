import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Maps the elements on every core, keeping their order.
    ///
    /// Each iteration writes only its own slot of the output, so the slots need no lock.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let output = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        output.initialize(repeating: nil)
        defer {
            // The slots hold values (notes, arrays): destroy them before freeing the memory, or they leak.
            _ = output.deinitialize()
            output.deallocate()
        }
        let slots = SendableBuffer(output)
        // concurrentPerform returns only when every iteration has, so `transform` never escapes.
        let chunk = Swift.max(1, count / (activeCores * 8))
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { input in
            let source = SendableInput(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lower = c * chunk
                let upper = Swift.min(lower + chunk, source.buffer.count)
                for i in lower..<upper { slots.buffer[i] = transform(source.buffer[i]) }
            }
        }
        return output.map { $0! }
    }
}

/// Read once: Foundation answers `activeProcessorCount` by reading the cgroup quota files on every call.
private let activeCores = ProcessInfo.processInfo.activeProcessorCount

private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
}

private struct SendableInput<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}
