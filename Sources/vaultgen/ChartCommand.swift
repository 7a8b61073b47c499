import ArgumentParser
import Charts
import CommandOptions
import ConsoleOutput
import Correlation
import DefaultTemplates
import Figures
import Foundation
import Refresh
import VaultModel

struct ChartCommand: ParsableCommand, OutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract:
            "Draw a sector note's (or sector map's) charts now: the ones it embeds, or one chart to a file of your choice.",
        discussion: """
            Without --out, draws every chart the note embeds (![[…-sector-chart.png]], \
            ![[…-correlation-heatmap.png]], ![[…-rolling-correlation.png]], or .svg) where `vaultgen update` \
            would, and writes only those whose bytes change; for a sector map note (vaultgen: sector-map), its \
            ![[…-sector-map-heatmap.png]] and ![[…-sector-dendrogram.png]]. With --out FILE, draws the sector chart (or, with \
            --heatmap, the correlation heat map; with --rolling, the rolling correlation) to FILE; .svg gives SVG, \
            anything else PNG. It prints "drew PATH" only for a chart it wrote; a chart whose place is a symbolic \
            link or leads outside the vault is left as it was, with a warning.

            Exit status: 0 drawn, 1 with warnings (a chart left as it was), 2 on an error.
            """
    )

    @Argument(help: "The sector note: its name or its path inside the vault.", completion: NoteCompletion.notes)
    var note: String

    @OptionGroup var location: VaultOptions

    @Option(
        help: "Write one chart to this file instead of the note's embeds.",
        completion: .file(extensions: ["png", "svg"]))
    var out: String?

    @Flag(help: "With --out, draw the correlation heat map instead of the price chart.")
    var heatmap = false

    @Flag(help: "With --out, draw the rolling correlation instead of the price chart.")
    var rolling = false

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var templates: TemplateOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if heatmap && out == nil { throw ValidationError("--heatmap goes with --out FILE") }
        if rolling && out == nil { throw ValidationError("--rolling goes with --out FILE") }
        if rolling && heatmap { throw ValidationError("--rolling and --heatmap draw different charts: choose one") }
    }

    func run() throws {
        let vault = try location.required()
        let root = vault.root
        let day = try asOf.day()
        let folder = templates.folder
        // A path this command (or update) printed names its note from wherever it is given.
        let note = vault.vaultPath(typed: self.note) ?? self.note
        guard let out else {
            // The note's own embeds: the chart part of an update limited to this note.
            var run = UpdateRun(vaultRoot: root, templatesFolder: folder, options: .init(asOf: day, only: [note]))
            run.builtInTemplates = DefaultTemplates.texts
            run.writesNotes = false
            run.showPath = { [vault] in vault.show($0) }
            let outcome: UpdateRun.Outcome
            do { outcome = try run.run(mode: .write) } catch {
                Output.error("vaultgen: \(error)")
                throw ExitCode(2)
            }
            Console.describeVault(
                vault, notes: outcome.plan.notesRead, prices: outcome.updater?.vault.config.prices,
                templates: templates.shownFolder(vaultRoot: root, config: outcome.updater?.vault.config),
                rendering: true)
            for warning in outcome.plan.warnings { Console.warning(line: vault.shown(warning).description) }
            // Only what was written: a chart a full disk kept out is a failure below, never "drew".
            let written = Set(outcome.written)
            for drawing in outcome.charts where written.contains(drawing.path) {
                Console.status(
                    "drew \(vault.show(drawing.path)): \(drawing.kind.rawValue) of \(vault.show(drawing.note))")
            }
            // Every sector note and sector map the run looked at explains itself: none means the note is neither.
            if outcome.plan.explanations.isEmpty {
                Output.error(
                    "vaultgen: \(self.note) is not a sector note (no tickers: in its front matter, no #sector tag) "
                        + "nor a sector map (vaultgen: sector-map)")
                throw ExitCode(2)
            }
            if outcome.plan.charts.isEmpty {
                Output.error(
                    "vaultgen: \(self.note) embeds no chart vaultgen draws (![[…-sector-chart.png]], "
                        + "![[…-correlation-heatmap.png]] or ![[…-rolling-correlation.png]]; in a sector map, "
                        + "![[…-sector-map-heatmap.png]] or ![[…-sector-dendrogram.png]])")
                throw ExitCode(1)
            }
            for failure in outcome.failures { Output.error("vaultgen: \(vault.showLeading(failure))") }
            if !outcome.failures.isEmpty { throw ExitCode(2) }
            if !outcome.plan.warnings.isEmpty { throw ExitCode(1) }
            return
        }
        do {
            let templateSet = try templates.load(vaultRoot: root)
            let (loaded, sources) = try Vault.loadWithSources(root: root)
            let prices = PriceFolder(
                vaultRoot: root, folder: loaded.config.prices, displayName: vault.show(loaded.config.prices))
            Console.describeVault(
                vault, notes: loaded.notes.count, prices: loaded.config.prices,
                templates: templates.shownFolder(vaultRoot: root, config: loaded.config), rendering: true)
            let updater = VaultUpdater(
                vault: loaded, sources: sources, templates: templateSet,
                knownTickers: Set(prices.availableTickers()))
            let image = try updater.chart(
                ofNote: note, kind: heatmap ? .heatMap : rolling ? .rollingCorrelation : .sectorChart,
                format: out.hasSuffix(".svg") ? .svg : .png,
                prices: prices.load(updater.tickersNeeded()), asOf: day)
            try NoteWriter.write(image.bytes, to: out)
            Console.status("drew \(vault.display.show(out))")
        } catch {
            Output.error("vaultgen: \(error)")
            throw ExitCode(2)
        }
    }
}
