import Correlation
import Foundation
import VaultModel

/// Writes the text of a new sector note from `Templates/sector-note.mustache`, its figures already computed.
///
/// The template lays the note out with the same structures `SectorRecognizer` reads, so the next
/// `vaultgen update` finds every figure and changes none of them.
public struct NewSectorNote: Sendable {
    public var name: String
    public var tickers: [String]
    public var since: String
    /// The note of the peer group to compare with (`vs [[Peer]]`), if any.
    public var peer: String?

    public init(name: String, tickers: [String], since: String, peer: String?) {
        self.name = name
        self.tickers = tickers
        self.since = since
        self.peer = peer
    }

    /// Why a note cannot be made.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The tickers the note needs prices for: its own and its peer group's.
    public func tickersNeeded(in updater: VaultUpdater) throws(Problem) -> [String] {
        tickers + (try peerTickers(in: updater))
    }

    private func peerTickers(in updater: VaultUpdater) throws(Problem) -> [String] {
        guard let peer else { return [] }
        switch updater.peerTickers(peer, from: name + ".md") {
        case .success(let found): return found
        case .failure(let problem): throw Problem(message: "--peer \(peer): \(problem.reason)")
        }
    }

    /// The note's text.
    public func render(
        in updater: VaultUpdater, prices: [String: Result<PriceSeries, PriceProblem>], asOf: Day?, created: String
    ) throws(Problem) -> String {
        guard let start = Day.parseBound(since) else {
            throw Problem(message: "--since \(since) is not YYYY, YYYY-MM or YYYY-MM-DD")
        }
        let peers = try peerTickers(in: updater)
        let settings = updater.vault.config
        let options = CorrelationOptions(
            since: start, until: asOf, returns: settings.correlation.returns == "log" ? .log : .simple,
            method: settings.correlation.method == "spearman" ? .spearman : .pearson,
            minOverlap: settings.correlation.minOverlap)
        let matrix = CorrelationEngine.matrix(prices, tickers: tickers + peers, options: options)
        let group = GroupFigures(matrix: matrix, tickers: tickers)
        if let problem = SectorFigures.problem(of: group.pairs) { throw Problem(message: problem) }
        guard let average = group.average, let lowest = group.lowest, let highest = group.highest,
            let lo = lowest.r, let hi = highest.r
        else { throw Problem(message: "a sector needs at least two tickers") }
        let format = { (x: Double) in FigureEditor.format(x, 2) }
        let labels = settings.labels
        var peerView: PeerView? = nil
        if let peer {
            let cross = CrossGroupFigures(matrix: matrix, groupA: tickers, groupB: peers)
            if let problem = SectorFigures.problem(of: cross.pairs) { throw Problem(message: "vs \(peer): \(problem)") }
            if let cl = cross.lowest?.r, let ch = cross.highest?.r {
                peerView = PeerView(
                    name: peer, low: format(cl), high: format(ch),
                    label: FigureEditor.cased(
                        VaultConfig.LabelSettings.label(for: ch, in: labels.clusters) ?? "", true))
            }
        }
        let view = SectorNoteView(
            name: name, tickerList: tickers.joined(separator: ", "), since: since, average: format(average),
            averageLabel: FigureEditor.cased(
                VaultConfig.LabelSettings.label(for: average, in: labels.correlation) ?? "", true),
            low: format(lo), high: format(hi), lowPair: lowest.a + "-" + lowest.b,
            highPair: highest.a + "-" + highest.b, peer: peerView,
            rows: group.pairs.enumerated().map { i, pair in
                PairRowView(pair: pair.a + " - " + pair.b, correlation: format(pair.r ?? .nan), top: i == 0)
            },
            actors: tickers.map { ActorView(company: companyLink(for: $0, in: updater.vault), ticker: $0) },
            created: created)
        return updater.templates.render("sector-note", view)
    }

    /// `[[Company]]` for the note whose `ticker:` is this ticker, else empty.
    private func companyLink(for ticker: String, in vault: Vault) -> String {
        guard let note = vault.notes.first(where: { $0.property("ticker")?.string == ticker }) else { return "" }
        return "[[\(note.name)]]"
    }
}

/// The view model of `sector-note.mustache`: stored, preformatted strings.
struct SectorNoteView {
    let name: String
    let tickerList: String
    let since: String
    let average: String
    let averageLabel: String
    let low: String
    let high: String
    let lowPair: String
    let highPair: String
    let peer: PeerView?
    let rows: [PairRowView]
    let actors: [ActorView]
    let created: String
}

struct PeerView {
    let name: String
    let low: String
    let high: String
    let label: String
}

struct ActorView {
    let company: String
    let ticker: String
}
