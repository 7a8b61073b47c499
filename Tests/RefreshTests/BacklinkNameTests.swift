import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

/// Backlinks to notes whose names a `[[link]]` cannot hold (issue 15, item 6): `|` starts an alias, `#` a
/// heading, `^` a block, `]]` ends the link and a line break ends the line, so `[[A#B]]` links elsewhere or
/// nowhere. Such a note is left out of the lists, with a warning naming it; a second run changes nothing.
@Suite("Backlinks: names a link cannot hold")
struct BacklinkNameTests {
    static let names = ["Plain", "Sq]uare", "A#B", "Pipe|Name", "Caret^1", "Close]]Name", "End]", "Two\nLines"]

    static func vault() -> [String: String] {
        var texts = ["Target.md": "# Target\n\n## Related\n"]
        for name in names { texts["\(name).md"] = "Points at [[Target]].\n" }
        return texts
    }

    static func plan(_ texts: [String: String]) -> UpdatePlan {
        let vault = Vault(texts: texts)
        let sources = vault.notes.map { SourceText(texts[$0.path]!) }
        return VaultUpdater(vault: vault, sources: sources, templates: RenderedNote.templates).plan(
            prices: [:], options: .init())
    }

    @Test func onlyNamesThatReadBackAreListedAndTheOthersAreNamedInAWarning() {
        let texts = Self.vault()
        let first = Self.plan(texts)
        #expect(first.changes.map(\.path) == ["Target.md"])
        let target = String(decoding: first.changes[0].updated, as: UTF8.self)
        #expect(target == "# Target\n\n## Related\n\n### Backlinks\n- [[Plain]]\n- [[Sq]uare]]\n")
        let warned = first.warnings.filter { $0.message.hasPrefix("left out of the backlinks of") }
        #expect(
            warned.map(\.path).sorted() == [
                "A#B.md", "Caret^1.md", "Close]]Name.md", "End].md", "Pipe|Name.md", "Two\nLines.md",
            ])
        #expect(
            first.warnings.contains {
                $0.path == "A#B.md"
                    && $0.message
                        == "left out of the backlinks of Target.md: [[A#B]] would not link to it (in a link, | starts "
                        + "an alias, # a heading, ^ a block, ]] ends it, and a line break ends the line); rename it to "
                        + "have it listed"
            }, "\(first.warnings)")
        // The listed names resolve to their notes.
        let after = Vault(texts: texts.merging(["Target.md": target]) { $1 })
        let resolver = LinkResolver(index: VaultIndex(after))
        let note = after.notes.first { $0.path == "Target.md" }!
        let targets = note.links.map { link -> String? in
            guard case .file(let file, nil) = resolver.resolve(link.target, from: note.path) else { return nil }
            return resolver.index.files[file].path
        }
        #expect(targets == ["Plain.md", "Sq]uare.md"])
        // A second run changes nothing.
        var second = texts
        second["Target.md"] = target
        #expect(Self.plan(second).changes.isEmpty)
    }
}
