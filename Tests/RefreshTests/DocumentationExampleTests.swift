import Foundation
import TestSupport
import Testing

/// Every shell example of README.md and docs/commands/ runs, with the built binary, against a fresh copy of
/// the sample vault, and does what the page shows: its exit status, and its output where the page shows it.
@Suite struct DocumentationExampleTests {
    /// The pages whose examples run: README's start in a folder holding `Vault/` (as the repository root
    /// does), the command pages' inside the vault.
    static let pages: [String] = {
        let commands =
            (try? FileManager.default.contentsOfDirectory(
                atPath: Repo.root.appendingPathComponent("docs/commands").path)) ?? []
        return ["README.md"] + commands.filter { $0.hasSuffix(".md") }.sorted().map { "docs/commands/\($0)" }
    }()

    @Test func everyCommandHasAPage() {
        #expect(Self.pages.count >= 9, "README.md and a page per command: \(Self.pages)")
    }

    @Test(arguments: pages)
    func examplesRun(page: String) throws {
        let markdown = try String(contentsOf: Repo.root.appendingPathComponent(page), encoding: .utf8)
        let examples = DocumentationExample.parse(markdown)
        let scratch = try Scratch("docs-examples")
        try FileManager.default.copyItem(at: Repo.sampleVault, to: scratch.url.appendingPathComponent("Vault"))
        var folder = page == "README.md" ? scratch.url : scratch.url.appendingPathComponent("Vault")
        for example in examples {
            if let reason = example.skipReason {
                print("\(page):\(example.line): not run (\(reason)): \(example.command)")
                continue
            }
            if let target = example.changedFolder {
                folder = folder.appendingPathComponent(target)
                continue
            }
            let result = try Self.shell(example.command, in: folder)
            let place = "\(page):\(example.line): \(example.command)"
            #expect(
                result.status == example.expectedStatus,
                "\(place): exit \(result.status), the page says \(example.expectedStatus)\n\(result.output)")
            if let expected = example.expectedOutput {
                let actual = DocumentationExample.lines(of: result.output)
                #expect(
                    DocumentationExample.output(actual, matches: expected),
                    "\(place): printed\n\(result.output)\nthe page shows\n\(expected.joined(separator: "\n"))")
            }
        }
    }

    /// Runs a command with `sh -c`, the built binaries first on PATH, colour off, stdout and stderr in one pipe
    /// in the order written: `stdbuf -oL` line-buffers stdout as a terminal does (a pipe would hold it to the end).
    static func shell(_ command: String, in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/stdbuf")
        process.arguments = ["-oL", "/bin/sh", "-c", command]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        let binaries = CLI.executable.deletingLastPathComponent().path
        environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "FORCE_COLOR")
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The reading of pages and the matching of output, so that a broken example cannot pass unseen.
@Suite struct DocumentationExampleParsingTests {
    @Test func shBlocksHoldCommandsAndTheirExitStatus() {
        let page = """
            ```sh
            vaultgen update            # refresh
            # a comment line
            vaultgen update --check    # exit 1
            ```
            """
        let examples = DocumentationExample.parse(page)
        #expect(
            examples.map(\.command) == ["vaultgen update            # refresh", "vaultgen update --check    # exit 1"])
        #expect(examples.map(\.expectedStatus) == [0, 1])
        #expect(examples.map(\.line) == [2, 4])
        #expect(examples.allSatisfy { $0.expectedOutput == nil && $0.skipReason == nil })
    }

    @Test func consoleBlocksHoldOutputUnderEachCommand() {
        let page = """
            Text.

              ```console
              $ cd Vault
              $ vaultgen check   # exit 1
              a.md:1:1: error: broken link [[x]]

              1 note: 1 error
              ```
            """
        let examples = DocumentationExample.parse(page)
        #expect(examples.count == 2)
        #expect(examples[0].changedFolder == "Vault")
        #expect(examples[0].expectedOutput == nil)
        #expect(examples[1].expectedStatus == 1)
        #expect(examples[1].expectedOutput == ["a.md:1:1: error: broken link [[x]]", "", "1 note: 1 error"])
    }

    @Test func aMarkedBlockIsSkippedWithItsReason() {
        let page = """
            <!-- not tested: needs the network -->
            ```sh
            vaultgen fetch
            ```

            ```sh
            vaultgen fetch --dry-run
            ```

            ```text
            $ not an example
            ```
            """
        let examples = DocumentationExample.parse(page)
        #expect(examples.map(\.skipReason) == ["needs the network", nil])
    }

    @Test func outputMustMatchLineForLineExceptForEllipsesAndTrailingSpace() {
        let actual = ["--- a/N.md\t", "+++ b/N.md\t", "-0.50", "+0.64", "1 changed"]
        #expect(
            DocumentationExample.output(actual, matches: ["--- a/N.md", "+++ b/N.md", "-0.50", "+0.64", "1 changed"]))
        #expect(DocumentationExample.output(actual, matches: ["--- a/N.md", "...", "1 changed"]))
        #expect(DocumentationExample.output(actual, matches: ["...", "+0.64", "..."]))
        #expect(!DocumentationExample.output(actual, matches: ["--- a/N.md", "...", "2 changed"]))
        #expect(!DocumentationExample.output(actual, matches: ["--- a/N.md", "+++ b/N.md"]))
        #expect(!DocumentationExample.output(actual, matches: actual + ["extra"]))
    }

    @Test func aFailingCommandIsSeenWithItsStatusAndOutput() throws {
        let scratch = try Scratch("docs-shell")
        let result = try DocumentationExampleTests.shell("vaultgen chek; echo done >&2", in: scratch.url)
        #expect(result.status == 0)
        #expect(result.output.contains("did you mean 'check'?"))
        #expect(result.output.hasSuffix("done\n"))
        let failing = try DocumentationExampleTests.shell("vaultgen chek", in: scratch.url)
        #expect(failing.status == 2)
    }
}
