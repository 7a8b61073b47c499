import Foundation
import Testing

@testable import VaultModel

@Suite struct VaultScannerTests {
    /// Reading a note leaves its access time alone (O_NOATIME): reading a whole vault must not write every inode.
    @Test func readingLeavesTheAccessTimeAsItWas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vaultgen-atime-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("N.md").path
        try Data("# N\n".utf8).write(to: URL(fileURLWithPath: path))
        // An access time older than the modification time, so that even relatime would update it on a plain read.
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_800_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)

        #expect(try VaultScanner.readBytes(path) == Array("# N\n".utf8))
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_atim.tv_sec == 1_700_000_000)
    }
}
