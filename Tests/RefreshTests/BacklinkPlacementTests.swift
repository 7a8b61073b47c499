import Foundation
import TestSupport
import Testing

/// Where `update` puts the generated `### Backlinks` subsection, and that it never changes how a note renders.
@Suite("Backlinks: one place, one blank line, the same rendering")
struct BacklinkPlacementTests {
    /// The note after one run, with `Linker one` and `b/Zed` linking to it.
    static func updated(_ text: String) -> String {
        RenderedNote.update(RenderedNote.vault(target: text, linked: true))["Target.md"]!
    }

    static let generated = "### Backlinks\n- [[Linker one]]\n- [[Zed]]"

    @Test func u1AListThenABlankLineThenAParagraph() {
        let before = "# T\n\n## Related\n- [[Old]]\n\nA closing paragraph.\n"
        #expect(Self.updated(before) == "# T\n\n## Related\n- [[Old]]\n\n\(Self.generated)\n\nA closing paragraph.\n")
        RenderedNote.expectUnchangedRendering(before)
    }

    @Test func u2ASectionEndingInAMultiLineHTMLComment() {
        let before = "## Related\n- [[Old]]\n\n<!--\nnote to self\n-->\n"
        #expect(Self.updated(before) == "## Related\n- [[Old]]\n\n\(Self.generated)\n\n<!--\nnote to self\n-->\n")
        RenderedNote.expectUnchangedRendering(before)
        let noList = "## Related\n<!--\nnote to self\n-->\n"
        #expect(Self.updated(noList) == "## Related\n\n\(Self.generated)\n\n<!--\nnote to self\n-->\n")
        RenderedNote.expectUnchangedRendering(noList, exact: false)
    }

    @Test func u3ASetextRelatedHeading() {
        let before = "# T\n\nRelated\n-------\n"
        #expect(Self.updated(before) == "# T\n\nRelated\n-------\n\n\(Self.generated)\n")
        RenderedNote.expectUnchangedRendering(before)
        RenderedNote.expectUnchangedRendering("Related\n-------\nSome text.\n", exact: false)
        RenderedNote.expectUnchangedRendering("Related\n-------\n- [[Old]]\n\nfooter\n")
    }

    @Test func u4AnItemEndingInAFencedCodeBlockThenAParagraph() {
        let before = "## Related\n- [[Old]]\n  ```\n  code\n  ```\n\nAfter the code.\n"
        #expect(
            Self.updated(before)
                == "## Related\n- [[Old]]\n  ```\n  code\n  ```\n\n\(Self.generated)\n\nAfter the code.\n")
        RenderedNote.expectUnchangedRendering(before)
    }

    @Test func aStaleListWithALazyLineKeepsThatLineOutOfEveryList() {
        let before = "## Related\n- [[Old]] by hand\n\n### Backlinks\n- [[Old]]\nWritten right after.\n"
        #expect(
            Self.updated(before) == "## Related\n- [[Old]] by hand\n\n\(Self.generated)\n\nWritten right after.\n")
        RenderedNote.expectUnchangedRendering(before)
        let removed = RenderedNote.update(RenderedNote.vault(target: before, linked: false))["Target.md"]!
        #expect(removed == "## Related\n- [[Old]] by hand\n\nWritten right after.\n")
        RenderedNote.expectUnchangedRendering(before, linked: false)
    }

    @Test func aNewSectorNoteAndTheSeedGetTheListInTheSamePlace() {
        let newSector = "# N\n\n## Related\n\n*Created 2026-01-30*\n"
        #expect(Self.updated(newSector) == "# N\n\n## Related\n\n\(Self.generated)\n\n*Created 2026-01-30*\n")
        let seed = "# S\n\n## Related\n\n### Concepts\n- [[Old]] — thesis\n\n*Created 2026-01-30*\n"
        #expect(
            Self.updated(seed)
                == "# S\n\n## Related\n\n### Concepts\n- [[Old]] — thesis\n\n\(Self.generated)\n\n*Created 2026-01-30*\n"
        )
        RenderedNote.expectUnchangedRendering(newSector)
        RenderedNote.expectUnchangedRendering(seed)
    }

    @Test func textRightAfterTheGeneratedListGetsABlankLine() {
        let before = "## Related\n\n### Backlinks\n- [[Linker one]]\n- [[Zed]]\nMy own line.\n"
        #expect(Self.updated(before) == "## Related\n\n\(Self.generated)\n\nMy own line.\n")
        RenderedNote.expectUnchangedRendering(before)
        let fresh = "## Related\n- [[Old]]\n## Next\n"
        #expect(Self.updated(fresh) == "## Related\n- [[Old]]\n\n\(Self.generated)\n\n## Next\n")
        RenderedNote.expectUnchangedRendering(fresh, exact: false)
    }

    @Test func addingThenRemovingRestoresTheBytes() {
        for before in [
            "## Related\n- [[Old]]", "## Related", "## Related\r\n- [[Old]]\r\n\r\n*Created*\r\n",
            "## Related\r- [[Old]]\r\rfooter\r", "\u{FEFF}## Related\n- [[Old]]\n",
        ] {
            RenderedNote.expectUnchangedRendering(before, "\(before.debugDescription)")
        }
        #expect(Self.updated("## Related\n- [[Old]]") == "## Related\n- [[Old]]\n\n\(Self.generated)")
        #expect(
            Self.updated("## Related\r\n- [[Old]]\r\n\r\n*Created*\r\n")
                == "## Related\r\n- [[Old]]\r\n\r\n### Backlinks\r\n- [[Linker one]]\r\n- [[Zed]]\r\n\r\n*Created*\r\n")
    }

    @Test func textThatWouldJoinTheListSendsItToTheEndOfTheSection() {
        let before = "## Related\n1. [[Old]]\n\n  indented footer\n\n## Next\n"
        #expect(Self.updated(before) == "## Related\n1. [[Old]]\n\n  indented footer\n\n\(Self.generated)\n\n## Next\n")
        RenderedNote.expectUnchangedRendering(before)
        // Not at the end when that is inside a fence left open: the indented line joins the list (no place keeps
        // the rendering), but the list is a list and the next run leaves it alone.
        let open = "## Related\n  indented\n\n```\nopen\n"
        let updated = Self.updated(open)
        #expect(updated == "## Related\n\n\(Self.generated)\n\n  indented\n\n```\nopen\n")
        #expect(Self.updated(updated) == updated)
    }

    @Test func theSeedsFooterRendersAsItsOwnParagraph() throws {
        // What a run writes (the fixture test compares it byte for byte) and the sample vault after `make run`.
        for url in [
            Repo.fixtures.appendingPathComponent("update-seed/expected/Sectors/Crypto-to-AI.md"),
            Repo.sampleVault.appendingPathComponent("Sectors/Crypto-to-AI.md"),
        ] {
            let html = RenderedNote.html(try String(contentsOf: url, encoding: .utf8))
            #expect(html.hasSuffix("</ul>\n<p><em>Created 2026-01-30</em></p>\n"), "\(url.path)")
            #expect(!html.contains("<em>Created 2026-01-30</em></li>"), "\(url.path)")
        }
    }

    @Test("Every layout of the corpus renders as before", arguments: RelatedLayouts.all)
    func corpus(_ layout: RelatedLayouts.Layout) {
        RenderedNote.expectUnchangedRendering(layout.text, exact: layout.exact, "\(layout.name)")
        RenderedNote.expectUnchangedRendering(layout.text, linked: false, "\(layout.name), no backlinks")
    }
}
