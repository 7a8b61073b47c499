import ArgumentParser
import ConsoleOutput
import Correlation
import Figures
import Foundation
import Refresh
import VaultFiles
import VaultModel

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a note from Templates/.",
        subcommands: [NewSectorCommand.self, NewSectorMapCommand.self]
    )
}

struct NewSectorCommand: ParsableCommand, OutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "sector",
        abstract: "Write a new sector note with its correlation figures already computed.",
        discussion: """
            The note is laid out by Templates/sector-note.mustache and holds the same figures `vaultgen update` \
            keeps current. An existing note is never overwritten. The note is written inside the vault only (a \
            --folder that climbs out, or a folder that is a symbolic link leaving the vault, is refused), behind \
            the vault's lock as `update` takes it (--wait), and prices are read only from inside the vault.

            Exit status: 0 written, 2 on an error (the note exists, a ticker has no usable prices, bad options, \
            a folder outside the vault, the lock held by another run).
            """
    )

    @Argument(help: "The note's name (its file name without .md).")
    var name: String

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "The group's tickers, separated by commas, spaces or both: CORZ,HUT,IREN.", valueName: "tickers"))
    var tickers: [String]

    @Option(help: "Start of the window: YYYY, YYYY-MM or YYYY-MM-DD (a period's first day).")
    var since = "2024-01"

    @Option(
        help: "A sector note to compare with, written as vs [[PEER]] (its tickers are found as update finds them).",
        completion: NoteCompletion.notes)
    var peer: String?

    @OptionGroup var options: NewNoteOptions
    var output: OutputOptions { options.output }

    func validate() throws {
        let list = tickerList
        guard list.count >= 2 else { throw ValidationError("--tickers needs at least two tickers") }
        if let bad = list.first(where: { !GroupTickers.isTicker($0) }) {
            throw ValidationError("'\(bad)' is not a ticker")
        }
        _ = try DateOption.first("--since", since)
        try options.validate(name: name)
    }

    private var tickerList: [String] { GroupTickers.list(tickers) }

    func run() throws {
        try options.write(name: name) { updater, root, today in
            let note = NewSectorNote(name: name, tickers: tickerList, since: since, peer: peer)
            let prices = PriceFolder(vaultRoot: root, folder: updater.vault.config.prices).load(
                try note.tickersNeeded(in: updater))
            return try note.render(in: updater, prices: prices, asOf: options.asOfDay, created: today)
        }
    }
}
