import Foundation
import TestSupport
import Testing

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
        #expect(nope.err == "vaultgen: Nope: no note of that name in the vault\n")
        let company = try CLI.run(["chart", "Hut 8", "--vault", vault.root.path] + Self.common)
        #expect(company.status == 2)
        #expect(company.err.contains("Hut 8 is not a sector note"))
        let noChart = try CLI.run(["chart", "DC REITs", "--vault", vault.root.path] + Self.common)
        #expect(noChart.status == 1)
        #expect(noChart.err.contains("DC REITs embeds no chart vaultgen draws"))
    }

    @Test(arguments: [
        (
            ["chek", "Vault"],
            "vaultgen: 'chek' is not a vaultgen command (did you mean 'check'?); see 'vaultgen --help'\n"
        ),
        (
            ["help", "updat"],
            "vaultgen: 'updat' is not a vaultgen command (did you mean 'update'?); see 'vaultgen --help'\n"
        ),
        (["help", "nope"], "vaultgen: 'nope' is not a vaultgen command; see 'vaultgen --help'\n"),
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
