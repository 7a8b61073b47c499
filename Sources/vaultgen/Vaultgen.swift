import ArgumentParser
import Foundation

@main
struct Vaultgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaultgen",
        abstract: "Keep a markdown knowledge vault true to its data and to its links.",
        discussion: """
            Exit status: 0 when all is well, 1 when findings or changes call for attention (see each \
            command's --help), 2 on a usage, configuration or I/O error.
            """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, UpdateCommand.self, FetchCommand.self, CorrCommand.self, NewCommand.self,
            ChartCommand.self,
        ]
    )

    /// Ends the process now with `status`, once stdout is flushed.
    ///
    /// `check` and `update` hold a whole parsed vault (hundreds of thousands of small allocations) when they
    /// finish; freeing it one object at a time would cost a tenth of the run, and the kernel reclaims it at once.
    static func exitNow(_ status: Int32) -> Never {
        fflush(nil)
        Foundation.exit(status)
    }

    /// Runs the command; a usage error exits 2 as documented (swift-argument-parser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
