import Foundation
import Refresh
import TestSupport
import Testing

/// The order of a real `update`'s writes, which no kill test can see and a power cut would: every new file
/// staged, one flush, every rename, one flush.
@Suite("Write order: stage, flush, rename, flush")
struct WriteOrderTests {
    @Test func everyFileIsStagedThenFlushedThenRenamedThenFlushedAgain() throws {
        let scratch = try Scratch("write-order")
        let root = scratch.url.appendingPathComponent("v")
        try BusyVault.make(at: root, notes: 20)
        let before = scratch.files(root)
        let log = WriteLog(root: root)
        var run = UpdateRun(vaultRoot: root, templatesFolder: Repo.templates, options: .init())
        run.stage = { bytes, path, root in
            let staged = try NoteWriter.stage(bytes, to: path, in: root, comparing: false)
            if let staged { log.staged(staged, bytes: bytes) }
            return staged
        }
        run.flush = { path in
            log.flushing()
            NoteWriter.flush(near: path)
        }
        // One file at a time, so that each rename is seen as it happens.
        run.commit = { batch in
            batch.map { staged in
                let result = NoteWriter.commit([staged])[0]
                log.renamed(staged)
                return result
            }
        }
        let outcome = try run.run(mode: .write)
        #expect(outcome.failures.isEmpty)
        let files = outcome.plan.changes.count + outcome.charts.count
        #expect(files > 20, "every busy note, the sector notes and a chart change")
        #expect(outcome.written.count == files)

        let events = log.events
        let kinds = events.map(\.kind)
        #expect(
            kinds == Array(repeating: "stage", count: files) + ["flush"] + Array(repeating: "rename", count: files) + [
                "flush"
            ])
        let stagedPaths = events.filter { $0.kind == "stage" }.map(\.path)
        let renamedPaths = events.filter { $0.kind == "rename" }.map(\.path)
        #expect(Set(stagedPaths) == Set(outcome.written))
        #expect(renamedPaths.sorted() == stagedPaths.sorted())

        // What the disk held at each flush: at the first, every new file waits beside an untouched original; at
        // the second, every file holds its new bytes and no temporary file is left.
        let flushes = events.filter { $0.kind == "flush" }
        try #require(flushes.count == 2)
        for path in stagedPaths {
            let new = try #require(log.bytes[path])
            #expect(flushes[0].disk[path] == before[path], "\(path) was replaced before the first flush")
            #expect(flushes[0].temporaries[path] == new, "\(path)'s new bytes are not staged at the first flush")
            #expect(flushes[1].disk[path] == new, "\(path) does not hold its new bytes at the second flush")
            #expect(flushes[1].temporaries[path] == nil, "\(path)'s temporary file is left at the second flush")
        }
        #expect(scratch.files(root).keys.filter { $0.hasSuffix(".tmp") }.isEmpty)
    }
}

/// What a run did, in order, with what the disk held at each flush.
private final class WriteLog: @unchecked Sendable {
    struct Event {
        var kind: String
        /// The vault path staged or renamed.
        var path = ""
        /// At a flush: each staged file's bytes on disk, and its temporary file's bytes, by vault path.
        var disk: [String: Data] = [:]
        var temporaries: [String: Data] = [:]
    }

    private let root: String
    private let lock = NSLock()
    private var recorded: [Event] = []
    private var staged: [String: NoteWriter.Staged] = [:]
    private var stagedBytes: [String: Data] = [:]

    init(root: URL) { self.root = root.path + "/" }

    var events: [Event] { lock.withLock { recorded } }
    /// Each staged file's new bytes, by vault path.
    var bytes: [String: Data] { lock.withLock { stagedBytes } }

    private func vaultPath(_ path: String) -> String { String(path.dropFirst(root.count)) }

    func staged(_ file: NoteWriter.Staged, bytes: [UInt8]) {
        let path = vaultPath(file.path)
        lock.withLock {
            staged[path] = file
            stagedBytes[path] = Data(bytes)
            recorded.append(Event(kind: "stage", path: path))
        }
    }

    func flushing() {
        lock.withLock {
            var event = Event(kind: "flush")
            for (path, file) in staged {
                event.disk[path] = FileManager.default.contents(atPath: file.path)
                event.temporaries[path] = FileManager.default.contents(atPath: file.temporary)
            }
            recorded.append(event)
        }
    }

    func renamed(_ file: NoteWriter.Staged) {
        lock.withLock { recorded.append(Event(kind: "rename", path: vaultPath(file.path))) }
    }
}
