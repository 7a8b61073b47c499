import Correlation
import Figures
import Foundation
import Mustache
import VaultModel

/// Writes the text of a new sector map note from `Templates/sector-map.mustache`, its table already filled in.
///
/// The note carries `vaultgen: sector-map` and `since:` in its front matter, the table `SectorMapPlanner` owns
/// and the two embeds it draws, so the next `vaultgen update` draws the pictures and changes no row.
public struct NewSectorMapNote: Sendable {
    public var name: String
    public var since: String

    public init(name: String, since: String) {
        self.name = name
        self.since = since
    }

    /// Why a note cannot be made.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The prefix of the chart files: the name as a file name, without a trailing "sector map" (`vault` when
    /// nothing is left), so `Sector map` embeds `vault-sector-map-heatmap.png`.
    public var chartPrefix: String {
        var slug = name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        while slug.contains("--") { slug = slug.replacingOccurrences(of: "--", with: "-") }
        slug = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        if slug.hasSuffix("sector-map") { slug = String(slug.dropLast("sector-map".count)) }
        slug = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return slug.isEmpty ? "vault" : slug
    }

    /// The note's text.
    public func render(
        in updater: VaultUpdater, prices: [String: Result<PriceSeries, PriceProblem>], asOf: Day?, created: String
    ) throws(Problem) -> String {
        guard let start = NoteWindow.day(since, end: false) else {
            throw Problem(message: "--since \(since) is not YYYY, YYYY-MM or YYYY-MM-DD")
        }
        guard updater.templates.contains("sector-map"), updater.templates.contains(SectorMapPlanner.template) else {
            throw Problem(message: "Templates/sector-map.mustache and Templates/sector-map-table.mustache are needed")
        }
        var options = CorrelationOptions(settings: updater.vault.config.correlation)
        options.since = start
        options.until = asOf
        let map = SectorMap(notes: updater.sectorNotes(), prices: prices, options: options)
        guard !map.notes.isEmpty else { throw Problem(message: "the vault has no sector note with tickers to map") }
        var table = updater.templates.render(SectorMapPlanner.template, SectorMapTableView(rows: map.rows()))
        if table.hasSuffix("\n") { table.removeLast() }
        let view = SectorMapNoteView(name: name, since: since, table: table, slug: chartPrefix, created: created)
        return updater.templates.render("sector-map", view)
    }
}

/// The view model of `sector-map.mustache`: stored, preformatted strings.
struct SectorMapNoteView: MustacheParent {
    let name: String
    let since: String
    let table: String
    let slug: String
    let created: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "since": return since
        case "table": return table
        case "slug": return slug
        case "created": return created
        default: return nil
        }
    }
}
