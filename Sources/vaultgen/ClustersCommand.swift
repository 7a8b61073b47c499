import ArgumentParser
import CommandOptions
import ConsoleOutput
import Correlation
import Figures
import Foundation
import VaultModel

/// `vaultgen clusters`: the average-linkage tree of the vault's tickers, and whether its sectors are clusters.
struct ClustersCommand: ParsableCommand, OutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Cluster the sector notes' tickers by correlation, and say whether each sector is a cluster.",
        discussion: """
            Correlates every ticker of the vault's sector notes (or --tickers, or --all the price files) as \
            `vaultgen corr` does, with the vault's correlation: settings, and clusters them by average linkage \
            (UPGMA) on the distance 1 - r: the merges and heights of scipy's \
            linkage(squareform(1 - R), method="average"), in its tie order. For each sector note: cohesion (mean \
            r inside), separation (mean r to the nearest other sector) and each ticker's silhouette \
            (b - a) / max(a, b), a being its mean distance to its own sector and b to the nearest other one. \
            Findings: a ticker closer on average to another sector than to its own; a sector whose mean \
            silhouette is <= 0; two sectors the tree does not separate at any height (not distinct). Every sector \
            note with tickers is a sector, named by its note, whichever tickers are clustered; one window is used \
            for all, --since/--until (default: all data), not each note's own.

            A ticker without usable prices, or in a pair with too few common returns (n/a), is left out with a \
            warning on stderr: while a pair is n/a, the ticker in the most n/a pairs goes.

            --format text prints the tree and the findings; markdown the same as tables for a note; json \
            {schema: "vaultgen.clusters/1", vault, tickers, Z, sectors, findings, leftOut, …} with Z in scipy's convention ([a, b, height, size], \
            leaves numbered in the order of tickers), for a notebook: \
            dendrogram(np.array(report["Z"]), labels=report["tickers"]).

            --timing prints one line to stderr with the wall time of each stage: read (the vault and the price \
            files), matrix, linkage, sectors (silhouettes and findings) and write.

            Exit status: 0 ok; 1 a ticker was left out; 2 usage error, or a vault or config that cannot be read.
            """)

    /// The vault folder as earlier versions took it; `-C` is the spelling now.
    @Argument(help: ArgumentHelp("The vault folder (the old spelling of -C).", visibility: .hidden))
    var legacyVault: String?

    @OptionGroup var location: VaultOptions

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Cluster these tickers instead of the sector notes' (separated by commas, spaces or both).",
            valueName: "tickers"))
    var tickers: [String] = []

    @Flag(help: "Cluster every ticker with a price file in the prices folder.")
    var all = false

    @OptionGroup var prices: PricesOption

    @OptionGroup var window: WindowOptions

    @Option(help: "text, markdown or json.")
    var format: ClusterReport.Format = .text

    @Flag(help: "Print the wall time of each stage (read, matrix, linkage, sectors, write) to stderr.")
    var timing = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !tickers.isEmpty, all { throw ValidationError("--tickers and --all cannot be used together.") }
        if !tickers.isEmpty, GroupTickers.list(tickers).isEmpty { throw ValidationError("--tickers names no ticker.") }
        if let bad = GroupTickers.list(tickers).first(where: { !GroupTickers.isTicker($0) }) {
            throw ValidationError("'\(bad)' is not a ticker (capitals, digits and - . ^ =, at most 12)")
        }
    }

    func run() throws {
        var times = StageTimes()
        let vault = try location.required(from: legacyVault)
        let root = vault.root
        let loaded: (vault: Vault, sources: [SourceText])
        do {
            loaded = try times.measure("read") { () throws(VaultError) in try Vault.loadWithSources(root: root) }
        } catch {
            Output.error("vaultgen: \(error)")
            throw ExitCode(2)
        }
        let config = loaded.vault.config
        // The vault's prices are read only from inside the vault (the one rule for vault files).
        let folder = prices.folder(vault, config: config)
        Console.describeVault(vault, notes: loaded.vault.notes.count)
        Console.describePrices(folder.url, display: vault.display)
        let sectors = times.measure("read") { Self.sectors(of: loaded.vault, sources: loaded.sources, prices: folder) }
        let requested: [String]
        if !tickers.isEmpty {
            requested = GroupTickers.list(tickers)
        } else if all {
            requested = folder.availableTickers()
        } else {
            var seen = Set<String>()
            requested = sectors.flatMap(\.tickers).filter { seen.insert($0).inserted }
        }
        guard !requested.isEmpty else {
            Output.error(
                "vaultgen: no tickers to cluster: \(vault.show("")) has no sector note with tickers; pass --tickers or --all"
            )
            throw ExitCode(2)
        }
        var options = CorrelationOptions(settings: config.correlation)
        (options.since, options.until) = try window.bounds()
        let series = times.measure("read") { folder.load(requested) }
        let matrix = times.measure("matrix") { CorrelationEngine.matrix(series, tickers: requested, options: options) }
        let distances = times.measure("linkage") { DistanceMatrix(matrix: matrix) }
        let dendrogram = times.measure("linkage") { distances.averageLinkage() }
        var report = times.measure("sectors") {
            ClusterReport(
                analysis: ClusterAnalysis(distances: distances, dendrogram: dendrogram, sectors: sectors),
                convention: CorrelationReport(matrix: matrix, group: []).convention, from: matrix.from?.iso,
                to: matrix.to?.iso)
        }
        report.vault = VaultRoot.absolute(vault.root.path)
        Console.verbose("convention: \(CorrelationReport(matrix: matrix, group: []).convention)")
        for warning in report.warnings { Console.warning(line: warning) }
        times.measure("write") {
            Console.result(report.render(format), terminator: "")
            fflush(nil)
        }
        if timing { Console.timing(times.line) }
        if !distances.leftOut.isEmpty { throw ExitCode(1) }
    }

    /// Each sector note with tickers, by note name, in vault order.
    static func sectors(of vault: Vault, sources: [SourceText], prices: PriceFolder) -> [Sector] {
        let catalog = SectorCatalog(
            vault: vault, sources: sources, resolver: LinkResolver(index: VaultIndex(vault)),
            knownTickers: Set(prices.availableTickers()))
        return catalog.notes.filter { !$0.tickers.isEmpty }.map {
            Sector(name: vault.notes[$0.index].name, tickers: $0.tickers)
        }
    }
}

extension ClusterReport.Format: ExpressibleByArgument {}
