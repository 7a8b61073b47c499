import Charts
import Correlation
import Figures
import Foundation
import VaultModel

/// Plans a refresh of a whole vault: every sector note's figures and every Related section's backlinks.
///
/// The plan is pure: it reads the vault and prices given to it and returns the new bytes of each note that
/// changes. Writing is the caller's job (`NoteWriter`), behind the vault's lock.
public struct VaultUpdater: Sendable {
    public let vault: Vault
    public let sources: [SourceText]
    public let templates: TemplateSet
    let resolver: LinkResolver
    /// Every sector note, read once: planning, the ticker list, charts and fetch all need them.
    public let catalog: SectorCatalog

    /// - Parameters:
    ///   - sources: Each note's text, in the order of `vault.notes`.
    ///   - knownTickers: The tickers of the price folder: prose names a ticker only when the run knows it.
    public init(vault: Vault, sources: [SourceText], templates: TemplateSet, knownTickers: Set<String> = []) {
        self.vault = vault
        self.sources = sources
        self.templates = templates
        resolver = LinkResolver(index: VaultIndex(vault))
        catalog = SectorCatalog(vault: vault, sources: sources, resolver: resolver, knownTickers: knownTickers)
    }

    /// Options of one run.
    public struct Options: Sendable {
        /// Pins "present": the window ends here instead of at the latest date in the data.
        public var asOf: Day?
        /// Only these notes (vault paths or names) are refreshed; empty means all.
        public var only: [String] = []

        public init(asOf: Day? = nil, only: [String] = []) {
            self.asOf = asOf
            self.only = only
        }
    }

    /// The sector notes of the vault.
    public func sectorNotes() -> [SectorNote] {
        catalog.notes
    }

    /// Every ticker the vault's sector notes need, including their peer groups.
    public func tickersNeeded() -> [String] {
        Self.tickersNeeded(catalog: catalog, resolver: resolver, vault: vault, sources: sources)
    }

    /// Every ticker the vault's sector notes need, without templates: what `vaultgen fetch` downloads.
    ///
    /// - Parameter sources: Each note's text, in the order of `vault.notes`.
    public static func tickersNeeded(vault: Vault, sources: [SourceText], knownTickers: Set<String> = []) -> [String] {
        let resolver = LinkResolver(index: VaultIndex(vault))
        let catalog = SectorCatalog(vault: vault, sources: sources, resolver: resolver, knownTickers: knownTickers)
        return tickersNeeded(catalog: catalog, resolver: resolver, vault: vault, sources: sources)
    }

    private static func tickersNeeded(
        catalog: SectorCatalog, resolver: LinkResolver, vault: Vault, sources: [SourceText]
    ) -> [String] {
        var all: [String] = []
        for sector in catalog.notes {
            all += sector.tickers
            for figure in sector.figures {
                switch figure.subject {
                case .cross(let peer):
                    if case .success(let peers) = peerTickers(
                        peer, from: sector.path, resolver: resolver, vault: vault, sources: sources)
                    {
                        all += peers
                    }
                case .pair(let a, let b): all += [a, b]
                default: break
                }
            }
            for table in sector.pairTables { all += table.rows.flatMap { [$0.a, $0.b] } }
        }
        var seen = Set<String>()
        // Only ticker-shaped names: a ticker becomes a file name.
        return all.filter { GroupTickers.isTicker($0) && seen.insert($0).inserted }
    }

