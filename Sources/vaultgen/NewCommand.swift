import ArgumentParser
import Correlation
import Figures
import Foundation
import Refresh
import VaultModel

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a note from Templates/.",
        subcommands: [NewSectorCommand.self]
    )
}

struct NewSectorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sector",
        abstract: "Write a new sector note with its correlation figures already computed.",
        discussion: """
            The note is laid out by Templates/sector-note.mustache and holds the same figures `vaultgen update` \
            keeps current. An existing note is never overwritten.

            Exit status: 0 written, 2 on an error (the note exists, a ticker has no usable prices, bad options).
            """
    )

    @Argument(help: "The note's name (its file name without .md).")
    var name: String

    @Option(help: "The group's tickers, comma-separated: CORZ,HUT,IREN.")
    var tickers: String

    @Option(help: "Start of the window: YYYY, YYYY-MM or YYYY-MM-DD.")
    var since = "2024-01"

    @Option(help: "A sector note to compare with, written as vs [[PEER]] (its tickers are found as update finds them).")
    var peer: String?

    @Option(help: "The vault folder.")
    var vault = "."

    @Option(help: "The folder inside the vault to write the note in.")
    var folder = ""

    @Option(name: .customLong("as-of"), help: "Pin 'present' to this date (YYYY-MM-DD).")
    var asOf: String?

    @OptionGroup var templates: TemplateOptions

    func validate() throws {
        let list = tickerList
        guard list.count >= 2 else { throw ValidationError("--tickers needs at least two tickers") }
        if let bad = list.first(where: { !GroupTickers.isTicker($0) }) {
            throw ValidationError("'\(bad)' is not a ticker")
        }
        if name.isEmpty || name.contains(where: { "/\\[]#^|:".contains($0) }) {
            throw ValidationError("the name cannot be empty or contain / \\ [ ] # ^ | :")
        }
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date like 2026-01-30") }
    }

    private var tickerList: [String] {
        tickers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let root = URL(fileURLWithPath: vault)
        let relative = folder.isEmpty ? "\(name).md" : "\(folder)/\(name).md"
        let target = root.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            Output.error("vaultgen: \(target.path) exists already; it is never overwritten")
            throw ExitCode(2)
        }
        do {
            guard let folderURL = templates.folder else { throw UpdateRun.RunError.noTemplates }
            let templateSet = try TemplateSet.load(folder: folderURL)
            let (loaded, sources) = try Vault.loadWithSources(root: root)
            let updater = VaultUpdater(vault: loaded, sources: sources, templates: templateSet)
            let note = NewSectorNote(name: name, tickers: tickerList, since: since, peer: peer)
            let prices = PriceFolder(url: root.appendingPathComponent(loaded.config.prices)).load(
                try note.tickersNeeded(in: updater))
            let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
            let text = try note.render(in: updater, prices: prices, asOf: asOf.flatMap { Day(iso: $0) }, created: today)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try NoteWriter.write(Array(text.utf8), to: target.path)
            print("wrote \(target.path)")
        } catch {
            Output.error("vaultgen: \(error)")
            throw ExitCode(2)
        }
    }
}
