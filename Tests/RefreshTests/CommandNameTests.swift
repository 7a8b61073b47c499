import Foundation
import TestSupport
import Testing
import VaultModel

/// Names on the command line are checked: a typo is exit 2 with a suggestion, never a silent pass.
@Suite("Names on the command line")
struct CommandNameTests {
    static let common = ["--templates", Repo.templates.path, "--as-of", "2026-01-30"]

    @Test func anOnlyNameThatNamesNoNoteIsExitTwoWithASuggestion() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let typo = try CLI.run(["update", vault.root.path, "--check", "--only", "Crypto-to-Al"] + Self.common)
        #expect(typo.status == 2)
        #expect(typo.err.contains("Crypto-to-Al: no note of that name in the vault (did you mean Crypto-to-AI?)"))
        #expect(typo.out == "")
    }

    @Test func anOnlyNameMayBeWhatUpdatePrintsANameOrAnAlias() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        for name in [
            "\(vault.root.path)/Sectors/Crypto-to-AI.md", "Sectors/Crypto-to-AI", "crypto-to-ai", "Crypto pivots",
        ] {
            let run = try CLI.run(["update", vault.root.path, "--dry-run", "--only", name] + Self.common)
            #expect(run.status == 0, "\(name): \(run.err)")
            #expect(run.out.contains("1 sector notes"), "\(name): \(run.out)")
        }
    }

    @Test func chartNamesASectorNoteOrExitsTwo() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let nope = try CLI.run(["chart", "Nope", "--vault", vault.root.path] + Self.common)
        #expect(nope.status == 2)
        #expect(nope.err == "vaultgen: error: Nope: no note of that name in the vault\n")
        let company = try CLI.run(["chart", "Hut 8", "--vault", vault.root.path] + Self.common)
        #expect(company.status == 2)
        #expect(company.err.contains("Hut 8 is not a sector note"))
        let noChart = try CLI.run(["chart", "DC REITs", "--vault", vault.root.path] + Self.common)
        #expect(noChart.status == 1)
        #expect(noChart.err.contains("DC REITs embeds no chart vaultgen draws"))
        // A sector map is no sector note, but its pictures are charts `chart` draws.
        let map =
            "---\nvaultgen: sector-map\n---\n# Map\n\n![[m-sector-map-heatmap.png]]\n\n![[m-sector-dendrogram.png]]\n"
        try map.write(to: vault.root.appendingPathComponent("Map.md"), atomically: true, encoding: .utf8)
        let drawn = try CLI.run(["chart", "Map", "--vault", vault.root.path] + Self.common)
        #expect(drawn.status == 0, "\(drawn.err)")
        let lines = drawn.out.split(separator: "\n").map { String($0.split(separator: ":")[0]) }.sorted()
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasPrefix("drew ") }, "\(drawn.out)")
        #expect(drawn.out.contains("sector map heat map of ") && drawn.out.contains("sector dendrogram of "))
        let out = try CLI.run(["chart", "Map", "--out", "m.png", "--vault", vault.root.path] + Self.common)
        #expect(out.status == 2)
        #expect(
            out.err
                == "vaultgen: error: Map.md is a sector map: --out draws a sector note's charts; without --out, vaultgen "
                + "chart draws the heat map and dendrogram the map embeds\n", "\(out.err)")
        // Where the vault puts attachments (the seed's config names a folder): found by name.
        let files = FileManager.default.enumerator(atPath: vault.root.path)?.compactMap { $0 as? String } ?? []
        for picture in ["m-sector-map-heatmap.png", "m-sector-dendrogram.png"] {
            let path = try #require(files.first { $0.hasSuffix(picture) }, "\(picture) drawn")
            let data = try Data(contentsOf: vault.root.appendingPathComponent(path))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(picture) is a PNG")
        }
    }

    @Test(arguments: [
        (
            ["chek", "Vault"],
            "vaultgen: error: 'chek' is not a vaultgen command (did you mean 'check'?); see 'vaultgen --help'\n"
        ),
        (
            ["help", "updat"],
            "vaultgen: error: 'updat' is not a vaultgen command (did you mean 'update'?); see 'vaultgen --help'\n"
        ),
        (["help", "nope"], "vaultgen: error: 'nope' is not a vaultgen command; see 'vaultgen --help'\n"),
    ])
    func anUnknownCommandIsExitTwoWithASuggestion(_ arguments: [String], _ message: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2)
        #expect(run.err == message)
    }

    @Test func helpForACommandStillWorks() throws {
        let run = try CLI.run(["help", "check"])
        #expect(run.status == 0)
        #expect(run.out.contains("Check every link of a vault"))
    }
}

