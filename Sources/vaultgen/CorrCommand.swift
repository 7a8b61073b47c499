import ArgumentParser
import CommandOptions
import ConsoleOutput
import Correlation
import Figures
import Foundation
import VaultModel

/// `vaultgen corr`: correlates tickers' returns from the vault's price files and prints the matrix and figures.
struct CorrCommand: ParsableCommand, OutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "corr",
        abstract: "Correlate tickers' returns from price files.",
        discussion: """
            Reads <TICKER>.csv from the prices folder (Date,Close; Yahoo with Adj Close; or Stooq) and computes \
            (with the vault's correlation: settings from .vaultgen.yml, which --returns, --method and \
            --min-overlap override) what pandas' prices.pct_change().corr() does: daily simple returns between consecutive rows, \
            Pearson over the dates both tickers have, within [--since, --until]. Prints the matrix, every pair \
            high to low, the average of the unrounded pairs, the range and each ticker's mean r to the others. \
            Table and markdown round to 2 decimals; csv (matrix, pairs and figures as three sections) and json \
            (schema vaultgen.corr/1, with "vault", the vault's absolute root, or null for --prices alone) keep \
            full precision, and every format names a thing alike: a, b, r, overlap, reason for a pair; average, \
            excludedPairs, lowest, highest, meanToOthers for the figures (spaced and capitalised in table and \
            markdown). A ticker whose file is missing or bad is left out with a warning on stderr.

            --timing prints one line to stderr with the wall time of each stage: read (the price files), \
            matrix (the correlations), figures (pairs sorted, averages) and write (the output), e.g. \
            "timing: read 0.412 s, matrix 0.088 s, figures 0.310 s, write 0.650 s, total 1.460 s".

            --rolling N prints the tickers' average pairwise correlation over a trailing window of N return \
            periods instead, date by date: each pair's Pearson r over its last N common dates (pandas' \
            a.rolling(N).corr(b) on the dates both have), averaged over the pairs that have a value that date \
            (stages: read, rolling, write). Its columns are date, average and pairCount in every format; json \
            (schema vaultgen.corr-rolling/1) holds them as rows.

            Without --prices, the prices are the vault's (found from the current folder or -C DIR upward, as \
            every command finds it; in no vault corr refuses, exit 2). With --prices, a folder of price files \
            alone will do, and the vault's settings are used when there is a vault.

            Exit status: 0 ok; 1 some figure is n/a because a price file is missing or bad; 2 usage error.
            """)

    @Argument(
        help: ArgumentHelp(
            "The tickers to correlate, separated by spaces, commas or both: HUT IREN WULF, HUT,IREN,WULF (capitals, digits and - . ^ =; never a path).",
            valueName: "tickers"))
    var tickerWords: [String]

    /// The tickers, however the list was split.
    var tickers: [String] { GroupTickers.list(tickerWords) }

    @OptionGroup var window: WindowOptions

    @OptionGroup var location: VaultOptions

    @OptionGroup var prices: PricesOption

    @Option(help: "simple or log returns (default: the vault config's correlation: returns, else simple).")
    var returns: CorrelationOptions.ReturnKind?

    @Option(help: "pearson, or spearman, ranks with average ties (default: the vault config's, else pearson).")
    var method: CorrelationOptions.Method?

    @Option(help: "pairwise: the dates each pair shares; intersection: only dates every ticker has.")
    var align: CorrelationOptions.Alignment = .pairwise

    @Flag(help: "Weekly returns between the last closes of ISO weeks.")
    var weekly = false

    @Option(
        name: .customLong("min-overlap"),
        help: "Fewest common periods for a pair to be computed (default: the vault config's, else 60).")
    var minOverlap: Int?

    @Option(help: "table, markdown, csv or json.")
    var format: CorrelationReport.Format = .table

    @Flag(help: "Print the wall time of each stage (read, matrix, figures, write) to stderr.")
    var timing = false

    @Option(help: "Print the average pairwise rolling correlation over this many trading days instead.")
    var rolling: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        // A ticker becomes a file name: anything else (`../../secret`) must never become a path.
        if tickers.isEmpty { throw ValidationError("name at least one ticker") }
        if let bad = tickers.first(where: { !GroupTickers.isTicker($0) }) {
            throw ValidationError("'\(bad)' is not a ticker (capitals, digits and - . ^ =, at most 12)")
        }
        _ = try options(config: .init())
        if let minOverlap, minOverlap < 1 { throw ValidationError("--min-overlap must be at least 1.") }
        if let rolling {
            guard rolling >= 2 else { throw ValidationError("--rolling must be at least 2.") }
            guard (method ?? .pearson) == .pearson, align == .pairwise, !weekly else {
                throw ValidationError(
                    "--rolling is Pearson on each pair's common daily returns (no --method, --align, --weekly).")
            }
        }
    }

    func run() throws {
        // With --prices, a folder of prices alone will do; the vault's prices need the vault.
        let vault = try prices.path == nil ? location.required() : location.optional()
        let config = try config(vault)
        // The JSON report's `vault`: null for a folder of prices alone.
        let vaultRoot = vault.map { VaultRoot.absolute($0.root.path) }
        let folder = prices.folder(vault, config: config)
        // The vault's `correlation:` settings, as `update` uses them; flags override each one.
        let options = try options(config: config?.correlation ?? .init())
        let tickers = self.tickers
        if Console.isVerbose {
            Console.describePrices(folder.url, display: vault?.display ?? PathDisplay(vaultRoot: nil))
            if let vault,
                FileManager.default.fileExists(atPath: vault.root.appendingPathComponent(VaultConfig.fileName).path)
            {
                Console.verbose("correlation settings from \(vault.show(VaultConfig.fileName)) where no flag is given")
            } else {
                Console.verbose("config: no \(VaultConfig.fileName); the defaults apply where no flag is given")
            }
        }
        var times = StageTimes()
        let series = times.measure("read") { folder.load(tickers) }
        if let rolling {
            let result = times.measure("rolling") {
                RollingCorrelation.group(series, tickers: tickers, window: rolling, options: options)
            }
            let missing = tickers.filter { if case .success = series[$0] { false } else { true } }
            for ticker in missing {
                let problem = series[ticker].flatMap { if case .failure(let p) = $0 { p } else { nil } }
                Console.warning("\(ticker) left out: \(problem.map { "\($0)" } ?? "no prices")")
            }
            times.measure("write") {
                let returns = options.returns == .log ? "log" : "simple"
                let title =
                    "\(rolling)-day rolling Pearson r of daily \(returns) returns, mean over the pairs of "
                    + tickers.joined(separator: ", ")
                Console.result(result.render(format, title: title, vault: vaultRoot), terminator: "")
            }
            if timing { Console.timing(times.line) }
            if !missing.isEmpty { throw ExitCode(1) }
            return
        }
        let matrix = times.measure("matrix") { CorrelationEngine.matrix(series, tickers: tickers, options: options) }
        var report = times.measure("figures") { CorrelationReport(matrix: matrix) }
        report.vault = vaultRoot
        Console.verbose("convention: \(report.convention)")
        for warning in report.warnings { Console.warning(line: warning) }
        times.measure("write") {
            if format == .csv {
                // Thousands of tickers make a CSV of hundreds of megabytes: stream it.
                report.csv { FileHandle.standardOutput.write(Data($0.utf8)) }
            } else {
                Console.result(report.render(format), terminator: "")
            }
        }
        if timing { Console.timing(times.line) }
        if report.hasDataProblems { throw ExitCode(1) }
    }

    /// The options the flags describe, the vault config's settings where a flag is not given; throws a usage
    /// error for a malformed date.
    func options(config: VaultConfig.CorrelationSettings) throws -> CorrelationOptions {
        let (since, until) = try window.bounds()
        return CorrelationOptions(
            since: since, until: until,
            returns: returns ?? (config.returns == "log" ? .log : .simple),
            method: method ?? (config.method == "spearman" ? .spearman : .pearson), alignment: align,
            frequency: weekly ? .weekly : .daily, minOverlap: minOverlap ?? config.minOverlap)
    }

    /// The vault's config; nil outside a vault (a folder of prices alone, given with --prices).
    func config(_ vault: VaultOptions.Located?) throws -> VaultConfig? {
        guard let vault else { return nil }
        do { return try VaultConfig.load(vaultRoot: vault.root) } catch {
            Output.error("vaultgen: \(error)")
            throw ExitCode(2)
        }
    }
}

extension CorrelationOptions.ReturnKind: ExpressibleByArgument {}
extension CorrelationOptions.Method: ExpressibleByArgument {}
extension CorrelationOptions.Alignment: ExpressibleByArgument {}
extension CorrelationReport.Format: ExpressibleByArgument {}
