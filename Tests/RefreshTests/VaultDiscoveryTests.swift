import Foundation
import TestSupport
import Testing
import VaultModel

/// Every command finds its vault as git finds a repository (issue 16, item 1), and refuses a folder in none.
@Suite("vault discovery on the command line")
struct VaultDiscoveryTests {
    static let templates = ["--templates", Repo.templates.path]

    /// What every command says in a folder with no `.obsidian/` or `.vaultgen.yml` in it or above.
    static func refusal(_ folder: String) -> String {
        "vaultgen: error: \(folder) is not inside a vault (no .obsidian/ or .vaultgen.yml in it or any folder above); run 'touch .vaultgen.yml' in the vault folder to mark it\n"
    }

    /// The sample vault copied to `V/` in a scratch folder.
    static func sample(_ name: String) throws -> (Scratch, URL) {
        let scratch = try Scratch(name)
        let vault = scratch.url.appendingPathComponent("V")
        try FileManager.default.copyItem(at: Repo.sampleVault, to: vault)
        return (scratch, vault)
    }

    @Test(arguments: [
        ["update"] + templates, ["update", "--dry-run"] + templates, ["fetch", "--tickers", "HUT", "--dry-run"],
        ["fetch"], ["chart", "Crypto-to-AI"] + templates,
        ["new", "sector", "Pair", "--tickers", "HUT,IREN"] + templates,
        ["new", "sector-map", "Map"] + templates, ["rename", "A", "B"], ["check"], ["check", "--fix"],
        ["corr", "HUT", "IREN"], ["clusters"],
    ])
    func aFolderInNoVaultIsRefused(_ arguments: [String]) throws {
        let scratch = try Scratch("no-vault")
        let result = try CLI.run(arguments, in: scratch.url)
        #expect(result.status == 2)
        #expect(result.err == Self.refusal(VaultLocator.realFolder(scratch.url)), "\(result.err)")
        #expect(result.out == "")
        // Nothing is written there: no lock, no note.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == [])
    }

    @Test func theRefusalNamesTheFolderAsTyped() throws {
        let scratch = try Scratch("no-vault-typed")
        let plain = scratch.url.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        let option = try CLI.run(["update", "-C", "plain"] + Self.templates, in: scratch.url)
        #expect(option.status == 2)
        #expect(option.err == Self.refusal("plain"))
        let legacy = try CLI.run(["update", "plain"] + Self.templates, in: scratch.url)
        #expect(legacy.status == 2)
        #expect(legacy.err == Self.refusal("plain"))
        let fetch = try CLI.run(["fetch", "--vault", "plain"], in: scratch.url)
        #expect(fetch.err == Self.refusal("plain"))
        let missing = try CLI.run(["update", "-C", "nowhere"] + Self.templates, in: scratch.url)
        #expect(missing.status == 2)
        #expect(missing.err == "vaultgen: error: cannot change to 'nowhere': no such folder\n")
        let corr = try CLI.run(["corr", "HUT", "IREN", "--vault", "nowhere"], in: scratch.url)
        #expect(corr.status == 2)
        #expect(corr.err == "vaultgen: error: cannot change to 'nowhere': no such folder\n")
    }