/// One cause, one message: a vault whose price folder is missing says so once and exits 1.
@Suite("A missing price folder")
struct MissingPriceFolderTests {
    @Test func oneErrorNamingTheFolderAndExitOne() throws {
        let vault = try FixtureVault("update-seed", prices: nil)
        defer { vault.remove() }
        let run = try CLI.run(["update", vault.root.path, "--dry-run"] + CommandNameTests.common)
        #expect(run.status == 1)
        #expect(
            run.err == "vaultgen: error: \(vault.root.path)/Prices: no price files (the config's `prices:` names this "
                + "folder, default Prices); no figure or chart was refreshed\n")
        #expect(run.out.hasSuffix("0 charts, 0 warnings\n"))
    }

    @Test func aMissingTickerIsNamedOnceWithItsFile() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        try FileManager.default.removeItem(at: vault.root.appendingPathComponent("Prices/CORZ.csv"))
        let run = try CLI.run(["update", vault.root.path, "--dry-run"] + CommandNameTests.common)
        #expect(run.status == 0)
        let mentions = run.err.components(separatedBy: "Prices/CORZ.csv: no such file").count - 1
        // Once in the note's group warning, once in its chart's, once where a peer note names it as a peer.
        #expect(mentions == 3, "\(run.err)")
        #expect(run.err.contains(" not refreshed (pair CORZ-HUT): no usable prices for CORZ\n"))
    }
}

/// `vaultgen check FILE…`, as a pre-commit hook calls it.
@Suite("check given notes")
struct CheckFilesTests {
    @Test func onlyTheNotesGivenResolvedAgainstTheirWholeVault() throws {
        let scratch = try Scratch("check-files")
        let vault = scratch.url.appendingPathComponent("Vault")
        try FileManager.default.createDirectory(
            at: vault.appendingPathComponent(".obsidian"), withIntermediateDirectories: true)
        try Data("[[B]] and [[Nowhere]]\n".utf8).write(to: vault.appendingPathComponent("A.md"))
        try Data("[[A]] and [[Gone]]\n".utf8).write(to: vault.appendingPathComponent("B.md"))
        try Data("[[A]]\n".utf8).write(to: vault.appendingPathComponent("C.md"))
        let a = try CLI.run(["check", "Vault/A.md"], in: scratch.url)
        #expect(a.status == 1)
        #expect(a.out.hasPrefix("Vault/A.md:1:11: error: broken link [[Nowhere]]"))
        #expect(!a.out.contains("Gone"))
        let c = try CLI.run(["check", "Vault/C.md", "README.txt"], in: scratch.url)
        #expect(c.status == 0, "\(c.out)")
        let outside = try CLI.run(["check", "Vault", "Other.md"], in: scratch.url)
        #expect(outside.status == 2)
        #expect(outside.err == "vaultgen: error: Other.md: not a note of the vault Vault\n")
    }
}

/// Obsidian's "Excluded files" (`userIgnoreFilters`): still link targets, never reported on, never written.
@Suite("Obsidian's excluded files")
struct ExcludedFilesTests {
    @Test func filtersArePathPrefixesOrRegularExpressions() {
        let excluded = ExcludedFiles(filters: ["Archive/", "/\\.excalidraw\\.md$/", "Templates/Daily.md", "/[/"])
        #expect(excluded.contains("Archive/Old.md"))
        #expect(excluded.contains("Drawings/Plan.excalidraw.md"))
        #expect(excluded.contains("Templates/Daily.md"))
        #expect(!excluded.contains("Notes/Archive.md"))
        #expect(!excluded.contains("Notes/Plan.md"))
    }

    @Test func checkAndUpdateLeaveExcludedNotesOut() throws {
        let scratch = try Scratch("excluded")
        let vault = scratch.url
        try FileManager.default.createDirectory(
            at: vault.appendingPathComponent(".obsidian"), withIntermediateDirectories: true)
        try Data(#"{"userIgnoreFilters": ["Archive/"]}"#.utf8).write(
            to: vault.appendingPathComponent(".obsidian/app.json"))
        try FileManager.default.createDirectory(
            at: vault.appendingPathComponent("Archive"), withIntermediateDirectories: true)
        let old = "# Old\n\n[[Gone]]\n\n## Related\n- [[Nothing]]\n"
        try Data(old.utf8).write(to: vault.appendingPathComponent("Archive/Old.md"))
        try Data("# Home\n\n[[Old]]\n".utf8).write(to: vault.appendingPathComponent("Home.md"))
        let check = try CLI.run(["check", vault.path])
        // [[Old]] resolves (an excluded note is still a target); nothing found inside Archive/ is reported.
        #expect(!check.out.contains("Archive/Old.md"), "\(check.out)")
        #expect(!check.out.contains("broken link [[Old]]"))
        let update = try CLI.run(["update", vault.path, "--templates", Repo.templates.path])
        #expect(update.status == 0, "\(update.err)")
        #expect(try String(contentsOf: vault.appendingPathComponent("Archive/Old.md"), encoding: .utf8) == old)
    }
}
