import Foundation
import Testing

@testable import VaultModel

/// The folder of committed test fixtures, found from this file's path.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// `../shared` beside the package root, where the seed note and third-party prices live.
let shared = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared")

@Suite("vaultgen check end to end on a fixture vault")
struct CheckFixtureTests {
    let folder = fixtures.appendingPathComponent("check-basic")

    func result() throws -> CheckResult {
        LinkChecker(vault: try Vault.load(root: folder.appendingPathComponent("input"))).check()
    }

    @Test func textReportMatchesExpected() throws {
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        #expect(CheckReport.render(try result(), format: .text, vault: "/vault") == expected)
    }

    @Test func jsonReportMatchesExpected() throws {
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.json"), encoding: .utf8)
        #expect(CheckReport.render(try result(), format: .json, vault: "/vault") == expected)
    }

    @Test func excludedAndHiddenFilesAreNotRead() throws {
        let vault = try Vault.load(root: folder.appendingPathComponent("input"))
        #expect(
            vault.notes.map(\.path) == [
                "Archive/Alpha.md", "Bad.md", "Home.md", "Inbox.md", "Notes/Alpha.md", "Notes/Beta.md",
            ])
        #expect(vault.attachments == ["Attachments/pic.png"])
    }
}

/// Links in properties: `Parent`, `Sibling` and `People/Aunt` are linked only from `Child`'s front matter
/// (a string, a list item with an alias, a markdown link inside a string), so none is an orphan; `Forgotten` is
/// named only by an unquoted `up: [[Forgotten]]`, which YAML reads as a list of lists, so it is one.
@Suite("vaultgen check reads the links of front-matter properties")
struct PropertyFixtureTests {
    let folder = fixtures.appendingPathComponent("check-properties")

    @Test func textReportMatchesExpected() throws {
        let result = LinkChecker(vault: try Vault.load(root: folder.appendingPathComponent("input"))).check()
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        #expect(CheckReport.render(result, format: .text, vault: "/vault") == expected)
    }
}

@Suite("vaultgen check on the user's seed note alone")
struct SeedNoteCheckTests {
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path),
            "../shared/seeds is absent: the seed-note check is skipped"))
    func everyTargetAndTheChartAreMissing() throws {
        let seed = try String(contentsOf: shared.appendingPathComponent("seeds/Crypto-to-AI.md"), encoding: .utf8)
        let result = LinkChecker(vault: Vault(texts: ["Crypto-to-AI.md": seed])).check()
        let found = result.findings.map { "\($0.line) \($0.kind.rawValue) \($0.link ?? "")" }
        #expect(
            found == [
                "1 orphan-note ",
                "10 missing-attachment ![[crypto-to-ai-sector-chart.png]]",
                "21 broken-link [[DC REITs]]",
                "42 broken-link [[Core Scientific]]",
                "43 broken-link [[Hut 8]]",
                "44 broken-link [[IREN]]",
                "45 broken-link [[TeraWulf]]",
                "98 broken-link [[Data Centers]]",
                "101 broken-link [[DC REITs]]",
                "104 broken-link [[Core Scientific]]",
                "105 broken-link [[Hut 8]]",
                "106 broken-link [[IREN]]",
                "107 broken-link [[TeraWulf]]",
                "108 broken-link [[Cipher Mining]]",
                "109 broken-link [[Bitdeer]]",
                "112 broken-link [[CoreWeave]]",
                "113 broken-link [[Bitcoin]]",
                "116 broken-link [[Crypto-to-AI pivot]]",
                "117 broken-link [[Power constraints]]",
            ])
    }
}
