import ArgumentParser
import ConsoleOutput
import Correlation
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
            file in the vault (.vaultgen.lock). Nothing outside the vault is read or written, and a symbolic link \
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

            Exit status: 0 done (or nothing to do); 1 with --check when something would change, or with \
            --strict when there are warnings; 2 on an error (bad vault, config or template, lock held by \
            another run, a note that could not be written).
            """
    )

    @Argument(help: "The vault folder.", completion: .directory)
    var vault: String = "."

    @Option(name: .customLong("as-of"), help: "Pin 'present' to this date (YYYY-MM-DD) so a refresh can be reproduced.")
    var asOf: String?

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
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date like 2026-01-30") }
        if let problem = LockWait.problem(wait) { throw ValidationError(problem) }
    }

    func run() throws {
        let fetched =
            try !fetch
            || FetchProgram.run(
                arguments: [vault, "--wait", "\(wait)"] + (dryRun || diff || check ? ["--dry-run"] : [])
                    + output.arguments,
                outputToStandardError: diff)
        var run = UpdateRun(
            vaultRoot: URL(fileURLWithPath: vault), templatesFolder: templates.folder,
            options: VaultUpdater.Options(asOf: asOf.flatMap { Day(iso: $0) }, only: only))
        run.lockWait = wait
        run.typedVault = vault
        let outcome: UpdateRun.Outcome
        do {
            outcome = try run.run(mode: dryRun || diff || check || explain ? .look : .write)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        if let note = outcome.lockNote { Console.warning(note) }
        Console.describeVault(
            URL(fileURLWithPath: vault), notes: outcome.plan.notesRead, prices: outcome.updater?.vault.config.prices,
            templates: templates.folder)
        let plan = outcome.plan
        if explain {
            for explanation in plan.explanations {
                Console.result(prefixed(explanation.path))
                for line in explanation.lines { Console.result("  " + line) }
            }
            try Vaultgen.finish(0)
        }
        if let folder = outcome.pricesMissing {
            Console.error(
                "\(prefixed(folder)): no price files (the config's `prices:` names this folder, "
                    + "default Prices); no figure or chart was refreshed")
        }
        for warning in plan.warnings { Console.warning(line: prefixed(warning.description)) }
        let looking = dryRun || diff || check
        if diff {
            // Standard output is the patch alone: everything else goes to standard error.
            for change in plan.changes {
                Console.result(
                    UnifiedDiff.render(old: change.original, new: change.updated, path: change.path), terminator: "")
            }
            for drawing in outcome.charts {
                Console.info("vaultgen: chart \(prefixed(drawing.path)) would be drawn anew")
            }
        } else {
            let verb = looking ? "would update" : "updated"
            // A set: thousands of notes written would make a list look-up per note quadratic (0.2 s for 9,203).
            let written = Set(outcome.written)
            for change in plan.changes where looking || written.contains(change.path) {
                Console.status("\(verb) \(prefixed(change.path)): \(Self.describe(change.figures))")
            }
            for drawing in outcome.charts where looking || written.contains(drawing.path) {
                Console.status(
                    "\(looking ? "would draw" : "drew") \(prefixed(drawing.path)): \(drawing.kind.rawValue) of \(drawing.note)"
                )
            }
        }
        for failure in outcome.failures { Console.error(prefixed(failure)) }
        if diff { Console.info(outcome.summary) } else { Console.status(outcome.summary) }
        if timing { Console.timing(outcome.times.line) }
        if !outcome.failures.isEmpty { try Vaultgen.finish(2) }
        if check && !(plan.changes.isEmpty && outcome.charts.isEmpty) { try Vaultgen.finish(1) }
        if strict && !plan.warnings.isEmpty { try Vaultgen.finish(1) }
        // Figures that could not be refreshed for want of every price file are worth a mail from cron.
        if outcome.pricesMissing != nil { try Vaultgen.finish(1) }
        try Vaultgen.finish(fetched ? 0 : 1)
    }

    private func prefixed(_ path: String) -> String {
        vault == "." ? path : (vault.hasSuffix("/") ? vault : vault + "/") + path
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
