import ArgumentParser
import ConsoleOutput
import Correlation
import Foundation
import Refresh
import VaultFiles
import VaultModel

struct NewSectorMapCommand: ParsableCommand, OutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "sector-map",
        abstract: "Write a note that maps every sector note: a table, a heat map and a dendrogram.",
        discussion: """
            The note is laid out by Templates/sector-map.mustache, marked `vaultgen: sector-map` in its front \
            matter, with its | Sector | Tickers | Avg r | Nearest | Cross r | Silhouette | Findings | table filled \
            in (the figures of `vaultgen clusters`, one window for all sectors) and two embeds, \
            ![[…-sector-map-heatmap.png]] and ![[…-sector-dendrogram.png]], that `vaultgen update` draws and keeps \
            current with the table's rows. An existing note is never overwritten.

            Exit status: 0 written, 2 on an error (the note exists, no sector note with tickers, bad options, \
            a folder outside the vault, the lock held by another run).
            """
    )

    @Argument(help: "The note's name (its file name without .md).")
    var name: String

    @Option(help: "Start of the window: YYYY, YYYY-MM or YYYY-MM-DD (a period's first day).")
    var since = "2024-01"

    @OptionGroup var options: NewNoteOptions
    var output: OutputOptions { options.output }

    func validate() throws {
        _ = try DateOption.first("--since", since)
        try options.validate(name: name)
    }

    func run() throws {
        try options.write(name: name, done: " (run vaultgen update to draw its pictures)") { updater, root, today in
            let prices = PriceFolder(vaultRoot: root, folder: updater.vault.config.prices).load(updater.tickersNeeded())
            return try NewSectorMapNote(name: name, since: since).render(
                in: updater, prices: prices, asOf: options.asOfDay, created: today)
        }
    }
}
