import Charts
import Correlation
import Figures
import VaultModel

/// Plans the refresh of every sector map note: its table's body rows and the two pictures it embeds.
///
/// A sector map note is marked by `vaultgen: sector-map` in its front matter. vaultgen owns, in it, the body rows
/// of its first table headed `| Sector | Tickers | Avg r | Nearest | Cross r | Silhouette | Findings |` (laid out
/// by `Templates/sector-map-table.mustache`) and the files of its embeds `![[…-sector-map-heatmap.png]]` and
/// `![[…-sector-dendrogram.png]]` (or `.svg`); every other byte of the note is the user's. The window is the
/// note's `since:`/`until:` (else all data), ending at `--as-of`; the convention is the vault's `correlation:`.
struct SectorMapPlanner {
    /// The header of the table vaultgen owns, compared without emphasis and case.
    static let header = ["sector", "tickers", "avg r", "nearest", "cross r", "silhouette", "findings"]
    static let template = "sector-map-table"

    /// What planning one map note gives.
    struct Outcome: Sendable {
        var index: Int
        var edits: [TextEdit] = []
        var drawings: [ChartDrawing] = []
        var warnings: [UpdatePlan.Warning] = []
        var explanation: UpdatePlan.Explanation
    }

    let updater: VaultUpdater

    /// The sector map notes of the vault, by index (never a sector note; `update: exclude:` keeps one out).
    func mapNotes() -> [Int] {
        let exclude = updater.vault.config.update.exclude.map(PathPattern.init)
        return updater.vault.notes.indices.filter { index in
            let note = updater.vault.notes[index]
            return SectorCatalog.isSectorMap(note) && !PathPattern.any(exclude, match: note.path)
        }
    }

    /// The edits, drawings and warnings of each map note `selected` keeps.
    func plan(
        prices: [String: Result<PriceSeries, PriceProblem>], asOf: Day?, selected: (Int) -> Bool
    ) -> [Outcome] {
        mapNotes().filter(selected).map { plan(note: $0, prices: prices, asOf: asOf) }
    }

    /// The window and convention of a map note: its `since:`/`until:` (else all data), the vault's settings.
    func options(for note: Note, asOf: Day?) -> CorrelationOptions {
        var options = CorrelationOptions(settings: updater.vault.config.correlation)
        options.since = note.property("since")?.string.flatMap { NoteWindow.day($0, end: false) }
        options.until = note.property("until")?.string.flatMap { NoteWindow.day($0, end: true) }
        if let asOf, options.until.map({ $0 > asOf }) ?? true { options.until = asOf }
        return options
    }

    /// The map the note shows.
    func map(for note: Note, prices: [String: Result<PriceSeries, PriceProblem>], asOf: Day?) -> SectorMap {
        SectorMap(notes: updater.sectorNotes(), prices: prices, options: options(for: note, asOf: asOf))
    }

    /// The table whose body rows vaultgen owns in a sector map note: the first with the map's header.
    static func ownedTable(in note: Note, source: SourceText) -> MarkdownTable? {
        guard SectorCatalog.isSectorMap(note) else { return nil }
        return note.blocks.lazy.compactMap { MarkdownTable.read($0, in: source) }.first {
            $0.header.cells.map { $0.plain.lowercased() } == Self.header
        }
    }

