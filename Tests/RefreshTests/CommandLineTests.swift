import Foundation
import TestSupport
import Testing

@Suite("The command line: output and exit status")
struct CommandLineTests {
    @Test func checkExitsOneWithErrorsAndPrintsGitHubAnnotations() throws {
        let input = Repo.fixtures.appendingPathComponent("check-basic/input")
        // Paths relative to the current folder, as every command shows them.
        let result = try CLI.run(["check", input.path, "--format", "github"], in: Repo.root)
        #expect(result.status == 1)
        #expect(
            result.out.contains(
                "::error file=Tests/Fixtures/check-basic/input/Home.md,line=14,col=20,title=broken link::[[Alpah]]"))
        #expect(result.out.hasSuffix("6 notes, 23 links, 1 attachment: 8 errors, 5 warnings\n"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["check", "--format", "xml"]).status == 2)
        #expect(try CLI.run(["update", "--dry-run", "--check"]).status == 2)
        #expect(try CLI.run(["update", "--dry-run", "--diff"]).status == 2)
        let missing = try CLI.run(["check", "/nonexistent/vault"])
        #expect(missing.status == 2)
        #expect(missing.err == "vaultgen: error: /nonexistent/vault: no such vault folder\n")
    }

    @Test func updateCheckThenUpdateThenCheckAgain() throws {
        let vault = try FixtureVault("update-crlf")
        defer { vault.remove() }
        let common = ["--templates", Repo.templates.path, "--as-of", "2026-01-30"]
        let look = try CLI.run(["update", vault.root.path, "--check"] + common)
        #expect(look.status == 1)
        #expect(
            look.out.contains(
                "would update \(vault.root.path)/Miners.md: group average in prose, pair table row, backlinks"))
        let diff = try CLI.run(["update", vault.root.path, "--diff"] + common)
        #expect(diff.status == 0)
        // A CRLF note's lines keep their \r in the patch.
        #expect(diff.out.contains("-A tight group (0.10 correlation).\r\n+A tight group (0.70 correlation).\r\n"))
        let write = try CLI.run(["update", vault.root.path] + common)
        #expect(write.status == 0)
        #expect(
            write.out.hasSuffix(
                "2 notes read, 1 sector notes, 1 changed (2 figures refreshed, 1 backlink lists), 0 charts, 0 warnings\n"
            ))
        let again = try CLI.run(["update", vault.root.path, "--check"] + common)
        #expect(again.status == 0)
    }

    @Test func strictTurnsWarningsIntoExitOne() throws {
        let vault = try FixtureVault("update-missing-prices")
        defer { vault.remove() }
        let result = try CLI.run(["update", vault.root.path, "--strict", "--templates", Repo.templates.path])
        #expect(result.status == 1)
        #expect(result.err.contains("Gap.md:2:1: warning: group figures not refreshed: no usable prices for NOPE"))
        #expect(result.err.contains("Gap.md:7:18: warning: 0.50 not refreshed: the sentence names no pair"))
    }

    /// `--timing` names each stage with its seconds on one stderr line and changes nothing else.
    @Test func timingPrintsEachStageOnStderr() throws {
        let input = Repo.fixtures.appendingPathComponent("check-basic/input")
        let plain = try CLI.run(["check", input.path])
        let timed = try CLI.run(["check", input.path, "--timing"])
        #expect(timed.status == plain.status)
        #expect(timed.out == plain.out)
        #expect(Self.stages(timed.err) == ["read", "index", "check", "report", "total"])

        let vault = try FixtureVault("update-crlf")
        defer { vault.remove() }
        let update = try CLI.run(
            ["update", vault.root.path, "--timing", "--templates", Repo.templates.path, "--as-of", "2026-01-30"])
        #expect(update.status == 0)
        // The two flushes (before and after the renames) add up under one name. This says only what --timing
        // prints: whether and when the run flushes is WriteOrderTests' to check.
        #expect(
            Self.stages(update.err) == [
                "read", "index", "prices", "plan", "charts", "stage", "flush", "rename", "total",
            ])
    }

    /// The stage names of a `timing: a 0.001 s, b 0.002 s` line, checking that each carries seconds.
    static func stages(_ err: String) -> [String]? {
        guard let line = err.split(separator: "\n").first(where: { $0.hasPrefix("timing: ") }) else { return nil }
        var names: [String] = []
        for part in line.dropFirst("timing: ".count).split(separator: ", ") {
            let words = part.split(separator: " ")
            guard words.count == 3, words[2] == "s", let seconds = Double(words[1]), seconds >= 0 else { return nil }
            names.append(String(words[0]))
        }
        return names
    }

    /// `vaultgen fetch` hands its arguments, `--help` included, to `vaultgen-fetch` beside it.
    @Test func fetchRunsTheFetchProgramWithItsOwnHelpAndExitStatus() throws {
        let help = try CLI.run(["fetch", "--help"])
        #expect(help.status == 0)
        #expect(
            help.out.contains(
                "USAGE: vaultgen fetch [--vault <dir>] [--dry-run] [--tickers <tickers> ...] [--wait <wait>]"))
        let missing = try CLI.run(["fetch", "/nonexistent/vault"])
        #expect(missing.status == 2)
        #expect(missing.err == "vaultgen: error: /nonexistent/vault: no such vault folder\n")
    }
}
