import ArgumentParser
import ConsoleOutput
import Foundation
import Refresh
import VaultModel

@main
struct Vaultgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaultgen",
        abstract: "Keep a markdown knowledge vault true to its data and to its links.",
        discussion: """
            Exit status: 0 when all is well, 1 when findings or changes call for attention (see each \
            command's --help), 2 on a usage, configuration or I/O error.

            Messages: errors as 'vaultgen: error: …' and warnings as 'PATH:LINE:COL: warning: …' (or 'vaultgen: \
            warning: …') on stderr; results on stdout. Every command takes -q (errors only), -v (what was read and \
            decided) and --color auto|always|never (auto: on a terminal, off when NO_COLOR is set, on when \
            FORCE_COLOR is set; --color wins over both, NO_COLOR over FORCE_COLOR).

            The vault: every command takes -C DIR (--vault DIR), run as if started in DIR; the vault is the nearest             folder from there upward holding .obsidian/ or .vaultgen.yml. -C, -q, -v and --color may come before             the command, as with git: vaultgen -C ~/Notes -q update.
            """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, UpdateCommand.self, FetchCommand.self, CorrCommand.self, NewCommand.self,
            ChartCommand.self, RenameCommand.self, ClustersCommand.self,
        ]
    )

    /// Ends the command with `status`: at once, once stdout is flushed, without returning.
    ///
    /// `check` and `update` hold a whole parsed vault (hundreds of thousands of small allocations) when they
    /// finish; freeing it one object at a time would cost a tenth of the run, and the kernel reclaims it at once.
    /// Under AddressSanitizer (`make asan`) the command returns instead and frees everything, so that
    /// LeakSanitizer sees real leaks rather than objects still in use at exit.
    static func finish(_ status: Int32) throws {
        if sanitized {
            if status != 0 { throw ExitCode(status) }
            return
        }
        fflush(nil)
        Foundation.exit(status)
    }

    /// A first argument that is no command (`vaultgen chek`, `vaultgen help nope`), with the closest command;
    /// nil when the arguments start with a command, an option, or nothing.
    static func unknownCommand(_ arguments: [String]) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        var words = arguments
        if words.first == "help" { words.removeFirst() }
        guard let first = words.first, !first.hasPrefix("-"), !names.contains(first) else { return nil }
        let suggestion = NameSuggester(names: names).suggest(first)
        return "'\(first)' is not a vaultgen command"
            + (suggestion.map { " (did you mean '\($0)'?)" } ?? "") + "; see 'vaultgen --help'"
    }

    /// Whether the AddressSanitizer runtime is loaded in this process.
    static let sanitized: Bool = {
        let process = dlopen(nil, RTLD_NOW)
        defer { if let process { dlclose(process) } }
        return dlsym(process, "__asan_init") != nil
    }()

    /// `vaultgen -C DIR -q update …` as git takes it: the options every command shares (`-C DIR`, `--vault DIR`,
    /// `-q`, `-v`, `--color WHEN`, and their `--name=value` forms) written before the command move behind the
    /// command's name (`new`'s two words), where the command's own option groups read them.
    static func hoistingDirectory(_ arguments: [String]) -> [String] {
        var words = arguments
        var moved: [String] = []
        while let first = words.first {
            if ["-C", "--vault", "--color"].contains(first), words.count >= 2 {
                moved += words.prefix(2)
                words.removeFirst(2)
            } else if ["-q", "--quiet", "-v", "--verbose"].contains(first) || first.hasPrefix("--vault=")
                || first.hasPrefix("--color=")
            {
                moved.append(first)
                words.removeFirst()
            } else {
                break
            }
        }
        guard !moved.isEmpty, let command = words.first, !command.hasPrefix("-") else { return arguments }
        let name = command == "new" && words.count > 1 && !words[1].hasPrefix("-") ? 2 : 1
        return Array(words.prefix(name)) + moved + words.dropFirst(name)
    }

    /// Runs the command; a usage error exits 2 as documented, with its message as `vaultgen: error: …` and then
    /// the usage lines.
    static func main() {
        let arguments = hoistingDirectory(Array(CommandLine.arguments.dropFirst()))
        if let problem = unknownCommand(arguments) {
            Console.settings = OutputOptions.settings(scanning: arguments)
            Console.error(problem)
            Foundation.exit(2)
        }
        runSpeaking(arguments) {
            if Console.isVerbose { VaultLock.observer = { Console.verbose($0) } }
        }
    }
}