    private func plan(note index: Int, prices: [String: Result<PriceSeries, PriceProblem>], asOf: Day?) -> Outcome {
        let note = updater.vault.notes[index]
        let source = updater.sources[index]
        let map = self.map(for: note, prices: prices, asOf: asOf)
        var lines = [
            "sector map: \(map.notes.count) sector notes with tickers, \(map.analysis.distances.tickers.count) "
                + "tickers clustered, \(map.subtitle)"
        ]
        var outcome = Outcome(index: index, explanation: UpdatePlan.Explanation(path: note.path, lines: []))
        func warn(_ line: Int?, _ message: String, _ kind: UpdatePlan.Warning.Kind = .figure) {
            outcome.warnings.append(UpdatePlan.Warning(path: note.path, line: line, message: message, kind: kind))
        }
        let table = Self.ownedTable(in: note, source: source)
        let embeds = ChartEmbed.find(in: note).filter(\.kind.isSectorMap)
        // As a sector's group is all-or-nothing: a ticker whose price file is missing or unreadable (a failed
        // download, a folder not synced yet) would turn every row into a different clustering, so the table and
        // pictures stay as they were and the tickers are named once. A ticker that has prices but too little
        // overlap is a fact of the data: it is left out of the clustering, and its row says so.
        let unpriced = Self.unpriced(map.notes.flatMap(\.tickers), prices)
        if !unpriced.isEmpty {
            warn(
                table?.header.line ?? embeds.first?.line,
                "sector map left as it was: no prices for \(unpriced.joined(separator: ", "))")
            outcome.explanation.lines =
                lines + ["sector map left as it was: no prices for " + unpriced.joined(separator: ", ")]
            return outcome
        }
        for left in map.analysis.distances.leftOut { warn(nil, "sector map: \(left)") }
        if let table {
            if updater.templates.contains(Self.template) {
                var text = updater.templates.render(Self.template, SectorMapTableView(rows: map.rows()))
                if text.hasSuffix("\n") { text.removeLast() }
                if table.isAligned { text = TableAligner.align(text, like: table) }
                // A table without body rows gets them after its delimiter row.
                if table.rows.isEmpty { text = "\n" + text }
                outcome.edits.append(
                    TextEdit(
                        range: table.bodyRange, replacement: FigureEditor.withLineEnding(text, source),
                        figure: "sector map table"))
                lines.append("\(table.header.line):1 sector map table: \(map.notes.count) rows, one per sector note")
            } else {
                warn(
                    table.header.line, "sector map table left as it was: Templates/\(Self.template).mustache is missing"
                )
            }
        } else if embeds.isEmpty {
            warn(
                nil,
                "a sector map note with nothing to refresh: no | Sector | Tickers | Avg r | Nearest | Cross r | "
                    + "Silhouette | Findings | table and no ![[…-sector-map-heatmap.png]] or "
                    + "![[…-sector-dendrogram.png]] embed")
        }
        let charts = ChartPlanner(vault: updater.vault, resolver: updater.resolver)
        for embed in embeds {
            let name = "\(embed.kind.rawValue) \(VaultPath.fileName(of: embed.target))"
            guard let path = charts.outputPath(for: embed, from: note) else {
                warn(embed.line, "\(name) left as it was: its path leaves the vault", .chart)
                continue
            }
            guard map.analysis.distances.tickers.count >= 2 else {
                warn(embed.line, "\(name) left as it was: fewer than two tickers could be clustered", .chart)
                continue
            }
            let format: ChartImage.Format = embed.isSVG ? .svg : .png
            do {
                let image =
                    embed.kind == .sectorDendrogram
                    ? try map.dendrogram(title: "\(note.name): average-linkage tree of the sectors' tickers")
                        .render(as: format)
                    : try map.heatMap(title: "\(note.name): correlations in the tree's order").render(as: format)
                outcome.drawings.append(ChartDrawing(path: path, note: note.path, kind: embed.kind, bytes: image.bytes))
                lines.append("\(embed.line):1 \(name) → \(path)")
            } catch {
                warn(embed.line, "\(name) left as it was: \(error)", .chart)
            }
        }
        outcome.explanation.lines = lines
        return outcome
    }

    /// The tickers, each once in first-seen order, whose prices could not be read.
    static func unpriced(_ tickers: [String], _ prices: [String: Result<PriceSeries, PriceProblem>]) -> [String] {
        var seen = Set<String>()
        return tickers.filter { ticker in
            guard seen.insert(ticker).inserted else { return false }
            if case .success = prices[ticker] { return false }
            return true
        }
    }
}
