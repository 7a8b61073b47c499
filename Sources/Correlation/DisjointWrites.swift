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