    @Test func everyCommandFindsTheVaultAboveASubfolder() throws {
        let (scratch, vault) = try Self.sample("discovery-up")
        let sectors = vault.appendingPathComponent("Sectors")
        let update = try CLI.run(["update", "--check", "--as-of", "2026-01-30"] + Self.templates, in: sectors)
        #expect(update.status == 0, "\(update.err)")
        #expect(update.out.hasPrefix("19 notes read, 3 sector notes, 0 changed"), "\(update.out)")
        // -C runs as if started there: the vault above it is found, and paths are shown from there.
        let option = try CLI.run(
            ["update", "-C", "V/Sectors", "--check", "--as-of", "2026-01-30"] + Self.templates, in: scratch.url)
        #expect(option.out == update.out)
        let check = try CLI.run(["check"], in: sectors)
        #expect(check.status == 0, "\(check.out)")
        #expect(check.out == "19 notes, 178 links, 16 attachments: 0 errors, 0 warnings\n")
        let corr = try CLI.run(["corr", "HUT", "IREN", "--format", "csv"], in: sectors)
        #expect(corr.status == 0, "\(corr.err)")
        #expect(corr.out.hasPrefix("ticker,HUT,IREN\n"))
        let clusters = try CLI.run(["clusters", "--format", "json"], in: sectors)
        #expect(clusters.status == 0, "\(clusters.err)")
        let rename = try CLI.run(["rename", "IREN", "Iris Energy", "--dry-run"], in: sectors)
        #expect(rename.status == 0, "\(rename.err)")
        #expect(
            rename.out.hasPrefix("would rename ../Companies/IREN.md → ../Companies/Iris Energy.md\n"), "\(rename.out)")
        let byPath = try CLI.run(["rename", "../Companies/IREN.md", "Iris Energy", "--dry-run"], in: sectors)
        #expect(byPath.out == rename.out, "\(byPath.err)")
    }

    @Test func theOldPositionalVaultStillWorksAndIsHidden() throws {
        let (scratch, _) = try Self.sample("discovery-legacy")
        let legacy = try CLI.run(["update", "V", "--check", "--as-of", "2026-01-30"] + Self.templates, in: scratch.url)
        let option = try CLI.run(
            ["update", "-C", "V", "--check", "--as-of", "2026-01-30"] + Self.templates, in: scratch.url)
        #expect(legacy.status == 0, "\(legacy.err)")
        #expect(legacy.err == "")
        #expect(legacy.out == option.out)
        for command in [["update"], ["fetch"], ["clusters"]] {
            let help = try CLI.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.out.contains("-C, --vault <dir>"), "\(help.out)")
            let usage = try #require(help.out.split(separator: "\n").first { $0.hasPrefix("USAGE:") })
            #expect(!usage.contains("<vault>") && !usage.contains("legacy"), "\(usage)")
        }
    }

    /// `vaultgen -C DIR COMMAND`, as git takes `git -C DIR status`.
    @Test func theFolderCanComeBeforeTheCommand() throws {
        let (scratch, vault) = try Self.sample("discovery-before")
        let after = try CLI.run(
            ["update", "-C", "V", "--check", "--as-of", "2026-01-30"] + Self.templates, in: scratch.url)
        let before = try CLI.run(
            ["-C", "V", "update", "--check", "--as-of", "2026-01-30"] + Self.templates, in: scratch.url)
        #expect(before.status == 0, "\(before.err)")
        #expect(before.out == after.out)
        let made = try CLI.run(
            ["--vault", "V", "new", "sector-map", "Map", "--as-of", "2026-01-30"] + Self.templates, in: scratch.url)
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out == "wrote Map.md (run vaultgen update to draw its pictures)\n")
        #expect(FileManager.default.fileExists(atPath: vault.appendingPathComponent("Map.md").path))
        let check = try CLI.run(["-C", "V/Sectors", "check", "."], in: scratch.url)
        #expect(check.out == "20 notes, 184 links, 16 attachments: 0 errors, 0 warnings\n", "\(check.out)")
        // The other shared options too, as git takes `git -C DIR --no-pager log`: quiet leaves no summary line.
        let quiet = try CLI.run(["-q", "--color=never", "-C", "V/Sectors", "check", "."], in: scratch.url)
        #expect(quiet.status == 0 && quiet.out.isEmpty && quiet.err.isEmpty, "\(quiet.out)\(quiet.err)")
        let verbose = try CLI.run(["--verbose", "-C", "V/Sectors", "check", "."], in: scratch.url)
        #expect(verbose.status == 0 && verbose.err.contains("vault"), "\(verbose.err)")
        #expect(verbose.out == "20 notes, 184 links, 16 attachments: 0 errors, 0 warnings\n", "\(verbose.out)")
    }

    @Test func checkOfAnUnmarkedFolderTreatsItAsTheVault() throws {
        let scratch = try Scratch("check-plain")
        let plain = scratch.url.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        try Data("[[B]] and [[Nowhere]]\n".utf8).write(to: plain.appendingPathComponent("A.md"))
        try Data("[[A]]\n".utf8).write(to: plain.appendingPathComponent("B.md"))
        let check = try CLI.run(["check", "plain"], in: scratch.url)
        #expect(check.status == 1)
        #expect(check.out.hasPrefix("plain/A.md:1:11: error: broken link [[Nowhere]]"), "\(check.out)")
        // --fix writes, so it needs a vault.
        let fix = try CLI.run(["check", "plain", "--fix"], in: scratch.url)
        #expect(fix.status == 2)
        #expect(fix.err == Self.refusal("plain"))
    }

    /// `check Sub/` inside a vault: the vault is the one above, and only Sub's notes are reported, their links
    /// resolved against the whole vault (no false "broken link" to a note outside Sub).
    @Test func checkOfASubfolderReportsItsNotesAgainstTheWholeVault() throws {
        let scratch = try Scratch("check-sub")
        let vault = scratch.url.appendingPathComponent("V")
        let fm = FileManager.default
        for folder in [".obsidian", "Sub", "Other"] {
            try fm.createDirectory(at: vault.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("[[B]] and [[Nowhere]]\n".utf8).write(to: vault.appendingPathComponent("Sub/A.md"))
        try Data("[[A]] and [[Gone]]\n".utf8).write(to: vault.appendingPathComponent("Other/B.md"))
        let fromAbove = try CLI.run(["check", "V/Sub"], in: scratch.url)
        #expect(fromAbove.status == 1)
        #expect(
            fromAbove.out == """
                V/Sub/A.md:1:11: error: broken link [[Nowhere]]: no note named Nowhere
                2 notes, 4 links, 0 attachments: 1 error, 0 warnings

                """)
        let sub = vault.appendingPathComponent("Sub")
        let here = try CLI.run(["check", "."], in: sub)
        #expect(here.status == 1)
        #expect(
            here.out.hasPrefix("../Sub/A.md:1:11: error: broken link [[Nowhere]]: no note named Nowhere\n"),
            "\(here.out)")
        #expect(!here.out.contains("[[B]]") && !here.out.contains("Gone"), "\(here.out)")
        let other = try CLI.run(["check", "../Other"], in: sub)
        #expect(
            other.out.hasPrefix("../Other/B.md:1:11: error: broken link [[Gone]]: no note named Gone\n"), "\(other.out)"
        )
        // No path: the whole vault, wherever in it.
        let all = try CLI.run(["check"], in: sub)
        #expect(all.out.contains("../Sub/A.md:1:11") && all.out.contains("../Other/B.md:1:11"), "\(all.out)")
        let missing = try CLI.run(["check", "Typo"], in: sub)
        #expect(missing.status == 2)
        #expect(missing.err == "vaultgen: error: Typo: no such vault folder\n")
    }

    /// The lock lives in `.vaultgen/`, whose `.gitignore` keeps it out of `git add -A`; `check` reads nothing there.
    @Test func theLockIsInAnIgnoredRuntimeFolder() throws {
        let (scratch, vault) = try Self.sample("runtime-folder")
        defer { withExtendedLifetime(scratch) {} }
        let update = try CLI.run(["update", "--as-of", "2026-01-30"] + Self.templates, in: vault)
        #expect(update.status == 0, "\(update.err)")
        let fm = FileManager.default
        #expect(
            try fm.contentsOfDirectory(atPath: vault.appendingPathComponent(".vaultgen").path).sorted() == [
                ".gitignore", "lock",
            ])
        #expect(try String(contentsOf: vault.appendingPathComponent(".vaultgen/.gitignore"), encoding: .utf8) == "*\n")
        #expect(!fm.fileExists(atPath: vault.appendingPathComponent(".vaultgen.lock").path))
        // A note there would be vault content if dot folders were read: it is not.
        try Data("[[Nowhere]]\n".utf8).write(to: vault.appendingPathComponent(".vaultgen/Stray.md"))
        let check = try CLI.run(["check"], in: vault)
        #expect(check.out == "19 notes, 178 links, 16 attachments: 0 errors, 0 warnings\n")
        // A .gitignore the user changed is left alone.
        try Data("lock\n".utf8).write(to: vault.appendingPathComponent(".vaultgen/.gitignore"))
        _ = try CLI.run(["update", "--as-of", "2026-01-30"] + Self.templates, in: vault)
        #expect(
            try String(contentsOf: vault.appendingPathComponent(".vaultgen/.gitignore"), encoding: .utf8) == "lock\n")
    }
}
