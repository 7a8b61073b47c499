import Foundation
import Refresh
import TestSupport
import Testing

@Suite("UnifiedDiff: the patch git apply and patch -p1 take")
struct UnifiedDiffTests {
    @Test func aLastLineWithoutNewlineIsMarkedOnItsSide() {
        #expect(
            UnifiedDiff.render(old: "a\nb", new: "a\nb\nc\n", path: "N.md") == """
                --- a/N.md\t
                +++ b/N.md\t
                @@ -1,2 +1,3 @@
                 a
                -b
                \\ No newline at end of file
                +b
                +c

                """)
        #expect(
            UnifiedDiff.render(old: "a\nb\n", new: "a\nc", path: "N.md") == """
                --- a/N.md\t
                +++ b/N.md\t
                @@ -1,2 +1,2 @@
                 a
                -b
                +c
                \\ No newline at end of file

                """)
    }

    @Test func anUnchangedLastLineWithoutNewlineIsMarkedOnce() {
        #expect(
            UnifiedDiff.render(old: "a\nb\nc", new: "A\nb\nc", path: "N.md") == """
                --- a/N.md\t
                +++ b/N.md\t
                @@ -1,3 +1,3 @@
                -a
                +A
                 b
                 c
                \\ No newline at end of file

                """)
    }

    @Test func crlfLinesKeepTheirCarriageReturn() {
        #expect(
            UnifiedDiff.render(old: "a\r\nb\r\n", new: "a\r\nB\r\n", path: "N.md")
                == "--- a/N.md\t\n+++ b/N.md\t\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n")
    }

    @Test func anEmptyNote() {
        #expect(
            UnifiedDiff.render(old: "", new: "x\n", path: "N.md") == "--- a/N.md\t\n+++ b/N.md\t\n@@ -0,0 +1,1 @@\n+x\n"
        )
        #expect(UnifiedDiff.render(old: "", new: "", path: "N.md") == "")
    }

    @Test func namesEndAtATabOrAreQuoted() {
        #expect(
            UnifiedDiff.render(old: "a\n", new: "b\n", path: "Sub/My note.md").hasPrefix(
                "--- a/Sub/My note.md\t\n+++ b/Sub/My note.md\t\n"))
        #expect(
            UnifiedDiff.render(old: "a\n", new: "b\n", path: "q\"é.md").hasPrefix(
                "--- \"a/q\\\"\\303\\251.md\"\n+++ \"b/q\\\"\\303\\251.md\"\n"))
    }

    /// Swift calls "é" and "e" + U+0301 equal; the diff compares bytes.
    @Test func linesAreComparedAsBytes() {
        #expect(UnifiedDiff.render(old: "\u{E9}\n", new: "e\u{301}\n", path: "N.md") != "")
    }

    /// Each pair's patch, applied to the old text by both tools, gives the new text byte for byte.
    @Test(
        .enabled(if: PatchTools.available, PatchTools.missing),
        arguments: [
            ("no final newline, then one", "a\nb\nc", "a\nb\nc\nd\n"),
            ("a final newline dropped", "a\nb\n", "a\nB"),
            ("neither has one", "1\n2\n3\n4\n5\n6\n7\n8\n9", "1\n2\n3\n4\n5\n6\n7\n8\nnine"),
            ("CRLF", "a\r\nb\r\nc\r\n", "a\r\nb\r\n\r\n### X\r\n- [[Y]]\r\nc\r\n"),
            ("CR only", "a\rb\r", "a\rb\r\r- [[Y]]\r"),
            ("empty to text", "", "x\n"),
            ("text to empty", "x\ny", ""),
            (
                "hunks apart", (1...40).map { "\($0)\n" }.joined(),
                (1...40).map { $0 % 13 == 0 ? "x\n" : "\($0)\n" }.joined()
            ),
        ] as [(String, String, String)])
    func appliesWithGitAndPatch(_ name: String, old: String, new: String) throws {
        for path in ["N.md", "Sub/My note.md"] {
            let patch = UnifiedDiff.render(old: old, new: new, path: path)
            for tool in PatchTools.allCases {
                let scratch = try Scratch("unified-diff")
                let file = scratch.url.appendingPathComponent("vault/\(path)")
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(old.utf8).write(to: file)
                let result = try tool.apply(patch, in: scratch.url.appendingPathComponent("vault"))
                #expect(result.status == 0, "\(name), \(path), \(tool): \(result.output)")
                #expect(try Scratch.read(file) == Data(new.utf8), "\(name), \(path), \(tool)")
            }
        }
    }
}

/// `git apply` and GNU `patch -p1`, run on a patch in a folder.
enum PatchTools: CaseIterable, CustomStringConvertible {
    case git
    case patch

    static let available = allCases.allSatisfy { $0.executable != nil }
    static let missing: Comment = "git or patch is not installed (apt-get install git patch): patch tests skipped"

    var description: String { self == .git ? "git apply" : "patch -p1" }

    var executable: String? {
        let name = self == .git ? "git" : "patch"
        return ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + name }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Applies `patch` in `folder`; the tool's status and output.
    func apply(_ patch: String, in folder: URL) throws -> (status: Int32, output: String) {
        let patchFile = folder.deletingLastPathComponent().appendingPathComponent(
            "\(self == .git ? "git" : "gnu").diff")
        try Data(patch.utf8).write(to: patchFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        // Outside any repository, so that git applies relative to the folder; no whitespace warnings for CRLF.
        process.arguments =
            self == .git
            ? ["apply", "-p1", "--whitespace=nowarn", patchFile.path]
            : ["-p1", "--batch", "--forward", "--no-backup-if-mismatch", "-i", patchFile.path]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
