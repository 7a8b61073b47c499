import Correlation
import Foundation
import TestSupport
import Testing
import VaultModel

@testable import Refresh

@Suite("Running update: templates, lock, diff, new notes")
struct UpdateRunTests {
    @Test func templateThatDoesNotParseStopsBeforeAnyNoteIsTouched() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let templates = vault.root.appendingPathComponent(".templates")
        try FileManager.default.copyItem(at: Repo.templates, to: templates)
        try "{{% CONTENT_TYPE: TEXT}}\n{{#rows}}\n| {{pair}} |\n".write(
            to: templates.appendingPathComponent("pair-table.mustache"), atomically: true, encoding: .utf8)
        let before = try vault.files()
        let run = UpdateRun(vaultRoot: vault.root, templatesFolder: templates, options: .init())
        #expect {
            try run.run(mode: .write)
        } throws: { error in
            "\(error)".hasPrefix(templates.path + "/pair-table.mustache:") && "\(error)".contains("does not parse")
        }
        #expect(try vault.files() == before)
    }

    @Test func templateWithoutTheTextPragmaIsRefused() {
        #expect(throws: TemplateSet.TemplateError.self) {
            try TemplateSet(texts: [
                "pair-table": "{{#rows}}x{{/rows}}", "backlinks": "{{% CONTENT_TYPE: TEXT}}",
                "sector-note": "{{% CONTENT_TYPE: TEXT}}",
            ])
        }
    }

    @Test func templatesCannotIncludeFilesFromOutsideTheirFolder() throws {
        let hostname = try String(contentsOfFile: "/etc/hostname", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let templates = try TemplateSet(texts: [
            "pair-table": "{{% CONTENT_TYPE: TEXT}}[{{> /etc/hostname}}][{{> ../../../../etc/hostname}}]",
            "backlinks": "{{% CONTENT_TYPE: TEXT}}", "sector-note": "{{% CONTENT_TYPE: TEXT}}",
        ])
        let rendered = templates.render("pair-table", ["rows": [String]()])
        #expect(rendered == "[][]")
        #expect(hostname.isEmpty || !rendered.contains(hostname))
    }

    @Test func aWarningNamesAFewPairsNotAThousand() {
        let pairs = (0..<12).map { PairCorrelation(a: "A\($0)", b: "B", r: nil, overlap: 0, reason: "r\($0 % 7)") }
        #expect(
            SectorFigures.problem(of: pairs)
                == "A0-B, A1-B, A2-B, A3-B, A4-B and 7 more pairs n/a: r0; r1; r2; r3; r4; and 2 more reasons")
    }

    @Test func aSecondRunWaitsForTheLockThenGivesUp() throws {
        let vault = try FixtureVault("update-untouched")
        defer { vault.remove() }
        let held = try VaultLock(vaultRoot: vault.root, wait: 0)
        defer { held.release() }
        var run = UpdateRun(vaultRoot: vault.root, templatesFolder: Repo.templates, options: .init())
        run.lockWait = 0.3
        let started = Date()
        #expect {
            try run.run(mode: .write)
        } throws: { error in
            "\(error)".contains("another vaultgen run (pid \(getpid())) holds the lock")
        }
        #expect(Date().timeIntervalSince(started) >= 0.3)
    }

    @Test func aLockLeftByADeadRunIsTakenOver() throws {
        let vault = try FixtureVault("update-untouched")
        defer { vault.remove() }
        // A pid that cannot be running: above the kernel's pid_max limit.
        try FileManager.default.createDirectory(
            at: vault.root.appendingPathComponent(VaultLock.folderName), withIntermediateDirectories: true)
        try "4194304\n".write(
            to: vault.root.appendingPathComponent(VaultLock.fileName), atomically: true, encoding: .utf8)
        let outcome = try FixtureVault.run(vault)
        #expect(
            outcome.lockNote == "took over the lock left by pid 4194304, which no longer runs (a run that was killed)")
        let again = try FixtureVault.run(vault)
        #expect(again.lockNote == nil)
    }

    @Test func unifiedDiff() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n"
        let new = "a\nb\nc\nD\ne\nf\ng\nh\ni\n"
        #expect(
            UnifiedDiff.render(old: old, new: new, path: "N.md") == """
                --- a/N.md\t
                +++ b/N.md\t
                @@ -1,8 +1,9 @@
                 a
                 b
                 c
                -d
                +D
                 e
                 f
                 g
                 h
                +i

                """)
        #expect(UnifiedDiff.render(old: old, new: old, path: "N.md") == "")
    }

    @Test func newSectorNoteIsWhatUpdateWouldWrite() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let (loaded, sources) = try Vault.loadWithSources(root: vault.root)
        let updater = VaultUpdater(
            vault: loaded, sources: sources, templates: try TemplateSet.load(folder: Repo.templates))
        let note = NewSectorNote(
            name: "AI Clouds", tickers: ["CRWV", "IREN", "CIFR"], since: "2024-01", peer: "DC REITs")
        let prices = PriceFolderLoader.load(vault.root, try note.tickersNeeded(in: updater))
        let text = try note.render(in: updater, prices: prices, asOf: nil, created: "2026-01-30")
        #expect(text.hasPrefix("---\ntickers: [CRWV, IREN, CIFR]\nsince: 2024-01\n---\n"))
        #expect(text.contains("| [[CoreWeave]] | CRWV |"))
        #expect(text.contains("| vs [[DC REITs]] | "))
        try text.write(to: vault.root.appendingPathComponent("AI Clouds.md"), atomically: true, encoding: .utf8)
        let outcome = try vault.update(asOf: nil, mode: .look)
        let change = outcome.plan.changes.first { $0.path == "AI Clouds.md" }
        #expect(change == nil)
        #expect(outcome.plan.warnings.isEmpty)
    }
}

