import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Faults: a write that fails, a full disk, a killed run")
struct FaultTests {
    @Test func aNoteThatCannotBeWrittenIsReportedAndTheOthersAreWritten() throws {
        let scratch = try Scratch("write-fail")
        let root = scratch.url.appendingPathComponent("v")
        try BusyVault.make(at: root, notes: 20)
        let before = scratch.files(root)
        var run = UpdateRun(vaultRoot: root, templatesFolder: Repo.templates, options: .init())
        run.stage = { bytes, path, root in
            if path == "Sectors/Crypto-to-AI.md" {
                throw NoteWriter.WriteError(path: path, reason: "No space left on device")
            }
            return try NoteWriter.stage(bytes, to: path, in: root)
        }
        let outcome = try run.run(mode: .write)
        #expect(
            outcome.failures == ["Sectors/Crypto-to-AI.md: cannot be written (No space left on device); left as it was"]
        )
        #expect(outcome.written.count == outcome.plan.changes.count - 1 + outcome.charts.count)
        #expect(scratch.files(root)["Sectors/Crypto-to-AI.md"] == before["Sectors/Crypto-to-AI.md"])
    }

    /// A folder that refuses writes: `chmod 555`, or as root (who writes through that, and CI runs as root) a
    /// read-only bind mount of the folder over itself.
    @Test(
        .enabled(
            if: ReadOnlyFolder.available,
            "running as root without permission to mount: root writes through chmod 555, so no folder refuses it"))
    func readOnlyFolderIsReportedWithExitTwo() throws {
        let scratch = try Scratch("read-only")
        let root = scratch.url.appendingPathComponent("v")
        try BusyVault.make(at: root, notes: 5)
        let busy = root.appendingPathComponent("Busy")
        let before = scratch.files(busy)
        let readOnly = try ReadOnlyFolder(busy)
        defer { withExtendedLifetime(scratch) { readOnly.undo() } }
        #expect(!FileManager.default.createFile(atPath: busy.appendingPathComponent("probe").path, contents: nil))
        let result = try CLI.run(["update", root.path, "--templates", Repo.templates.path])
        #expect(result.status == 2)
        #expect(result.err.contains("Busy/Note 1.md: cannot be written"))
        #expect(scratch.files(busy) == before)
        #expect(scratch.files(root)["Sectors/Crypto-to-AI.md"] != nil)
    }

    /// A real full disk: a 1 MiB tmpfs (needs root and permission to mount; skipped otherwise).
    @Test(.enabled(if: TinyDisk.available, "mounting a tmpfs is not permitted here: the full-disk test is skipped"))
    func fullDiskLeavesEveryNoteWholeAndSaysSo() throws {
        let disk = try TinyDisk()
        defer { disk.unmount() }
        let root = disk.url.appendingPathComponent("v")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try BusyVault.make(at: root.appendingPathComponent("vault"), notes: 40)
        let vault = root.appendingPathComponent("vault")
        let before = Scratch.snapshot(vault)
        // Fill what is left.
        let filler = disk.url.appendingPathComponent("filler")
        #expect(FileManager.default.createFile(atPath: filler.path, contents: nil))
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(repeating: 0x41, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
        let result = try CLI.run(["update", vault.path, "--templates", Repo.templates.path])
        #expect(result.status == 2)
        #expect(result.err.contains("cannot be written"))
        let after = Scratch.snapshot(vault)
        for path in before.keys where path.hasSuffix(".md") {
            #expect(after[path] != nil, "\(path) is gone")
        }
        #expect(after.keys.filter { $0.hasSuffix(".tmp") }.isEmpty, "no temporary file is left")
        // Once there is room again, the next run finishes the work.
        try FileManager.default.removeItem(at: filler)
        let again = try CLI.run(["update", vault.path, "--templates", Repo.templates.path])
        #expect(again.status == 0)
        #expect(try CLI.run(["update", vault.path, "--templates", Repo.templates.path, "--check"]).status == 0)
    }
}

/// A folder made read-only for everyone who writes into it: `chmod 555` for a user, a read-only bind mount of the
/// folder over itself for root (whom permissions do not stop).
final class ReadOnlyFolder {
    let url: URL
    private let mounted: Bool

    /// Whether a folder can be made read-only here: always as a user; as root only where mounting is permitted.
    static let available: Bool = {
        guard getuid() == 0 else { return true }
        guard let scratch = try? Scratch("read-only-probe"), let probe = try? ReadOnlyFolder(scratch.url) else {
            return false
        }
        probe.undo()
        return true
    }()

    init(_ url: URL) throws {
        self.url = url
        mounted = getuid() == 0
        guard mounted else {
            chmod(url.path, 0o555)
            return
        }
        try Self.mount(["--bind", url.path, url.path])
        do {
            try Self.mount(["-o", "remount,bind,ro", url.path])
        } catch {
            undo()
            throw error
        }
    }

    func undo() {
        guard mounted else {
            chmod(url.path, 0o755)
            return
        }
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [url.path]
        try? umount.run()
        umount.waitUntilExit()
    }

    private static func mount(_ arguments: [String]) throws {
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = arguments
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }
}

/// A tiny tmpfs, for a disk that fills up.
final class TinyDisk {
    let url: URL

    static let available: Bool = {
        guard getuid() == 0, let probe = try? TinyDisk() else { return false }
        probe.unmount()
        return true
    }()

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vaultgen-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=1m", "tmpfs", url.path]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: url)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func unmount() {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [url.path]
        try? umount.run()
        umount.waitUntilExit()
        try? FileManager.default.removeItem(at: url)
    }
}