    /// Plans the run, with prices already loaded for `tickersNeeded()`.
    public func plan(prices: [String: Result<PriceSeries, PriceProblem>], options: Options) -> UpdatePlan {
        var plan = UpdatePlan()
        plan.notesRead = vault.notes.count
        let editor = FigureEditor(templates: templates, labels: vault.config.labels)
        let backlinks = BacklinkWriter(vault: vault, sources: sources, resolver: resolver, templates: templates)
        let charts = ChartPlanner(vault: vault, resolver: resolver)
        // Each sector note, then each note's backlinks, on every core: the notes do not depend on each other.
        let sectors = sectorNotes().filter { selected($0.index, options) }
        let refreshed = sectors.parallelMap { sector -> SectorOutcome in
            let index = sector.index
            let correlation = correlationOptions(for: sector, asOf: options.asOf, prices: prices)
            let figures = SectorFigures(sector: sector, peers: peers(of: sector), prices: prices, options: correlation)
            let edited = editor.edit(sector, figures: figures, source: sources[index])
            let (drawings, chartWarnings) = charts.drawings(
                for: sector, note: vault.notes[index], figures: figures, prices: prices, options: correlation)
            let warnings =
                edited.warnings
                + chartWarnings.map {
                    UpdatePlan.Warning(path: sector.path, line: nil, message: $0, kind: .chart)
                }
            var lines = explain(sector, options: correlation)
            if let problem = figures.groupProblem { lines.append("group figures: not computed: \(problem)") }
            lines += edited.explained + sector.skipped.map { "\($0.position) \($0)" }
            let explanation = UpdatePlan.Explanation(path: sector.path, lines: lines)
            return SectorOutcome(
                index: index, edits: edited.edits, drawings: drawings, warnings: warnings, explanation: explanation)
        }
        let backlinkEdits = Array(vault.notes.indices).parallelMap { index in
            selected(index, options) ? backlinks.backlinks(forNote: index) : (nil, [])
        }
        var editsByNote: [Int: [TextEdit]] = [:]
        for outcome in refreshed {
            plan.sectorNotes += 1
            editsByNote[outcome.index, default: []] += outcome.edits
            plan.charts += outcome.drawings
            plan.warnings += outcome.warnings
            plan.explanations.append(outcome.explanation)
        }
        for map in SectorMapPlanner(updater: self).plan(
            prices: prices, asOf: options.asOf, selected: { selected($0, options) })
        {
            editsByNote[map.index, default: []] += map.edits
            plan.charts += map.drawings
            plan.warnings += map.warnings
            plan.explanations.append(map.explanation)
        }
        plan.charts = Self.oneDrawingPerFile(plan.charts, warnings: &plan.warnings)
        plan.warnings += ClusterClaims(updater: self).warnings(sectors: sectors, prices: prices, asOf: options.asOf)
        var leftOut: [Int: [Int]] = [:]
        for (index, (edit, unnamed)) in backlinkEdits.enumerated() {
            if let edit { editsByNote[index, default: []].append(edit) }
            for from in unnamed { leftOut[from, default: []].append(index) }
        }
        for (from, lists) in leftOut.sorted(by: { $0.key < $1.key }) {
            let note = vault.notes[from]
            let shown = lists.prefix(3).map { vault.notes[$0].path }.joined(separator: ", ")
            let more = lists.count > 3 ? " and \(lists.count - 3) more" : ""
            plan.warnings.append(
                UpdatePlan.Warning(
                    path: note.path, line: nil,
                    message:
                        "left out of the backlinks of \(shown)\(more): [[\(note.name)]] would not link to it (in a "
                        + "link, | starts an alias, # a heading, ^ a block, ]] ends it, and a line break ends the "
                        + "line); rename it to have it listed"))
        }
        for (index, edits) in editsByNote.sorted(by: { $0.key < $1.key }) where !edits.isEmpty {
            if let target = vault.symbolicLinks[vault.notes[index].path] {
                // The writers' rule (see `NoteWriter`): a link is never written through or replaced.
                plan.warnings.append(
                    UpdatePlan.Warning(
                        path: vault.notes[index].path, line: nil,
                        message:
                            "left as it was: it is a symbolic link to \(target), and vaultgen never writes through or "
                            + "over one (a note it leads to is refreshed under its own path)"))
                continue
            }
            let original = sources[index].bytes
            do {
                let updated = try Splice.apply(edits, to: original)
                guard updated != original else { continue }
                plan.changes.append(
                    UpdatePlan.Change(
                        path: vault.notes[index].path, original: original, updated: updated,
                        figures: edits.map(\.figure), edits: edits))
            } catch {
                plan.warnings.append(
                    UpdatePlan.Warning(
                        path: vault.notes[index].path, line: nil,
                        message: "left as it was: \(error.first.figure) and \(error.second.figure) overlap"))
            }
        }
        return plan
    }

    /// Keeps the first drawing of each chart file: two notes that embed one file would otherwise redraw it on
    /// every run, each in turn. Each later note that embeds it gets a warning naming both.
    static func oneDrawingPerFile(_ drawings: [ChartDrawing], warnings: inout [UpdatePlan.Warning]) -> [ChartDrawing] {
        var first: [String: String] = [:]
        var kept: [ChartDrawing] = []
        for drawing in drawings {
            guard let owner = first[drawing.path] else {
                first[drawing.path] = drawing.note
                kept.append(drawing)
                continue
            }
            guard owner != drawing.note else { continue }  // one note embedding it twice: the same picture
            warnings.append(
                UpdatePlan.Warning(
                    path: drawing.note, line: nil,
                    message:
                        "\(drawing.path) is embedded by \(owner) and \(drawing.note): drawn for \(owner) only (give "
                        + "each note a chart file of its own)"))
        }
        return kept
    }

    /// What planning one sector note gives.
    private struct SectorOutcome: Sendable {
        var index: Int
        var edits: [TextEdit]
        var drawings: [ChartDrawing]
        var warnings: [UpdatePlan.Warning]
        var explanation: UpdatePlan.Explanation
    }

    /// Where a sector note's tickers and window came from, for `--explain`.
    private func explain(_ sector: SectorNote, options: CorrelationOptions) -> [String] {
        var lines: [String] = []
        if let group = sector.group {
            lines.append("tickers: \(group.tickers.joined(separator: ", ")) (from \(group.source), line \(group.line))")
            if !group.unresolved.isEmpty {
                lines.append("listed without a ticker: \(group.unresolved.joined(separator: ", "))")
            }
        } else {
            lines.append(
                "tickers: none (no tickers: in the front matter, no Ticker column, no linked notes with ticker:)")
        }
        let from = options.since.map { "\($0.iso)" } ?? "the first price"
        let to = options.until.map { "\($0.iso)" } ?? "the latest price"
        lines.append("window: \(from) to \(to) (from \(sector.windowSource))")
        return lines
    }

