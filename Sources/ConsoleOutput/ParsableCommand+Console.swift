import ArgumentParser
import Foundation

extension ParsableCommand {
    /// Parses `arguments` and runs the command the way vaultgen's programs do: with the command's `-q`, `-v` and
    /// `--color` in force before it runs; a usage error as `vaultgen: error: …` with the usage lines after it, exit 2
    /// (swift-argument-parser's default is 64); any other error a command throws as `vaultgen: error: …`.
    ///
    /// - Parameter prepare: runs once the command's options are in force, before the command.
    public static func runSpeaking(_ arguments: [String], prepare: () -> Void = {}) {
        // Until the command's own -q, -v and --color are parsed (or when they cannot be).
        Console.settings = OutputOptions.settings(scanning: arguments)
        do {
            var command = try parseAsRoot(arguments)
            (command as? OutputCommand)?.output.apply()
            prepare()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Console.usageError(fullMessage(for: error))
                Foundation.exit(2)
            }
            if code != .success, !(error is ExitCode) {
                Console.error(message(for: error))
                Foundation.exit(code.rawValue)
            }
            // Help, version, completions, or an exit code the command chose after saying why.
            exit(withError: error)
        }
    }
}
