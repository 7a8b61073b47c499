import Foundation
import TestSupport
import Testing

@testable import Refresh

/// `--wait` values that trapped when the lock was held (issue 15, item 13): refused as a usage error, exit 2.
@Suite("--wait: NaN, negative and huge values are usage errors")
struct WaitOptionTests {
    @Test(arguments: [["update"], ["fetch", "--tickers", "HUT"]], ["nan", "-1", "1e300", "inf"])
    func aWaitThatIsNoDurationExitsTwoWithTheOption(command: [String], wait: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vaultgen-wait-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("# A\n".utf8).write(to: root.appendingPathComponent("A.md"))
        let held = try VaultLock(vaultRoot: root, wait: 0)
        defer { held.release() }
        let result = try CLI.run([command[0], root.path] + command.dropFirst() + ["--wait=\(wait)"])
        #expect(result.status == 2)
        #expect(result.err.contains("--wait must be a number of seconds from 0 to 86400, not "), "\(result.err)")
        #expect(result.out.isEmpty)
    }
}
