import Foundation
import Testing

@testable import VaultModel

/// A NUL byte is valid UTF-8: Obsidian reads such a note, and so does vaultgen.
@Suite("Notes with a NUL byte are read and checked")
struct NulByteTests {
    @Test func aNulInValidUTF8IsText() {
        #expect(Vault.textProblem(Array("```\na\u{0}b\n```\n".utf8), path: "N.md") == nil)
    }

    @Test func aNulInAFileThatIsNotUTF8IsBinaryData() {
        let bytes: [UInt8] = Array("# Binary\n\nline three ".utf8) + [0x00, 0x01, 0xFF, 0xFE, 0x0A]
        #expect(
            Vault.textProblem(bytes, path: "N.md")
                == VaultProblem(path: "N.md", line: 3, message: "contains binary data (a NUL byte); not read as a note")
        )
    }

    @Test func aNulThatStartsALineIsReportedOnThatLine() {
        let bytes: [UInt8] = Array("# Binary\n\nline three\n".utf8) + [0x00, 0xFF, 0x0A]
        #expect(Vault.textProblem(bytes, path: "N.md")?.line == 4)
    }

    /// cmark reads a NUL as U+FFFD (three bytes); the columns vaultgen gets stay in the note's bytes.
    @Test func blockColumnsAfterANulAreBytes() {
        let blocks = CmarkDocument.parseBlocks("ab\u{0}cd\n\n> \u{0} q\n")
        #expect(
            blocks.map { "\($0.startLine):\($0.startColumn)-\($0.endLine):\($0.endColumn)" } == [
                "1:1-1:5", "3:1-3:5", "3:3-3:5",
            ])
    }

    @Test func brokenLinkAndEmbedOfANoteWithANulInACodeBlockAreReported() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vaultgen-nul-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("# Dump\n\n```\nbytes: \u{0}\u{0}\n```\n\n[[Missing]] and ![[gone.png]], [[Home]]\n".utf8).write(
            to: root.appendingPathComponent("Dump.md"))
        try Data("[[Dump]]\n".utf8).write(to: root.appendingPathComponent("Home.md"))
        let result = LinkChecker(vault: try Vault.load(root: root)).check()
        #expect(
            result.findings.map { CheckReport.line($0) } == [
                "Dump.md:7:1: error: broken link [[Missing]]: no note named Missing",
                "Dump.md:7:17: error: missing attachment ![[gone.png]]: no file named gone.png in the vault",
            ])
        #expect(result.links == 4)
    }
}
