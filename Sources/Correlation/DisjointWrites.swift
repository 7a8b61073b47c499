import Dispatch

/// Memory that the iterations of a `DispatchQueue.concurrentPerform` fill, each writing only its own cells.
///
/// No two iterations touch the same element, so no lock is needed; the owner keeps the memory alive until
/// `concurrentPerform` has returned.
struct DisjointWrites<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        // An empty array may have no storage; nothing is written then.
        base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}

extension Array where Element: Sendable {
    /// Maps the elements on every core, keeping their order.
    ///
    /// VaultModel's `parallelMap` does the same; the correlation engine cannot import VaultModel.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        var output = [T?](repeating: nil, count: count)
        output.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { out[$0] = transform(self[$0]) }
        }
        return output.map { $0! }
    }
}
