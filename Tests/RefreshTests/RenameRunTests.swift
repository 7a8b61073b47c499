import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

/// `vaultgen rename` on disk: all or nothing, behind the lock.
@Suite("vaultgen rename on disk")
struct RenameRunTests {
    static func vault(_ files: [String: String]) throws -> Scratch {
        let scratch = try Scratch("rename")
        try Scratch.markVault(scratch.url)
        for (path, text) in files {
            let url = scratch.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return scratch
    }

    static let files = [
        "Companies/IREN.md": "# IREN\n",
        "Hub.md": "[[IREN]] and [i](Companies/IREN.md)\n",
        "Other.md": "![[IREN]]\n",
    ]

    @Test func renamesAndRewritesThenCheckFindsNothingNew() throws {
        let scratch = try Self.vault(Self.files)
        let before = try CLI.run(["check", scratch.url.path])
        let run = try CLI.run(["rename", "IREN", "Iris Energy", "--vault", scratch.url.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(
            run.out == """
                renamed Companies/IREN.md → Companies/Iris Energy.md
                rewrote Hub.md: 2 links
                rewrote Other.md: 1 link
                renamed 1 file, rewrote 3 links in 2 notes, 0 warnings

                """)
        let files = scratch.files()
        #expect(files["Companies/Iris Energy.md"] == Data("# IREN\n".utf8))
        #expect(files["Companies/IREN.md"] == nil)
        #expect(files["Hub.md"] == Data("[[Iris Energy]] and [i](Companies/Iris%20Energy.md)\n".utf8))
        let after = try CLI.run(["check", scratch.url.path])
        #expect(after.status == before.status)
        #expect(
            after.out.components(separatedBy: "\n").last(where: { !$0.isEmpty })
                == before.out.components(separatedBy: "\n").last(where: { !$0.isEmpty }))
    }

    @Test func dryRunAndDiffWriteNothing() throws {
        let scratch = try Self.vault(Self.files)
        let snapshot = scratch.files()
        let dry = try CLI.run(["rename", "IREN", "Iris Energy", "--vault", scratch.url.path, "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.out.hasSuffix("would rename 1 file, rewrite 3 links in 2 notes, 0 warnings\n"))
        let diff = try CLI.run(["rename", "IREN", "Iris Energy", "--vault", scratch.url.path, "--diff"])
        #expect(diff.status == 0)
        #expect(
            diff.out.contains(
                "-[[IREN]] and [i](Companies/IREN.md)\n+[[Iris Energy]] and [i](Companies/Iris%20Energy.md)\n"))
        #expect(diff.err.contains("would rename Companies/IREN.md → Companies/Iris Energy.md"))
        #expect(scratch.files().filter { !$0.key.hasPrefix(".vaultgen") } == snapshot)
    }

    @Test func aNameThatIsTakenOrMissingIsExitTwoAndChangesNothing() throws {
        let scratch = try Self.vault(Self.files.merging(["Taken.md": ""]) { a, _ in a })
        let snapshot = scratch.files()
        let taken = try CLI.run(["rename", "IREN", "/Taken", "--vault", scratch.url.path])
        #expect(taken.status == 2)
        #expect(taken.err == "vaultgen: error: Taken.md: a file of that name exists; vaultgen never overwrites one\n")
        let missing = try CLI.run(["rename", "Nope", "X", "--vault", scratch.url.path])
        #expect(missing.status == 2)
        #expect(missing.err == "vaultgen: error: Nope: no note, attachment or folder of that name in the vault\n")
        #expect(scratch.files().filter { !$0.key.hasPrefix(".vaultgen") } == snapshot)
    }

    /// A note that is a symbolic link is never moved through (the rule every writer follows): exit 2, nothing changed.
    @Test func aSymbolicLinkIsNotMoved() throws {
        let scratch = try Self.vault(["Real.md": "# Real\n", "Hub.md": "[[Alias]]\n"])
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent("Alias.md").path, withDestinationPath: "Real.md")
        let snapshot = scratch.files()
        let run = try CLI.run(["rename", "Alias", "Other", "--vault", scratch.url.path])
        #expect(run.status == 2)
        #expect(run.err.contains("symbolic link"), "\(run.err)")
        #expect(scratch.files().filter { !$0.key.hasPrefix(".vaultgen") } == snapshot)
    }

    /// A move that fails after the links were rewritten puts every note back as it was.
    @Test func aFailedMoveUndoesEverything() throws {
        let scratch = try Self.vault(Self.files)
        let snapshot = scratch.files()
        var run = RenameRun(vaultRoot: scratch.url, old: "IREN", new: "Iris Energy")
        run.move = { _, to in throw NoteWriter.WriteError(path: to, reason: "injected: disk full") }
        #expect(throws: RenameRun.RunError.self) { try run.run(write: true) }
        let left = scratch.files().filter { !$0.key.hasPrefix(".vaultgen") }
        #expect(left == snapshot)
        // No temporary file is left behind.
        #expect(!left.keys.contains { $0.contains(".vaultgen-") })
    }
}

/// The invariant on the fixture vaults: renaming each of their notes in turn gives `check` no new finding (the
/// renamed note's own findings move with it; ambiguity a rename removes may go). A note the vault's config
/// names by path (`ignore-orphans: [Inbox.md]`) is skipped: the config keeps its old path, as documented.
@Suite("Renaming in the fixture vaults changes no finding")
struct RenameFixtureTests {
    static func findings(_ root: URL) throws -> [String] {
        let vault = try Vault.load(root: root)
        return LinkChecker(vault: vault).check().findings.map { "\($0.kind.rawValue) \($0.path):\($0.line)" }.sorted()
    }

    @Test(arguments: ["check-basic/input", "update-seed/input", "update-backlinks/input"])
    func everyNoteRenamedInTurn(_ fixture: String) throws {
        let source = Repo.fixtures.appendingPathComponent(fixture)
        let config = (try? String(contentsOf: source.appendingPathComponent(".vaultgen.yml"), encoding: .utf8)) ?? ""
        let notes = try Vault.load(root: source).notes.map(\.path).filter { !config.contains($0) }
        #expect(notes.count >= 3)
        for path in notes {
            let scratch = try Scratch("rename-fixture")
            let root = scratch.url.appendingPathComponent("vault")
            try FileManager.default.copyItem(at: source, to: root)
            let before = try Self.findings(root).map {
                $0.replacingOccurrences(
                    of: " \(path):", with: " \(VaultPath.join(VaultPath.folder(of: path), "Renamed note.md")):")
            }
            _ = try RenameRun(vaultRoot: root, old: path, new: "Renamed note").run(write: true)
            let after = try Self.findings(root)
            let new = after.filter { !before.contains($0) }
            #expect(new == [], "\(fixture): renaming \(path)")
            // Only ambiguity may go away.
            #expect(
                before.filter { !after.contains($0) }.allSatisfy { $0.hasPrefix("ambiguous-link") },
                "\(fixture): \(path)")
        }
    }
}
