import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One rule for every writer (issue 15, 9): a note, a chart or a price file that is a symbolic link is never
/// written through or replaced; the run says so, and a note it leads to is refreshed under its own path.
@Suite("Symbolic links: never written through or over, and said")
struct SymbolicLinkTests {
    @Test func aNoteThatIsALinkStaysALinkAndTheRunSaysSo() throws {
        let scratch = try Scratch("note-link")
        let root = scratch.url.appendingPathComponent("v")
        try BusyVault.make(at: root, notes: 3)
        let alias = root.appendingPathComponent("Busy/Alias.md")
        symlink("Note 1.md", alias.path)
        // A note linking to the link by its name: the link's own Related section would get a backlink.
        try Data("# Linker\n\n[[Alias]]\n".utf8).write(to: root.appendingPathComponent("Busy/Linker.md"))
        let update = try CLI.run(["update", root.path, "--templates", Repo.templates.path])
        #expect(update.status == 0)
        #expect(
            update.err.contains(
                "Busy/Alias.md: warning: left as it was: it is a symbolic link to Busy/Note 1.md, and vaultgen never "
                    + "writes through or over one (a note it leads to is refreshed under its own path)"),
            "\(update.err)")
        #expect(!update.out.contains("Alias"), "\(update.out)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: alias.path) == "Note 1.md")
        // The note it leads to got its backlinks, under its own path.
        let note = try String(contentsOf: root.appendingPathComponent("Busy/Note 1.md"), encoding: .utf8)
        #expect(note.contains("### Backlinks\n- [[Note 0]]\n"), "\(note)")
        // A second run changes nothing, and says it again.
        let again = try CLI.run(["update", root.path, "--templates", Repo.templates.path, "--check"])
        #expect(again.status == 0)
        #expect(again.err.contains("Busy/Alias.md: warning: left as it was: it is a symbolic link"))
    }

    /// A note reached through a folder that is a link is a link too: written once, under its own path.
    @Test func aNoteInAFolderThatIsALinkIsWrittenOnceUnderItsOwnPath() throws {
        let scratch = try Scratch("folder-link")
        let root = scratch.url.appendingPathComponent("v")
        try BusyVault.make(at: root, notes: 3)
        symlink("Busy", root.appendingPathComponent("Mirror").path)
        let update = try CLI.run(["update", root.path, "--templates", Repo.templates.path])
        #expect(update.status == 0, "\(update.err)")
        #expect(
            update.err.contains(
                "Mirror/Note 1.md: warning: left as it was: it is a symbolic link to Busy/Note 1.md"),
            "\(update.err)")
        #expect(!update.err.contains("changed while vaultgen ran"), "\(update.err)")
        #expect(update.out.contains("Busy/Note 1.md"))
        #expect(!update.out.contains("Mirror/"), "\(update.out)")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("Mirror").path)
                == "Busy")
        let again = try CLI.run(["update", root.path, "--templates", Repo.templates.path, "--check"])
        #expect(again.status == 0, "\(again.out)")
    }

    @Test func aChartThatIsALinkIsNotDrawnOver() throws {
        let scratch = try Scratch("chart-link")
        let root = scratch.url.appendingPathComponent("v")
        try BusyVault.make(at: root, notes: 1)
        let attachments = root.appendingPathComponent("Attachments")
        try FileManager.default.createDirectory(at: attachments, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: attachments.appendingPathComponent("mine.png"))
        symlink("mine.png", attachments.appendingPathComponent("crypto-to-ai-sector-chart.png").path)
        let update = try CLI.run(["update", root.path, "--templates", Repo.templates.path])
        #expect(update.status == 0)
        #expect(
            update.err.contains(
                "warning: sector chart crypto-to-ai-sector-chart.png left as it was: \(attachments.path)/crypto-to-ai-sector-chart.png: it is a symbolic link, and vaultgen never writes through or over one"
            ), "\(update.err)")
        #expect(try Data(contentsOf: attachments.appendingPathComponent("mine.png")) == Data("mine\n".utf8))
        #expect(
            try FileManager.default.destinationOfSymbolicLink(
                atPath: attachments.appendingPathComponent("crypto-to-ai-sector-chart.png").path) == "mine.png")
    }
}
