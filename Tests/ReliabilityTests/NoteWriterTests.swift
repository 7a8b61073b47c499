import Foundation
import Refresh
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("NoteWriter: staged files renamed in a batch")
struct NoteWriterTests {
    /// Descriptors this process holds on files below `folder` (a replaced file shows as `path (deleted)`).
    private static func descriptors(under folder: URL) -> [String] {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.compactMap { fd in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
                target.hasPrefix(folder.path + "/")
            else { return nil }
            return target
        }
    }

    @Test func aBatchReplacesEveryFileReportsTheOneThatFailsAndHoldsNothingOpen() throws {
        let scratch = try Scratch("commit-batch")
        let root = scratch.url.appendingPathComponent("v")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var batch: [NoteWriter.Staged] = []
        for i in 0..<600 {
            let path = root.appendingPathComponent("Note \(i).md").path
            try Data("old \(i)\n".utf8).write(to: URL(fileURLWithPath: path))
            batch.append(try #require(try NoteWriter.stage(Array("new \(i)\n".utf8), to: path)))
        }
        // A new file (nothing to replace) and a staged file that vanished before its rename.
        let fresh = root.appendingPathComponent("Fresh.md").path
        batch.append(try #require(try NoteWriter.stage(Array("fresh\n".utf8), to: fresh)))
        unlink(batch[7].temporary)

        let results = NoteWriter.commit(batch, releasers: 3)

        #expect(results.count == batch.count)
        for (i, result) in results.enumerated() {
            switch result {
            case .success:
                #expect(i != 7)
            case .failure(let error):
                #expect(i == 7)
                #expect(error.path == batch[7].path)
                #expect(error.reason.hasPrefix("rename failed: No such file or directory"))
            }
        }
        let files = scratch.files(root)
        #expect(files.count == 601)
        #expect(files["Note 7.md"] == Data("old 7\n".utf8))
        #expect(files["Note 0.md"] == Data("new 0\n".utf8))
        #expect(files["Note 599.md"] == Data("new 599\n".utf8))
        #expect(files["Fresh.md"] == Data("fresh\n".utf8))
        #expect(files.keys.filter { $0.hasPrefix(".") }.isEmpty)
        // Every replaced file was held through its rename and is closed now.
        #expect(Self.descriptors(under: root).prefix(3) == [])
    }

    /// The writers' one rule: a symbolic link is never written through or replaced, when the file is staged or
    /// when a link takes its place between staging and the rename.
    @Test func aSymbolicLinkIsNeitherWrittenThroughNorReplaced() throws {
        let scratch = try Scratch("commit-link")
        let target = scratch.url.appendingPathComponent("target.md")
        try Data("target\n".utf8).write(to: target)
        let link = scratch.url.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect {
            try NoteWriter.stage(Array("new\n".utf8), to: link.path)
        } throws: { error in
            (error as? NoteWriter.WriteError)?.description
                == "\(link.path): cannot be written: it is a symbolic link, and vaultgen never writes through or over one"
        }
        // Staged while it was a file; a link by the time of the rename.
        let file = scratch.url.appendingPathComponent("file.md")
        try Data("file\n".utf8).write(to: file)
        let staged = try #require(try NoteWriter.stage(Array("new\n".utf8), to: file.path))
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)

        let results = NoteWriter.commit([staged])

        #expect(results.count == 1)
        if case .success = results[0] { Issue.record("the link was replaced") }
        #expect(try Data(contentsOf: target) == Data("target\n".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: file.path) == target.path)
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)) == [
                "target.md", "link.md", "file.md",
            ])
        #expect(Self.descriptors(under: scratch.url).prefix(3) == [])
    }
}

@Suite("NoteWriter: names near NAME_MAX")
struct LongNameTests {
    /// 246 bytes of name: with `.` and `.vaultgen-PID.tmp` the plain temporary name would pass 255.
    static let name = String(repeating: "é", count: 120) + "abc.md"

    @Test func theTemporaryNameFitsAndIsStillALeftoverByItsLook() {
        #expect(Self.name.utf8.count == 246)
        let temporary = NoteWriter.temporaryName(for: Self.name, pid: 4_194_304)
        #expect(temporary.utf8.count <= 255)
        #expect(temporary.hasPrefix(".éé") && temporary.hasSuffix(".vaultgen-4194304.tmp"))
        // Another name with the same start gets another temporary name.
        let other = String(repeating: "é", count: 120) + "abd.md"
        #expect(NoteWriter.temporaryName(for: other, pid: 4_194_304) != temporary)
        #expect(NoteWriter.temporaryName(for: "Short.md", pid: 7) == ".Short.md.vaultgen-7.tmp")
    }

    @Test func aNoteWithANameNearNameMaxIsUpdatedAndItsLeftoverCleared() throws {
        let scratch = try Scratch("long-name")
        let root = scratch.url.appendingPathComponent("v")
        try Scratch.markVault(root)
        let stem = String(Self.name.dropLast(3))
        try Data("# Long\n\n## Related\n".utf8).write(to: root.appendingPathComponent(Self.name))
        try Data("# Other\n\n[[\(stem)]]\n".utf8).write(to: root.appendingPathComponent("Other.md"))
        // What a run killed mid-write left behind.
        let leftover = NoteWriter.temporaryName(for: Self.name, pid: 4_194_304)
        try Data("half".utf8).write(to: root.appendingPathComponent(leftover))

        let update = try CLI.run(["update", root.path, "--templates", Repo.templates.path])

        #expect(update.status == 0, "\(update.err)")
        let text = try String(contentsOf: root.appendingPathComponent(Self.name), encoding: .utf8)
        #expect(text == "# Long\n\n## Related\n\n### Backlinks\n- [[Other]]\n")
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: root.path)).subtracting([".vaultgen", ".obsidian"])
                == [Self.name, "Other.md"])
    }
}
