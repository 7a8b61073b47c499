import Charts
import Correlation
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
    let tickerFinder: TickerFinder
    /// Every sector note, recognised once: planning and the ticker list both need them.
    let sectors: [(index: Int, sector: SectorNote)]

    /// - Parameters:
    ///   - sources: Each note's text, in the order of `vault.notes`.
    public init(vault: Vault, sources: [SourceText], templates: TemplateSet) {
        self.vault = vault
        self.sources = sources
        self.templates = templates
        resolver = LinkResolver(index: VaultIndex(vault))
        tickerFinder = TickerFinder(vault: vault, sources: sources, resolver: resolver)
        sectors = Self.sectorNotes(vault: vault, tickerFinder: tickerFinder)
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

    /// The sector notes of the vault, by note index.
    public func sectorNotes() -> [(index: Int, sector: SectorNote)] {
        sectors
    }

    /// Every ticker the vault's sector notes need, including their peer groups.
    public func tickersNeeded() -> [String] {
        Self.tickersNeeded(sectors: sectors, resolver: resolver, tickerFinder: tickerFinder)
    }

    /// Every ticker the vault's sector notes need, without templates: what `vaultgen fetch` downloads.
    ///
    /// - Parameter sources: Each note's text, in the order of `vault.notes`.
    public static func tickersNeeded(vault: Vault, sources: [SourceText]) -> [String] {
        let resolver = LinkResolver(index: VaultIndex(vault))
        let finder = TickerFinder(vault: vault, sources: sources, resolver: resolver)
        return tickersNeeded(
            sectors: sectorNotes(vault: vault, tickerFinder: finder), resolver: resolver, tickerFinder: finder)
    }

    /// Recognises every sector note, on every core.
    private static func sectorNotes(vault: Vault, tickerFinder: TickerFinder) -> [(index: Int, sector: SectorNote)] {
        let recognizer = SectorRecognizer(tickerFinder: tickerFinder, labels: vault.config.labels)
        let found = Array(vault.notes.indices).parallelMap { recognizer.recognize(noteAt: $0) }
        return found.enumerated().compactMap { i, sector in sector.map { (i, $0) } }
    }

    private static func tickersNeeded(
        sectors: [(index: Int, sector: SectorNote)], resolver: LinkResolver, tickerFinder: TickerFinder
    ) -> [String] {
        var all: [String] = []
        for (_, sector) in sectors {
            all += sector.tickers
            for slot in sector.slots {
                if case .crossRow(let peer, _, _, _, _) = slot,
                    case .success(let peers) = peerTickers(
                        peer, from: sector.path, resolver: resolver, tickerFinder: tickerFinder)
                {
                    all += peers
                }
                if case .pairProse(let a, let b, _, _, _) = slot { all += [a, b] }
            }
        }
        var seen = Set<String>()
        return all.filter { seen.insert($0).inserted }
    }

    /// Plans the run, with prices already loaded for `tickersNeeded()`.
    public func plan(prices: [String: Result<PriceSeries, PriceProblem>], options: Options) -> UpdatePlan {
        var plan = UpdatePlan()
        plan.notesRead = vault.notes.count
        let refresher = SectorRefresher(templates: templates, labels: vault.config.labels)
        let backlinks = BacklinkWriter(vault: vault, sources: sources, resolver: resolver, templates: templates)
        let charts = ChartPlanner(vault: vault, resolver: resolver)
        // Each sector note, then each note's backlinks, on every core: the notes do not depend on each other.
        let sectors = sectorNotes().filter { selected($0.index, options) }
        let refreshed = sectors.parallelMap { entry -> SectorOutcome in
            let (index, sector) = entry
            var warnings: [UpdatePlan.Warning] = []
            let correlation = correlationOptions(
                for: sector, asOf: options.asOf, path: sector.path, warnings: &warnings)
            let figures = SectorFigures(sector: sector, peers: peers(of: sector), prices: prices, options: correlation)
            let (edits, figureWarnings) = refresher.edits(for: sector, figures: figures, source: sources[index])
            let (drawings, chartWarnings) = charts.drawings(
                for: sector, note: vault.notes[index], figures: figures, prices: prices, options: correlation)
            warnings += (sector.problems + figureWarnings + chartWarnings).map {
                UpdatePlan.Warning(path: sector.path, line: nil, message: $0)
            }
            return SectorOutcome(index: index, edits: edits, drawings: drawings, warnings: warnings)
        }
        let backlinkEdits = Array(vault.notes.indices).parallelMap { index in
            selected(index, options) ? backlinks.edit(forNote: index) : nil
        }
        var editsByNote: [Int: [TextEdit]] = [:]
        for outcome in refreshed {
            plan.sectorNotes += 1
            editsByNote[outcome.index, default: []] += outcome.edits
            plan.charts += outcome.drawings
            plan.warnings += outcome.warnings
        }
        for (index, edit) in backlinkEdits.enumerated() {
            if let edit { editsByNote[index, default: []].append(edit) }
        }
        for (index, edits) in editsByNote.sorted(by: { $0.key < $1.key }) where !edits.isEmpty {
            let original = sources[index].bytes
            do {
                let updated = try Splice.apply(edits, to: original)
                guard updated != original else { continue }
                plan.changes.append(
                    UpdatePlan.Change(
                        path: vault.notes[index].path, original: original, updated: updated,
                        figures: edits.map(\.figure)))
            } catch {
                plan.warnings.append(
                    UpdatePlan.Warning(
                        path: vault.notes[index].path, line: nil,
                        message: "left as it was: \(error.first.figure) and \(error.second.figure) overlap"))
            }
        }
        return plan
    }

    /// What planning one sector note gives.
    private struct SectorOutcome: Sendable {
        var index: Int
        var edits: [TextEdit]
        var drawings: [ChartDrawing]
        var warnings: [UpdatePlan.Warning]
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
        guard let (index, sector) = sectorNotes().first(where: { selected($0.index, options) }) else {
            throw ChartProblem(message: "\(name): no sector note of that name (a note with tickers and figures)")
        }
        var warnings: [UpdatePlan.Warning] = []
        let correlation = correlationOptions(for: sector, asOf: asOf, path: sector.path, warnings: &warnings)
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
        for case .crossRow(let peer, _, _, _, _) in sector.slots { out[peer] = peerTickers(peer, from: sector.path) }
        return out
    }

    /// The tickers of the note a `vs [[Peer]]` link from `path` points at.
    public func peerTickers(_ peer: String, from path: String) -> Result<[String], SectorFigures.PeerProblem> {
        Self.peerTickers(peer, from: path, resolver: resolver, tickerFinder: tickerFinder)
    }

    private static func peerTickers(
        _ peer: String, from path: String, resolver: LinkResolver, tickerFinder: TickerFinder
    ) -> Result<[String], SectorFigures.PeerProblem> {
        guard case .file(let file, _) = resolver.resolve(peer, from: path), let note = resolver.index.files[file].note
        else { return .failure(.init(reason: "no note named \(peer)")) }
        guard let (tickers, _) = tickerFinder.tickers(ofNote: note) else {
            return .failure(
                .init(reason: "\(peer) names no tickers (no tickers: in its front matter, no Ticker column)"))
        }
        return .success(tickers)
    }

    /// The window and convention for one note: its `since`, its `until` or `--as-of`, and the config's choices.
    func correlationOptions(for sector: SectorNote, asOf: Day?, path: String, warnings: inout [UpdatePlan.Warning])
        -> CorrelationOptions
    {
        let settings = vault.config.correlation
        var options = CorrelationOptions(
            returns: settings.returns == "log" ? .log : .simple,
            method: settings.method == "spearman" ? .spearman : .pearson,
            minOverlap: settings.minOverlap)
        if let since = sector.since {
            if let day = Day.parseBound(since) {
                options.since = day
            } else {
                warnings.append(
                    .init(
                        path: path, line: nil,
                        message: "period start '\(since)' is not YYYY, YYYY-MM or YYYY-MM-DD; using all data"))
            }
        }
        if let until = sector.until {
            if let day = Self.endOfPeriod(until) {
                options.until = day
            } else {
                warnings.append(
                    .init(path: path, line: nil, message: "period end '\(until)' is not a date; using the latest data"))
            }
        }
        if let asOf, options.until.map({ $0 > asOf }) ?? true { options.until = asOf }
        return options
    }

    /// The last day a period end names: `2025` is Dec 31, `2025-06` is June 30.
    static func endOfPeriod(_ text: String) -> Day? {
        guard let start = Day.parseBound(text) else { return nil }
        let parts = text.split(separator: "-")
        switch parts.count {
        case 1:
            return Day(year: start.civil.year + 1, month: 1, day: 1).map { Day(daysSince1970: $0.daysSince1970 - 1) }
        case 2:
            let (y, m) = start.civil.month == 12 ? (start.civil.year + 1, 1) : (start.civil.year, start.civil.month + 1)
            return Day(year: y, month: m, day: 1).map { Day(daysSince1970: $0.daysSince1970 - 1) }
        default: return start
        }
    }
}
