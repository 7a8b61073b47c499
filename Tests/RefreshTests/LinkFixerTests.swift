import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

@Suite("check --fix repairs only what has one sensible fix")
struct LinkFixerTests {
    static func fix(_ texts: [String: String], attachments: [String] = []) -> (texts: [String: String], fixes: [String])
    {
        let vault = Vault(texts: texts, attachments: attachments)
        let (plan, fixes) = LinkFixer(vault: vault, sources: vault.notes.map { SourceText(texts[$0.path]!) }).plan()
        return (RenamePlannerTests.apply(plan, to: texts), fixes.map(\.description))
    }

    @Test func brokenLinksWithOneCandidateAreFixed() {
        let texts = [
            "Companies/Hut 8.md": "# Hut 8\n\n## AI Strategy\n",
            "Alpha.md": "# Alpha\n",
            "Home.md": "[[hut-8]], [[Alpah]], [[Hut 8#AI strategie]], ![[chrt.png]], ![[chart.jpg]], [t](Alpah.md)\n",
        ]
        let (after, fixes) = Self.fix(texts, attachments: ["Attachments/chart.png"])
        // A .jpg is never fixed into a .png: ![[chart.jpg]] stays broken.
        #expect(
            after["Home.md"]
                == "[[Hut 8]], [[Alpha]], [[Hut 8#AI Strategy]], ![[chart.png]], ![[chart.jpg]], [t](Alpha.md)\n")
        #expect(
            fixes == [
                "Home.md:1:1: [[hut-8]] → [[Hut 8]] (the one name that matches once case, accents and punctuation are set aside)",
                "Home.md:1:12: [[Alpah]] → [[Alpha]] (the one name within 1 edit)",
                "Home.md:1:23: [[Hut 8#AI strategie]] → [[Hut 8#AI Strategy]] (the one heading of Hut 8 that close)",
                "Home.md:1:47: ![[chrt.png]] → ![[chart.png]] (the one name within 1 edit)",
                "Home.md:1:78: [t](Alpah.md) → [t](Alpha.md) (the one name within 1 edit)",
            ])
    }

    @Test func twoCandidatesOrNoneAreLeftAlone() {
        let texts = [
            "Beta.md": "", "Bets.md": "", "A/Note.md": "", "B/Note.md": "",
            "Home.md": "[[Betx]] [[Zzzzzz]] [[Nothing like it]]\n",
        ]
        let (after, fixes) = Self.fix(texts)
        #expect(after["Home.md"] == texts["Home.md"])
        #expect(fixes == [])
    }

    @Test func anAmbiguousLinkNamesTheFileItResolvesToToday() {
        let texts = ["A/Note.md": "", "B/Note.md": "", "C/Home.md": "[[Note]] and [[A/Note]]\n"]
        let (after, fixes) = Self.fix(texts)
        #expect(after["C/Home.md"] == "[[A/Note]] and [[A/Note]]\n")
        #expect(fixes.count == 1)
    }

    @Test func theCommandFixesThenChecksAgain() throws {
        let scratch = try Scratch("fix")
        try Scratch.markVault(scratch.url)
        try Data("# Alpha\n".utf8).write(to: scratch.url.appendingPathComponent("Alpha.md"))
        try Data("[[Alpah]] and [[Gone]]\n".utf8).write(to: scratch.url.appendingPathComponent("Home.md"))
        let diff = try CLI.run(["check", scratch.url.path, "--fix", "--diff"])
        #expect(diff.status == 1)
        #expect(diff.out.contains("-[[Alpah]] and [[Gone]]\n+[[Alpha]] and [[Gone]]\n"))
        #expect(
            try String(contentsOf: scratch.url.appendingPathComponent("Home.md"), encoding: .utf8)
                == "[[Alpah]] and [[Gone]]\n")
        // From the vault's root, the fixed note is named from there.
        let fixed = try CLI.run(["check", "--fix"], in: scratch.url)
        #expect(fixed.status == 1)  // [[Gone]] has no candidate: still an error
        #expect(fixed.err.contains("fixed Home.md:1:1: [[Alpah]] → [[Alpha]]"))
        #expect(fixed.out.contains("broken link [[Gone]]"))
        #expect(!fixed.out.contains("Alpah"))
        #expect(
            try String(contentsOf: scratch.url.appendingPathComponent("Home.md"), encoding: .utf8)
                == "[[Alpha]] and [[Gone]]\n")
    }
}
