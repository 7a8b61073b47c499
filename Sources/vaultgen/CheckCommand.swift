import ArgumentParser
import Foundation
import VaultModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Check every link of a vault: broken links, missing attachments, headings and blocks, ambiguity, orphans.",
        discussion: """
            Each finding is printed as path:line:column with the link as written and a hint. Which kinds are \
            errors or warnings, and which targets and orphans are ignored, is set in the vault's .vaultgen.yml.

            Links in front-matter properties (up: "[[Parent]]", lists of such strings, markdown links inside a \
            string) are checked and count against orphans, at the line of their property.

            Exit status: 0 with no errors, 1 with errors, 2 on a usage, configuration or I/O error.
            """
    )

    @Argument(help: "The vault folder.")
    var vault: String = "."

    @Option(help: "Output format: text, json or github (workflow annotations).")
    var format: CheckReport.Format = .text

    @Flag(help: "Print how long each stage took (read, index, check, report) to stderr.")
    var timing = false

    func run() throws {
        var times = StageTimes()
        let loaded: Vault
        do {
            loaded = try times.measure("read") { () throws(VaultError) in
                try Vault.load(root: URL(fileURLWithPath: vault))
            }
        } catch {
            FileHandle.standardError.write(Data("vaultgen: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let checker = times.measure("index") { LinkChecker(vault: loaded) }
        let result = times.measure("check") { checker.check() }
        let report = times.measure("report") { CheckReport.render(result, format: format, pathPrefix: vault) }
        print(report, terminator: "")
        if timing { FileHandle.standardError.write(Data((times.line + "\n").utf8)) }
        try Vaultgen.finish(result.errors > 0 ? 1 : 0)
    }
}

extension CheckReport.Format: ExpressibleByArgument {}