extension FixtureVault {
    static func run(_ vault: FixtureVault) throws -> UpdateRun.Outcome {
        try UpdateRun(vaultRoot: vault.root, templatesFolder: Repo.templates, options: .init()).run(mode: .write)
    }
}

/// The backlinks list is built directly only when the template lays it out exactly so; any other template is
/// rendered as written.
@Suite struct BacklinkLayoutTests {
    static let texts = [
        "A.md": "# A\n\nSee [[C]].\n\n## Related\n\n- [[B]]\n",
        "B.md": "# B\n\nSee [[C]] and [[A]].\n",
        "C.md": "# C\n\n## Related\n",
    ]

    static func edit(backlinks template: String) throws -> String? {
        let sources = Self.texts.sorted { $0.key < $1.key }.map { SourceText($0.value) }
        let vault = Vault(texts: Self.texts)
        let templates = try TemplateSet(texts: [
            "pair-table": "{{% CONTENT_TYPE: TEXT}}", "sector-note": "{{% CONTENT_TYPE: TEXT}}",
            "backlinks": template,
        ])
        let writer = BacklinkWriter(
            vault: vault, sources: sources, resolver: LinkResolver(index: VaultIndex(vault)), templates: templates)
        let c = try #require(vault.notes.firstIndex { $0.name == "C" })
        return writer.edit(forNote: c)?.replacement
    }

    @Test func theShippedLayoutIsBuiltDirectlyWithTheSameText() throws {
        let shipped = try String(
            contentsOf: Repo.templates.appendingPathComponent("backlinks.mustache"), encoding: .utf8)
        #expect(try Self.edit(backlinks: shipped) == "\n\n### Backlinks\n- [[A]]\n- [[B]]")
    }

    @Test func anotherLayoutIsRenderedByItsTemplate() throws {
        let starred = "{{% CONTENT_TYPE: TEXT}}### {{heading}}\n{{#notes}}* [[{{link}}]] (links here)\n{{/notes}}"
        #expect(
            try Self.edit(backlinks: starred) == "\n\n### Backlinks\n* [[A]] (links here)\n* [[B]] (links here)")
    }
}
