import Foundation
import Testing

/// Runs the built `vaultgen` executable, the way cron and CI do.
enum CLI {
    static var executable: URL {
        let folder = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return folder.appendingPathComponent("vaultgen")
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("The command line: output and exit status")
struct CommandLineTests {
    @Test func checkExitsOneWithErrorsAndPrintsGitHubAnnotations() throws {
        let input = Repo.fixtures.appendingPathComponent("check-basic/input")
        let result = try CLI.run(["check", input.path, "--format", "github"])
        #expect(result.status == 1)
        #expect(result.out.contains("::error file=\(input.path)/Home.md,line=14,col=20,title=broken link::[[Alpah]]"))
        #expect(result.out.hasSuffix("6 notes, 23 links, 1 attachment: 8 errors, 5 warnings\n"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["check", "--format", "xml"]).status == 2)
        #expect(try CLI.run(["update", "--dry-run", "--check"]).status == 2)
        let missing = try CLI.run(["check", "/nonexistent/vault"])
        #expect(missing.status == 2)
        #expect(missing.err == "vaultgen: /nonexistent/vault: no such vault folder\n")
    }

    @Test func updateCheckThenUpdateThenCheckAgain() throws {
        let vault = try FixtureVault("update-crlf")
        defer { vault.remove() }
        let common = ["--templates", Repo.templates.path, "--as-of", "2026-01-30"]
        let look = try CLI.run(["update", vault.root.path, "--check"] + common)
        #expect(look.status == 1)
        #expect(look.out.contains("would update \(vault.root.path)/Miners.md: average in prose, pair table, backlinks"))
        let diff = try CLI.run(["update", vault.root.path, "--diff"] + common)
        #expect(diff.status == 0)
        #expect(diff.out.contains("-A tight group (0.10 correlation).\n+A tight group (0.70 correlation).\n"))
        let write = try CLI.run(["update", vault.root.path] + common)
        #expect(write.status == 0)
        #expect(write.out.hasSuffix("2 notes read, 1 sector notes, 1 changed (2 figures refreshed, 1 backlink lists), 0 warnings\n"))
        let again = try CLI.run(["update", vault.root.path, "--check"] + common)
        #expect(again.status == 0)
    }

    @Test func strictTurnsWarningsIntoExitOne() throws {
        let vault = try FixtureVault("update-missing-prices")
        defer { vault.remove() }
        let result = try CLI.run(["update", vault.root.path, "--strict", "--templates", Repo.templates.path])
        #expect(result.status == 1)
        #expect(result.err.contains("Gap.md: warning: pair table left as it was"))
    }
}
