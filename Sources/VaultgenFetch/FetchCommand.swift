import ArgumentParser
import CommandOptions
import ConsoleOutput
import Fetch
import Figures
import Foundation
import Refresh
import VaultModel

/// `vaultgen fetch`: download the new daily bars of every ticker the vault's notes use into its price files.
///
/// A program of its own, `vaultgen-fetch`, which `vaultgen fetch` and `vaultgen update --fetch` run: only it
/// links URLSession, whose libcurl and its thirty libraries cost every other command 6 ms to start.
@main
struct FetchCommand: ParsableCommand, OutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaultgen fetch",
        abstract: "Download new daily bars into the vault's price files.",
        discussion: """
            Fetches the tickers of every sector note (and their peer groups) plus the config's fetch: tickers: \
            from the provider set in .vaultgen.yml (stooq or yahoo), asking for the days after each file's last \
            (with a few days of overlap), and appends them atomically. When the provider's closes for days the \
            file already holds differ (a dividend or split re-adjusted history), the whole file is rewritten \
            from the provider. One line per ticker: updated N rows, up to date, rewrote N rows, or failed: \
            reason; a failed ticker's file is left exactly as it was.

            --format json prints one JSON object instead (schema vaultgen.fetch/1, docs/schemas/): "vault", the \
            vault's absolute root; per ticker its outcome (downloaded, updated, up-to-date, rewritten, failed, \
            would-request) with rows, the corrected day, the request (--dry-run), the failure's kind and reason; \
            the counts; and exitStatus. Errors that stop the run before any ticker stay on stderr.

            The vault is the nearest folder, from the current one (or -C DIR) upward, holding .obsidian/ or \
            .vaultgen.yml; in no vault, fetch refuses to run (exit 2).

            Exit status: 0 every ticker up to date or written; 1 some failed (the others are still written); \
            2 on a usage or configuration error, or when another run holds the lock.
            """)

    /// The vault folder, as older versions took it; `-C` is the spelling now (hidden, and quiet for cron).
    @Argument(help: ArgumentHelp("The vault folder (the old spelling of -C).", visibility: .hidden))
    var legacyVault: String?

    @OptionGroup var location: VaultOptions

    @Flag(name: .customLong("dry-run"), help: "Print the requests that would be made; fetch and write nothing.")
    var dryRun = false

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Fetch only these tickers, separated by commas, spaces or both: HUT,IREN.", valueName: "tickers"))
    var tickers: [String] = []

    @Option(help: "Seconds to wait for another run's lock before giving up.")
    var wait: Double = 10

    @Option(
        help: ArgumentHelp(
            "text (a line per ticker), or json: one JSON object on stdout (schema vaultgen.fetch/1).",
            valueName: "format"))
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let problem = LockWait.problem(wait) { throw ValidationError(problem) }
        guard let list = tickerList else { return }
        guard !list.isEmpty else { throw ValidationError("--tickers needs at least one ticker") }
        if let bad = list.first(where: { !GroupTickers.isTicker($0) }) {
            throw ValidationError("'\(bad)' is not a ticker")
        }
    }

    /// `--tickers`, however the list was split; nil when not given.
    private var tickerList: [String]? {
        tickers.isEmpty ? nil : GroupTickers.list(tickers)
    }

    /// Runs the command; a usage error exits 2 as documented (swift-argument-parser's default is 64).
    static func main() {
        runSpeaking(Array(CommandLine.arguments.dropFirst())) {
            if Console.isVerbose { VaultLock.observer = { Console.verbose($0) } }
        }
    }

    /// Prints a line per ticker as soon as it is done (with `-q`, only the failed ones, on stderr), then the
    /// summary; exits 1 when some ticker failed.
    func run() throws {
        let vault: VaultOptions.Located
        do { vault = try location.vault(from: legacyVault) } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        var fetch = FetchRun(vaultRoot: vault.root, tickers: tickerList)
        fetch.showPath = { vault.show($0) }
        fetch.dryRun = dryRun
        fetch.lockWait = wait
        if Console.isVerbose { describe(vault) }
        let report: FetchReport
        do {
            // Flushed: a long run shows progress in the log.
            report = try fetch.run { result in
                if result.failed && Console.isQuiet {
                    Console.error(result.line)
                } else if format == .text {
                    Console.status(result.line)
                }
                fflush(nil)
            }
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        if let note = report.lockNote { Console.warning(note) }
        if format == .json {
            Console.result(report.json(vault: VaultRoot.absolute(vault.root.path), dryRun: dryRun), terminator: "")
        } else {
            Console.status(report.summary)
        }
        if report.exitStatus != 0 { throw ExitCode(1) }
    }

    /// With `-v`: the vault, its config, the provider and the price folder.
    func describe(_ vault: VaultOptions.Located) {
        Console.verbose("vault root \(vault.show(""))")
        let file = vault.root.appendingPathComponent(VaultConfig.fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            Console.verbose("config: no \(VaultConfig.fileName) in the vault root; the defaults apply")
            return
        }
        Console.verbose("config \(vault.show(VaultConfig.fileName))")
        if let config = try? VaultConfig.load(vaultRoot: vault.root) {
            Console.verbose("provider \(config.fetch.provider), prices \(vault.show(config.prices))")
        }
    }
}
