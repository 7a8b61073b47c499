import Foundation
import TestSupport
import Testing

/// `vaultgen check` on small vaults written by the test: its exit status and what it finds.
@Suite("vaultgen check: exit status and findings on small vaults")
struct CheckCommandTests {
    /// A scratch vault holding `notes` (path → text).
    static func vault(_ notes: [String: String]) throws -> Scratch {
        let scratch = try Scratch("check")
        for (path, text) in notes {
            try Data(text.utf8).write(to: scratch.url.appendingPathComponent(path))
        }
        return scratch
    }

    static let orphaned = ["A.md": "[[B]]\n", "B.md": "[[A]]\n", "C.md": "Nobody links here.\n"]

    /// Warnings are reported, and only errors fail: the exit status says whether anything is broken.
    @Test func aVaultWhoseOnlyFindingIsAnOrphanWarningExitsZero() throws {
        let scratch = try Self.vault(Self.orphaned)
        let root = scratch.url.path
        let result = try CLI.run(["check", root])
        #expect(
            result.out == """
                \(root)/C.md:1:1: warning: orphan note: no other note links to C
                3 notes, 2 links, 0 attachments: 0 errors, 1 warning

                """)
        #expect(result.status == 0)
    }

    /// `check` has no option that makes warnings fail (`update` has `--strict`); the config makes a kind an error.
    @Test func anOrphanMadeAnErrorByTheConfigExitsOne() throws {
        let scratch = try Self.vault(
            Self.orphaned.merging([".vaultgen.yml": "check:\n  severity: {orphan-note: error}\n"]) { _, new in new })
        let root = scratch.url.path
        let result = try CLI.run(["check", root])
        #expect(
            result.out == """
                \(root)/C.md:1:1: error: orphan note: no other note links to C
                3 notes, 2 links, 0 attachments: 1 error, 0 warnings

                """)
        #expect(result.status == 1)
    }

    /// Headings match ignoring case and repeated spaces, as Obsidian matches them.
    @Test func aHeadingLinkInAnotherCaseFindsTheHeading() throws {
        let scratch = try Self.vault([
            "N.md": "# N\n\n## Some Heading\n\nBack to [[A]].\n",
            "A.md": "See [[N#some heading]] and [[N#SOME  heading]].\n",
        ])
        let result = try CLI.run(["check", scratch.url.path])
        #expect(result.out == "2 notes, 3 links, 0 attachments: 0 errors, 0 warnings\n")
        #expect(result.status == 0)
    }
}