    /// Why `vaultgen chart` cannot draw a note's chart.
    public struct ChartProblem: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Draws one chart of the sector note named `name` (a vault path or a note name), whatever it embeds.
    public func chart(
        ofNote name: String, kind: ChartEmbed.Kind, format: ChartImage.Format,
        prices: [String: Result<PriceSeries, PriceProblem>], asOf: Day?
    ) throws(ChartProblem) -> ChartImage {
        let options = Options(asOf: asOf, only: [name])
        guard let sector = sectorNotes().first(where: { selected($0.index, options) }) else {
            if vault.notes.indices.contains(where: {
                selected($0, options) && SectorCatalog.isSectorMap(vault.notes[$0])
            }) {
                throw ChartProblem(
                    message: "\(name) is a sector map: --out draws a sector note's charts; without --out, vaultgen "
                        + "chart draws the heat map and dendrogram the map embeds")
            }
            throw ChartProblem(message: "\(name): no sector note of that name (a note with tickers: or #sector)")
        }
        let index = sector.index
        let correlation = correlationOptions(for: sector, asOf: asOf, prices: prices)
        let figures = SectorFigures(sector: sector, peers: peers(of: sector), prices: prices, options: correlation)
        if let problem = figures.groupProblem { throw ChartProblem(message: "\(sector.path): \(problem)") }
        do {
            return try ChartPlanner(vault: vault, resolver: resolver).draw(
                kind, format: format, sector: sector, note: vault.notes[index], figures: figures, prices: prices,
                options: correlation)
        } catch {
            throw ChartProblem(message: "\(sector.path): \(error)")
        }
    }

    private func selected(_ index: Int, _ options: Options) -> Bool {
        guard !options.only.isEmpty else { return true }
        let note = vault.notes[index]
        return options.only.contains { $0 == note.path || $0 == note.name || $0 + ".md" == note.path }
    }

    /// The tickers of each peer note that `sector` names in a `vs [[Peer]]` row.
    private func peers(of sector: SectorNote) -> [String: Result<[String], SectorFigures.PeerProblem>] {
        var out: [String: Result<[String], SectorFigures.PeerProblem>] = [:]
        for figure in sector.figures {
            if case .cross(let peer) = figure.subject { out[peer] = peerTickers(peer, from: sector.path) }
        }
        return out
    }

    /// The tickers of the note a `vs [[Peer]]` link from `path` points at.
    public func peerTickers(_ peer: String, from path: String) -> Result<[String], SectorFigures.PeerProblem> {
        Self.peerTickers(peer, from: path, resolver: resolver, vault: vault, sources: sources)
    }

    private static func peerTickers(
        _ peer: String, from path: String, resolver: LinkResolver, vault: Vault, sources: [SourceText]
    ) -> Result<[String], SectorFigures.PeerProblem> {
        guard case .file(let file, _) = resolver.resolve(peer, from: path), let note = resolver.index.files[file].note
        else { return .failure(.init(reason: "no note named \(peer)")) }
        guard let group = GroupTickers.find(noteAt: note, vault: vault, sources: sources, resolver: resolver) else {
            return .failure(
                .init(reason: "\(peer) names no tickers (no tickers: in its front matter, no Ticker column)"))
        }
        guard group.unresolved.isEmpty else {
            return .failure(.init(reason: "\(peer) lists \(group.unresolved.joined(separator: ", ")) without a ticker"))
        }
        return .success(group.tickers)
    }

    /// The window and convention for one note: its window, ending at `--as-of` or the latest price of its
    /// group, and the config's choices.
    func correlationOptions(
        for sector: SectorNote, asOf: Day?, prices: [String: Result<PriceSeries, PriceProblem>]
    ) -> CorrelationOptions {
        let settings = vault.config.correlation
        var options = CorrelationOptions(
            returns: settings.returns == "log" ? .log : .simple,
            method: settings.method == "spearman" ? .spearman : .pearson,
            minOverlap: settings.minOverlap)
        // A window relative to its end (the last 12 months, YTD) ends at --as-of, else at the group's latest day.
        let latest = sector.tickers.compactMap { try? prices[$0]?.get().days.last }.max()
        let (since, until) = sector.window.bounds(end: asOf ?? (needsEnd(sector.window) ? latest : nil))
        options.since = since
        options.until = until
        if let asOf, options.until.map({ $0 > asOf }) ?? true { options.until = asOf }
        return options
    }

    private func needsEnd(_ window: NoteWindow) -> Bool {
        if case .dates = window { return false }
        return true
    }
}
