import ConsoleOutput
import Foundation
import Refresh
import TestSupport
import Testing

/// How vaultgen speaks, through the built binary: one error form, -q, -v and colour.
@Suite("Messages, -q, -v and --color")
struct ConsoleTests {
    static let escape = "\u{1B}["
    static let redError = "\u{1B}[1;31merror:\u{1B}[0m"
    static let yellowWarning = "\u{1B}[1;33mwarning:\u{1B}[0m"
    static let checkBasic = Repo.fixtures.appendingPathComponent("check-basic/input").path

    /// Every error starts `vaultgen: error:` once, on stderr, whether vaultgen, vaultgen-fetch or argument-parser
    /// made it; usage errors exit 2.
    @Test(arguments: [
        (["check", "/nonexistent/vault"], "vaultgen: error: /nonexistent/vault: no such vault folder"),
        (["chek"], "vaultgen: error: 'chek' is not a vaultgen command (did you mean 'check'?); see 'vaultgen --help'"),
        (["chart"], "vaultgen: error: Missing expected argument '<note>'"),
        (
            ["update", "--dry-run", "--check"],
            "vaultgen: error: --dry-run lists what would change; it does not go with --diff or --check"
        ),
        (
            ["corr", "../secret"],
            "vaultgen: error: '../secret' is not a ticker (capitals, digits and - . ^ =, at most 12)"
        ),
        (
            ["check", "--format", "xml"],
            "vaultgen: error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json' or 'github'."
        ),
        (["fetch", "--wait=-1"], "vaultgen: error: --wait must be a number of seconds from 0 to 86400, not -1.0"),
        (["fetch", "--nope"], "vaultgen: error: Unknown option '--nope'"),
        (
            ["rename", "Nope", "Other", "--vault", checkBasic, "--dry-run"],
            "vaultgen: error: Nope: no note, attachment or folder of that name in the vault"
        ),
    ])
    func everyErrorStartsOnce(arguments: [String], first: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(result.err)")
        #expect(result.out == "")
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.first == first, "\(result.err)")
        #expect(lines.filter { $0.contains("error:") }.count == 1, "\(result.err)")
        #expect(!result.err.contains("vaultgen: vaultgen:") && !result.err.contains("Error:"), "\(result.err)")
    }

    /// argument-parser's own usage error keeps its usage hint after the one error line.
    @Test func aUsageErrorIsFollowedByTheUsageHint() throws {
        let result = try CLI.run(["chart"])
        #expect(result.status == 2)
        let lines = result.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "vaultgen: error: Missing expected argument '<note>'")
        #expect(lines.contains { $0.hasPrefix("Usage: vaultgen chart <note>") }, "\(result.err)")
        #expect(lines.contains("  See 'vaultgen chart --help' for more information."), "\(result.err)")
    }

    /// A warning with a place is `PLACE: warning: …`; without one, `vaultgen: warning: …`.
    @Test func warningsNameTheirPlaceOrVaultgen() throws {
        let vault = try FixtureVault("update-missing-prices")
        defer { vault.remove() }
        let update = try CLI.run(["update", vault.root.path, "--dry-run", "--templates", Repo.templates.path])
        #expect(update.status == 0)
        #expect(
            update.err.split(separator: "\n").first.map(String.init)
                == "\(vault.root.path)/Gap.md:2:1: warning: group figures not refreshed: no usable prices for NOPE "
                + "(\(vault.root.path)/Prices/NOPE.csv: no such file) (tickers from front matter, line 2)")
        let corr = try CLI.run(["corr", "HUT", "NOPE", "--vault", Repo.root.appendingPathComponent("Vault").path])
        #expect(corr.status == 1)
        #expect(corr.err.hasPrefix("vaultgen: warning: NOPE left out: "), "\(corr.err)")
    }

    // MARK: - -q and -v

    @Test func quietUpdatePrintsNoWarningsSummaryOrUpdatedLines() throws {
        let vault = try FixtureVault("update-missing-prices")
        defer { vault.remove() }
        let common = ["update", vault.root.path, "--templates", Repo.templates.path, "--as-of", "2026-01-30"]
        let loud = try CLI.run(common + ["--dry-run", "--strict"])
        #expect(loud.status == 1)
        #expect(loud.out.hasSuffix("1 changed (3 figures refreshed, 0 backlink lists), 0 charts, 2 warnings\n"))
        #expect(loud.err.contains(": warning: "))
        let quiet = try CLI.run(common + ["--dry-run", "--strict", "-q"])
        #expect(quiet.status == 1)
        #expect(quiet.out == "")
        #expect(quiet.err == "")
        // A patch is what --diff exists to print: -q keeps it and drops the summary beside it.
        let diff = try CLI.run(common + ["--diff"])
        let quietDiff = try CLI.run(common + ["--diff", "--quiet"])
        #expect(quietDiff.status == 0)
        #expect(quietDiff.out == diff.out)
        #expect(quietDiff.out.contains("+++ b/Gap.md"))
        #expect(quietDiff.err == "")
        #expect(diff.err.contains("1 notes read"))
        // Writing: no "updated" line, and the note is written all the same.
        let write = try CLI.run(common + ["-q"])
        #expect(write.status == 0)
        #expect(write.out == "" && write.err == "")
        #expect(try CLI.run(common + ["--check"]).status == 0)
    }

    @Test func quietStillPrintsErrors() throws {
        let result = try CLI.run(["check", "/nonexistent/vault", "-q"])
        #expect(result.status == 2)
        #expect(result.err == "vaultgen: error: /nonexistent/vault: no such vault folder\n")
    }

    /// `check -q` prints its error findings, nothing else; JSON stays whole.
    @Test func quietCheckPrintsItsErrorFindingsOnly() throws {
        let loud = try CLI.run(["check", Self.checkBasic])
        let quiet = try CLI.run(["check", Self.checkBasic, "-q"])
        #expect(quiet.status == 1)
        let lines = quiet.out.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.allSatisfy { $0.contains(": error: ") })
        #expect(loud.out.split(separator: "\n").filter { $0.contains(": error: ") } == lines)
        #expect(loud.out.contains(": warning: ") && loud.out.hasSuffix("8 errors, 5 warnings\n"))
        let github = try CLI.run(["check", Self.checkBasic, "-q", "--format", "github"])
        #expect(github.out.split(separator: "\n").count == 8)
        #expect(github.out.split(separator: "\n").allSatisfy { $0.hasPrefix("::error ") })
        let json = try CLI.run(["check", Self.checkBasic, "--format", "json"])
        #expect(try CLI.run(["check", Self.checkBasic, "-q", "--format", "json"]).out == json.out)
    }

    @Test func quietFetchSaysNothingWhenAllIsWell() throws {
        let scratch = try Scratch("quiet-fetch")
        try Data("prices: Prices\n".utf8).write(to: scratch.url.appendingPathComponent(".vaultgen.yml"))
        try Data("---\ntickers: [HUT, IREN]\n---\n# Note\n".utf8).write(
            to: scratch.url.appendingPathComponent("Note.md"))
        let loud = try CLI.run(["fetch", scratch.url.path, "--dry-run"])
        #expect(loud.status == 0, "\(loud.err)")
        #expect(loud.out.contains("HUT: would request "))
        let quiet = try CLI.run(["fetch", scratch.url.path, "--dry-run", "-q"])
        #expect(quiet.status == 0)
        #expect(quiet.out == "" && quiet.err == "")
    }

    /// A ticker that fails is an error: with -q it is what fetch prints, on stderr, and the status stays 1.
    @Test func quietFetchPrintsTheFailedTickersAsErrors() throws {
        let scratch = try Scratch("quiet-fetch-fails")
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        try Data("fetch:\n  base-url: http://127.0.0.1:9\n  retries: 0\n".utf8).write(
            to: scratch.url.appendingPathComponent(".vaultgen.yml"))
        try Data("---\ntickers: [HUT, IREN]\n---\n# Note\n".utf8).write(
            to: scratch.url.appendingPathComponent("Note.md"))
        let loud = try CLI.run(["fetch", scratch.url.path])
        #expect(loud.status == 1)
        #expect(loud.out.contains("HUT: failed: "), "\(loud.out)")
        let quiet = try CLI.run(["fetch", scratch.url.path, "-q"])
        #expect(quiet.status == 1)
        #expect(quiet.out == "")
        let lines = quiet.err.split(separator: "\n")
        #expect(lines.count == 2, "\(quiet.err)")
        #expect(
            lines.allSatisfy {
                $0.hasPrefix("vaultgen: error: HUT: failed: ") || $0.hasPrefix("vaultgen: error: IREN: failed: ")
            })
    }

    @Test func verboseSaysWhatWasReadAndDecided() throws {
        let vault = try FixtureVault("update-crlf")
        defer { vault.remove() }
        let common = ["update", vault.root.path, "--templates", Repo.templates.path, "--as-of", "2026-01-30"]
        let plain = try CLI.run(common + ["--dry-run"], in: Repo.root)
        let verbose = try CLI.run(common + ["-v"], in: Repo.root)
        #expect(verbose.status == 0)
        let lines = verbose.err.split(separator: "\n").map(String.init)
        #expect(lines.contains("vaultgen: vault root \(vault.root.standardizedFileURL.path)"), "\(verbose.err)")
        // Paths relative to the current folder where they are inside it.
        #expect(
            lines.contains("vaultgen: templates Templates (the built-in ones where it has none)"), "\(verbose.err)")
        #expect(lines.contains("vaultgen: read 2 notes"), "\(verbose.err)")
        #expect(lines.contains { $0.hasPrefix("vaultgen: took the lock \(vault.root.path)/") }, "\(verbose.err)")
        #expect(lines.contains { $0.hasPrefix("vaultgen: prices \(vault.root.standardizedFileURL.path)/Prices (") })
        #expect(plain.err == "")
        #expect(!plain.out.contains("vaultgen: "))
        // What the command prints on stdout does not change.
        #expect(verbose.out.hasSuffix(", 0 charts, 0 warnings\n"))
    }

    /// `-v` says when a run waits for another's lock, and for how long it may.
    @Test func verboseSaysWhoseLockItWaitsFor() throws {
        let vault = try FixtureVault("update-crlf")
        defer { vault.remove() }
        let held = try VaultLock(vaultRoot: vault.root, wait: 0)
        defer { held.release() }
        let result = try CLI.run(["update", vault.root.path, "-v", "--wait", "0.3", "--templates", Repo.templates.path])
        #expect(result.status == 2)
        #expect(result.err.contains(" is held by pid \(getpid()); waiting up to 0.3 s\n"), "\(result.err)")
        #expect(result.err.split(separator: "\n").last?.hasPrefix("vaultgen: error: ") == true, "\(result.err)")
    }

    @Test func verboseCorrSaysWhichConventionItUsed() throws {
        let plain = try CLI.run(["corr", "HUT", "IREN", "--vault", "Vault"], in: Repo.root)
        let verbose = try CLI.run(
            ["corr", "HUT", "IREN", "--vault", "Vault", "--verbose", "--returns", "log"], in: Repo.root)
        #expect(verbose.status == 0)
        #expect(
            verbose.err.contains(
                "vaultgen: convention: daily log returns, Pearson, pairwise-complete dates, "), "\(verbose.err)")
        // Paths relative to the current folder, which -C/--vault moved into the vault.
        #expect(verbose.err.contains("vaultgen: prices Prices (11 price files)\n"), "\(verbose.err)")
        #expect(plain.err == "")
    }

    @Test func quietAndVerboseTogetherAreAUsageError() throws {
        for command in [["check"], ["update"], ["corr", "HUT", "IREN"], ["fetch"]] {
            let result = try CLI.run(command + ["-q", "-v"])
            #expect(result.status == 2, "\(command)")
            #expect(
                result.err.hasPrefix("vaultgen: error: -q/--quiet and -v/--verbose cannot be used together\n"),
                "\(result.err)")
        }
    }

    // MARK: - Colour

    /// Through the binary, whose streams are pipes, not terminals: colour only when forced.
    @Test(
        arguments: [
            ([:], [], false),
            (["FORCE_COLOR": "1"], [], true),
            (["FORCE_COLOR": ""], [], false),
            (["NO_COLOR": "1", "FORCE_COLOR": "1"], [], false),
            (["NO_COLOR": ""], ["--color", "always"], true),
            (["NO_COLOR": "1"], ["--color", "always"], true),
            (["NO_COLOR": "1"], ["--color=always"], true),
            (["FORCE_COLOR": "1"], ["--color", "never"], false),
            ([:], ["--color", "auto"], false),
        ] as [([String: String], [String], Bool)])
    func colourFollowsTheFlagThenNoColorThenForceColor(environment: [String: String], flags: [String], colour: Bool)
        throws
    {
        let result = try CLI.run(["check", "/nonexistent/vault"] + flags, environment: environment)
        #expect(result.status == 2)
        let expected = colour ? "vaultgen: \(Self.redError) /nonexistent/vault" : "vaultgen: error: /nonexistent/vault"
        #expect(result.err.hasPrefix(expected), "\(result.err)")
        #expect(result.err.contains(Self.escape) == colour)
    }

    @Test func usageErrorsAndWarningsTakeColourToo() throws {
        let usage = try CLI.run(["chart", "--color", "always"])
        #expect(usage.status == 2)
        #expect(usage.err.hasPrefix("vaultgen: \(Self.redError) Missing expected argument '<note>'\n"))
        let vault = try FixtureVault("update-missing-prices")
        defer { vault.remove() }
        let update = try CLI.run(
            ["update", vault.root.path, "--dry-run", "--templates", Repo.templates.path],
            environment: ["FORCE_COLOR": "1"])
        #expect(update.err.contains("\(vault.root.path)/Gap.md:2:1: \(Self.yellowWarning) group figures"))
        // Only the word: the summary on stdout stays plain.
        #expect(!update.out.contains(Self.escape))
    }

    /// Check's text findings take colour; JSON, GitHub annotations and patches never do.
    @Test func resultsForToolsAreNeverColoured() throws {
        let forced = ["FORCE_COLOR": "1"]
        let text = try CLI.run(["check", Self.checkBasic], environment: forced)
        #expect(text.out.contains("Home.md:14:9: \(Self.redError) broken link [[Gamma]]"))
        #expect(text.out.contains(Self.yellowWarning))
        for format in ["json", "github"] {
            let plain = try CLI.run(["check", Self.checkBasic, "--format", format])
            let result = try CLI.run(["check", Self.checkBasic, "--format", format, "--color", "always"])
            #expect(result.out == plain.out, "\(format)")
            #expect(!result.out.contains(Self.escape), "\(format)")
        }
        let vault = try FixtureVault("update-crlf")
        defer { vault.remove() }
        let common = ["update", vault.root.path, "--diff", "--templates", Repo.templates.path, "--as-of", "2026-01-30"]
        let patch = try CLI.run(common + ["--color", "always"])
        #expect(patch.out == (try CLI.run(common)).out)
        #expect(patch.out.contains("+++ b/Miners.md") && !patch.out.contains(Self.escape))
        let corr = try CLI.run(
            ["corr", "HUT", "IREN", "--vault", Repo.root.appendingPathComponent("Vault").path, "--format", "json"],
            environment: forced)
        #expect(corr.status == 0 && !corr.out.contains(Self.escape))
    }

    /// The decision on a terminal, which the binary's tests (on pipes) cannot reach.
    @Test(
        arguments: [
            (ColorChoice.auto, true, [:], true),
            (.auto, true, ["TERM": "dumb"], false),
            (.auto, true, ["NO_COLOR": "1"], false),
            (.auto, true, ["NO_COLOR": ""], true),
            (.auto, false, ["FORCE_COLOR": "0"], true),
            (.auto, false, ["FORCE_COLOR": "1", "NO_COLOR": "x"], false),
            (.never, true, ["FORCE_COLOR": "1"], false),
            (.always, false, ["NO_COLOR": "1"], true),
        ] as [(ColorChoice, Bool, [String: String], Bool)])
    func colourOnATerminal(choice: ColorChoice, terminal: Bool, environment: [String: String], colour: Bool) {
        #expect(choice.enabled(isTerminal: terminal, environment: environment) == colour)
    }

    @Test func helpNamesTheOptions() throws {
        for command in ["check", "update", "corr", "chart", "rename", "clusters", "new sector", "new sector-map"] {
            let help = try CLI.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.out.contains("-q, --quiet"), "\(command)")
            #expect(help.out.contains("-v, --verbose"), "\(command)")
            #expect(help.out.contains("--color <when>"), "\(command)")
        }
        #expect(try CLI.run(["fetch", "--help"]).out.contains("-q, --quiet"))
    }
}
