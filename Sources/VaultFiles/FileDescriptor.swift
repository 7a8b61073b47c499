#if canImport(Glibc)
    import Glibc
#endif

/// How `RegularFile` and `VaultFile` open and read a file, written once.
enum FileDescriptor {
    /// Linux's O_NOATIME (`<fcntl.h>` defines it only with _GNU_SOURCE, which Swift's Glibc module leaves out):
    /// reading a vault of 10,000 notes would otherwise write 10,000 inodes back to the disk. Only a file's owner
    /// may ask for it; an open refused with EPERM is tried again without it.
    #if os(Linux)
        static let noAccessTime: Int32 = 0o1_000_000
    #else
        static let noAccessTime: Int32 = 0
    #endif

    /// The bytes of `fd` from where it stands to its end; nil when a read fails, with `errno` saying why.
    ///
    /// The buffer is one byte larger than `size` (the file's size from `fstat`), so that finding the end needs no
    /// second buffer; a file that grew meanwhile is read whole all the same. An interrupted read is retried.
    static func readToEnd(_ fd: Int32, size: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: max(0, size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
