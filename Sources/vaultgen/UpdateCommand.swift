import ArgumentParser
import CommandOptions
import ConsoleOutput
import Correlation
import DefaultTemplates
import Figures
import Foundation
import Refresh
import VaultModel

struct UpdateCommand: ParsableCommand, OutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Refresh every sector note's figures from prices, and every Related section's backlinks.",
        discussion: """
            Rewrites notes in place: only the figures vaultgen can bind to what they measure (see \
            docs/sector-notes.md, and --explain) and the generated Backlinks subsection change; everything else \
            renders exactly as before. Every number in a correlation context that is left as it was is reported \
            as PATH:LINE:COL: warning. A note is written only when its bytes change, atomically, behind a lock \
            file in the vault (.vaultgen/lock; the .vaultgen/ folder is made with a .gitignore holding *). \
            Nothing outside the vault is read or written, and a symbolic link \
            is never written through or replaced: a note or chart that is one is left as it was, with a warning \
            (a note it leads to is refreshed under its own path), and a lock file that is one stops the run \
            (exit 2). A note whose name no [[link]] can hold (| # ^ ]] or a line break) is left out of backlink \
            lists, with a warning; a chart file two sector notes embed is drawn for the first, with a warning. \
            A sector note that calls itself a "distinct cluster", "separate from [[X]]" or labels a vs [[X]] row \
            "Separate clusters" is warned about, line named, when the average-linkage tree of every sector's \
            tickers disagrees (see vaultgen clusters); its words are kept. A sector map note (vaultgen: sector-map, \
            see vaultgen new sector-map) gets the body rows of its | Sector | Tickers | Avg r | … | table and its \
            …-sector-map-heatmap and …-sector-dendrogram pictures redrawn, nothing else.

            With --diff, standard output is a patch that `git apply` and `patch -p1` apply in the vault folder; \
            the summary and every other message go to standard error. --check --diff prints the patch and exits 1 \
            when anything would change, with no output and status 0 when nothing would.

            --format json prints one JSON object instead (schema vaultgen.update/1, docs/schemas/): every note \
            that changes with each edit (line, column, figure, subject, old and new text), every chart, warning \
            (path, line, column, kind, message) and failure, the summary counts, exitStatus and exitReason \
            (ok, would-change, warnings, prices-missing, fetch-failed, not-written); paths are relative to its \
            "vault", the vault's absolute root. Errors that stop the run before a report stay on stderr.

            The vault is the nearest folder, from the current one (or -C DIR) upward, holding .obsidian/ or \
            .vaultgen.yml; in no vault, update refuses to run (exit 2). Paths are shown relative to the current \
            folder, and a path it printed can be given back to --only.

            Exit status: 0 done (or nothing to do); 1 with --check when something would change, or with \
            --strict when there are warnings; 2 on an error (bad vault, config or template, lock held by \
            another run, a note that could not be written).
            """
    )

    /// The vault folder, as older versions took it; `-C` is the spelling now. Hidden, and quiet: cron lines that
    /// still use it keep working without a word.
    @Argument(help: ArgumentHelp("The vault folder (the old spelling of -C).", visibility: .hidden))
    var legacyVault: String?

    @OptionGroup var location: VaultOptions

    @OptionGroup var asOf: AsOfOption

    @Flag(name: .customLong("dry-run"), help: "List what would change; write nothing.")
    var dryRun = false

    @Flag(help: "Print a unified diff of what would change (a patch for git apply or patch -p1); write nothing.")
    var diff = false

    @Flag(help: "Write nothing; exit 1 when anything would change (for CI). With --diff, also print the diff.")
    var check = false

    @Option(
        parsing: .upToNextOption, help: "Refresh only these notes (vault paths or names).",
        completion: NoteCompletion.notes)
    var only: [String] = []

    @Flag(help: "Exit 1 when there are warnings.")
    var strict = false

    @OptionGroup var templates: TemplateOptions

    @Option(help: "Seconds to wait for another run's lock before giving up.")
    var wait: Double = 10

    @Flag(help: "Print how long each stage took (read, index, prices, plan, charts, stage, flush, rename) to stderr.")
    var timing = false

    @OptionGroup var output: OutputOptions

    @Flag(help: "First download new daily bars, as `vaultgen fetch` does; exit 1 if a ticker failed.")
    var fetch = false

    @Option(
        help:
            "text, or json: one JSON object on stdout (schema vaultgen.update/1) with every change, chart and warning.")
    var format: ReportFormat = .text

    @Flag(
        help: """
            For each sector note (or those of --only): where its tickers and window came from, every figure it \
            owns (line:column, what it measures, old → new, why the binding is certain) and every number left \
            with its reason. Writes nothing.
            """)
    var explain = false

    func validate() throws {
        if dryRun && (diff || check) {
            throw ValidationError("--dry-run lists what would change; it does not go with --diff or --check")
        }
        if explain && (dryRun || diff || check || fetch) {
            throw ValidationError("--explain writes nothing and prints its own report; pass it alone (with --only)")
        }
        if format == .json && (diff || explain) {
            throw ValidationError("--format json is a report of its own; it does not go with --diff or --explain")
        }
        if let problem = LockWait.problem(wait) { throw ValidationError(problem) }
    }

    func run() throws {
        let vault = try location.required(from: legacyVault)
        // The fetch program runs in this folder (after -C) and finds the same vault from its root.
        let fetched =
            try !fetch
            || FetchProgram.run(
                arguments: [vault.root.path, "--wait", "\(wait)"] + (dryRun || diff || check ? ["--dry-run"] : [])
                    + output.arguments,
                outputToStandardError: diff || format == .json)
        // A path this command printed names its note from wherever it is given.
        let notes = only.map { vault.vaultPath(typed: $0) ?? $0 }
        let asOfDay = try asOf.day()
        var run = UpdateRun(
            vaultRoot: vault.root, templatesFolder: templates.folder,
            options: VaultUpdater.Options(asOf: asOfDay, only: notes))
        run.builtInTemplates = DefaultTemplates.texts
        run.lockWait = wait
        run.showPath = { [vault] in vault.show($0) }
        let outcome: UpdateRun.Outcome
        do {
            outcome = try run.run(mode: dryRun || diff || check || explain ? .look : .write)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        if let note = outcome.lockNote { Console.warning(note) }
        Console.describeVault(
            vault, notes: outcome.plan.notesRead, prices: outcome.updater?.vault.config.prices,
            templates: templates.shownFolder(vaultRoot: vault.root, config: outcome.updater?.vault.config),
            rendering: true)
        let plan = outcome.plan
        if explain {
            for explanation in plan.explanations {
                Console.result(vault.show(explanation.path))
                for line in explanation.lines { Console.result("  " + line) }
            }
            try Vaultgen.finish(0)
            return  // finish returns under AddressSanitizer
        }
        let reason: UpdateReport.ExitReason =
            !outcome.failures.isEmpty
            ? .notWritten
            : check && !(plan.changes.isEmpty && outcome.charts.isEmpty)
                ? .wouldChange
                : strict && !plan.warnings.isEmpty
                    ? .warnings
                    // Figures that could not be refreshed for want of every price file are worth a mail from cron.
                    : outcome.pricesMissing != nil ? .pricesMissing : fetched ? .ok : .fetchFailed
        if let folder = outcome.pricesMissing {
            Console.error(
                "\(vault.show(folder)): no price files (the config's `prices:` names this folder, "
                    + "default Prices); no figure or chart was refreshed")
        }
        if format == .json {
            let mode: UpdateReport.Mode = check ? .check : dryRun ? .dryRun : .write
            let report = UpdateReport(
                outcome: outcome, vault: VaultRoot.absolute(vault.root.path), mode: mode, asOf: asOfDay?.iso,
                exit: reason)
            Console.result(report.json, terminator: "")
            if timing { Console.timing(outcome.times.line) }
            try Vaultgen.finish(reason.status)
            return  // finish returns under AddressSanitizer
        }
        for warning in plan.warnings { Console.warning(line: vault.shown(warning).description) }
        let looking = dryRun || diff || check
        if diff {
            // Standard output is the patch alone: everything else goes to standard error.
            for change in plan.changes {
                Console.result(
                    UnifiedDiff.render(old: change.original, new: change.updated, path: change.path), terminator: "")
            }
            for drawing in outcome.charts {
                Console.info("vaultgen: chart \(vault.show(drawing.path)) would be drawn anew")
            }
        } else {
            let verb = looking ? "would update" : "updated"
            // A set: thousands of notes written would make a list look-up per note quadratic (0.2 s for 9,203).
            let written = Set(outcome.written)
            for change in plan.changes where looking || written.contains(change.path) {
                Console.status("\(verb) \(vault.show(change.path)): \(Self.describe(change.figures))")
            }
            for drawing in outcome.charts where looking || written.contains(drawing.path) {
                Console.status(
                    "\(looking ? "would draw" : "drew") \(vault.show(drawing.path)): \(drawing.kind.rawValue) of \(vault.show(drawing.note))"
                )
            }
        }
        for failure in outcome.failures { Console.error(vault.showLeading(failure)) }
        if diff { Console.info(outcome.summary) } else { Console.status(outcome.summary) }
        if timing { Console.timing(outcome.times.line) }
        try Vaultgen.finish(reason.status)
    }

    /// `pair table, Range row x2, backlinks`
    static func describe(_ figures: [String]) -> String {
        var counts: [(String, Int)] = []
        for figure in figures {
            if let i = counts.firstIndex(where: { $0.0 == figure }) {
                counts[i].1 += 1
            } else {
                counts.append((figure, 1))
            }
        }
        return counts.map { $0.1 > 1 ? "\($0.0) x\($0.1)" : $0.0 }.joined(separator: ", ")
    }
}
