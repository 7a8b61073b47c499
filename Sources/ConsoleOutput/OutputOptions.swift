import ArgumentParser
import Foundation

/// `-q`, `-v` and `--color`, which every command takes: how much it says and whether in colour.
public struct OutputOptions: ParsableArguments {
    @Flag(
        name: .shortAndLong,
        help: """
            Print errors only: no warnings, summaries or progress lines. What the command exists to print (a \
            report's errors, a table, a patch, JSON) still prints.
            """)
    public var quiet = false

    @Flag(
        name: .shortAndLong,
        help: "Also say on stderr what was read and decided (vault, config, templates, prices, notes, lock).")
    public var verbose = false

    @Option(
        help: ArgumentHelp(
            """
            Colour the error: and warning: words: auto (on a terminal, off when NO_COLOR is set, on when \
            FORCE_COLOR is set), always or never. JSON, annotations and patches are never coloured.
            """, valueName: "when"))
    public var color: ColorChoice = .auto

    public init() {}

    public func validate() throws {
        if quiet && verbose { throw ValidationError("-q/--quiet and -v/--verbose cannot be used together") }
    }

    /// The settings these options make, for this process's environment and streams.
    public func settings() -> Console.Settings {
        Self.settings(verbosity: quiet ? .quiet : verbose ? .verbose : .normal, color: color)
    }

    /// The settings a verbosity and a colour choice make, for a process with this environment and these streams.
    public static func settings(
        verbosity: Console.Verbosity, color: ColorChoice,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        stdoutIsTerminal: Bool = isatty(STDOUT_FILENO) == 1, stderrIsTerminal: Bool = isatty(STDERR_FILENO) == 1
    ) -> Console.Settings {
        Console.Settings(
            verbosity: verbosity,
            colorErrors: color.enabled(isTerminal: stderrIsTerminal, environment: environment),
            colorResults: color.enabled(isTerminal: stdoutIsTerminal, environment: environment))
    }

    /// These options as arguments, for a program this one runs (`update --fetch` runs `vaultgen-fetch`).
    public var arguments: [String] {
        (quiet ? ["--quiet"] : []) + (verbose ? ["--verbose"] : [])
            + (color == .auto ? [] : ["--color", color.rawValue])
    }

    /// The settings for messages written before the options are parsed, or when they cannot be (a usage error):
    /// normal verbosity, colour as the raw `--color` and the environment decide.
    public static func settings(scanning arguments: [String]) -> Console.Settings {
        settings(verbosity: .normal, color: ColorChoice.scan(arguments))
    }

    /// Makes these options the console's settings.
    public func apply() {
        Console.settings = settings()
    }
}

extension ColorChoice: ExpressibleByArgument {}

/// A command that takes `OutputOptions`: its `main` applies them before the command runs.
public protocol OutputCommand {
    var output: OutputOptions { get }
}
