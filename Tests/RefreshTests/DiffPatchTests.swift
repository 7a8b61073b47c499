import Foundation
import TestSupport
import Testing

/// `vaultgen update --diff` prints a patch that `git apply` and `patch -p1` apply in a copy of the vault, giving
/// byte for byte what `vaultgen update` writes; `--check --diff` prints the same patch and exits 1.
@Suite("update --diff is a clean patch")
struct DiffPatchTests {
    /// Every note gains a backlinks list: a name with spaces and no final newline, CRLF in a subfolder, a
    /// note two folders down; an empty note stays as it is.
    static let notes: [String: String] = [
        "Hub Note.md": "# Hub\n\n## Related\n- [[Empty]]",
        "Sub/CRLF note.md": "# CRLF\r\n\r\n## Related\r\n- [[Empty]]\r\n\r\nA footer.\r\n",
        "Sub/Deeper/Plain.md": "# Plain\n\n## Related\n",
        "Empty.md": "",
        "Other.md": "[[Hub Note]], [[CRLF note]], [[Plain]] and [[Empty]]\n",
    ]

    @Test(.enabled(if: PatchTools.available, PatchTools.missing))
    func theDiffAppliedByGitAndByPatchIsWhatUpdateWrites() throws {
        let scratch = try Scratch("diff-patch")
        let vault = scratch.url.appendingPathComponent("vault")
        try Scratch.markVault(vault)
        for (path, text) in Self.notes {
            let url = vault.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let templates = ["--templates", Repo.templates.path]
        let diff = try CLI.run(["update", vault.path, "--diff"] + templates)
        #expect(diff.status == 0, "\(diff.err)")
        // Standard output is the patch alone; the summary is on standard error.
        #expect(diff.out.hasPrefix("--- a/"))
        #expect(!diff.out.contains("notes read"))
        #expect(diff.err.contains("5 notes read, 0 sector notes, 3 changed"), "\(diff.err)")
        #expect(diff.out.contains("--- a/Hub Note.md\t\n+++ b/Hub Note.md\t\n"))
        #expect(diff.out.contains("-- [[Empty]]\n\\ No newline at end of file\n"))
        #expect(diff.out.contains("+++ b/Sub/CRLF note.md\t\n"))
        #expect(diff.out.contains("+### Backlinks\r\n"))

        let checkDiff = try CLI.run(["update", vault.path, "--check", "--diff"] + templates)
        #expect(checkDiff.status == 1)
        #expect(checkDiff.out == diff.out)

        var copies: [PatchTools: URL] = [:]
        for tool in PatchTools.allCases {
            let copy = scratch.url.appendingPathComponent("copy-\(tool == .git ? "git" : "patch")")
            try FileManager.default.copyItem(at: vault, to: copy)
            let result = try tool.apply(diff.out, in: copy)
            #expect(result.status == 0, "\(tool): \(result.output)")
            copies[tool] = copy
        }
        let write = try CLI.run(["update", vault.path] + templates)
        #expect(write.status == 0, "\(write.err)")
        let written = Scratch.snapshot(vault).filter { !$0.key.hasPrefix(".vaultgen/") }
        #expect(written["Hub Note.md"] != Data(Self.notes["Hub Note.md"]!.utf8))
        for (tool, copy) in copies {
            let patched = Scratch.snapshot(copy)
            #expect(patched.keys.sorted() == written.keys.sorted(), "\(tool)")
            for (path, data) in written {
                #expect(patched[path] == data, "\(tool): \(path)")
            }
        }

        // Nothing left to change: no patch, status 0.
        let again = try CLI.run(["update", vault.path, "--check", "--diff"] + templates)
        #expect(again.status == 0)
        #expect(again.out == "")
        #expect(again.err.contains("0 changed"))
    }
}
