import Foundation
import TestSupport
import Testing
import VaultModel

@testable import Correlation
@testable import Refresh

/// A sector note naming many tickers without price files (issue 15, item 10): reasons belong to tickers, so
/// nothing is built per pair and the warning stays a line long.
@Suite("A sector note naming many tickers without prices")
struct ManyTickersTests {
    /// The one sector note of a vault whose note names `count` tickers, with a pair table and a peer row.
    static func figures(count: Int) throws -> SectorFigures {
        let tickers = (0..<count).map { String(format: "T%05d", $0) }
        let text = """
            ---
            tickers: [\(tickers.joined(separator: ", "))]
            ---
            # Big

            The average pairwise correlation is 0.61; vs [[Peers]] it is 0.30.

            """
        let texts = ["Sectors/Big.md": text, "Sectors/Peers.md": "---\ntickers: [P1, P2]\n---\n# Peers\n"]
        let vault = Vault(texts: texts)
        let sources = vault.notes.map { SourceText(texts[$0.path] ?? "") }
        let templates = try TemplateSet.load(folder: Repo.templates)
        let updater = VaultUpdater(vault: vault, sources: sources, templates: templates)
        let sector = try #require(updater.sectorNotes().first { $0.path == "Sectors/Big.md" })
        let peers = ["Peers": updater.peerTickers("Peers", from: sector.path)]
        return SectorFigures(sector: sector, peers: peers, prices: [:], options: CorrelationOptions(minOverlap: 2))
    }

    @Test func noPairIsBuiltAndTheMatrixHasNoCells() throws {
        let figures = try Self.figures(count: 300)
        #expect(figures.matrix.values.isEmpty, "no cells for tickers without prices: \(figures.matrix.values.count)")
        #expect(
            figures.group.pairs.isEmpty, "no pair of a ticker without prices is listed: \(figures.group.pairs.count)")
        #expect(figures.group.excludedPairs == 300 * 299 / 2)
        #expect(figures.group.leftOut.count == 300)
        #expect(figures.group.average == nil)
    }

    @Test func theGroupsProblemNamesFiveTickersAndCountsTheRest() throws {
        let figures = try Self.figures(count: 300)
        #expect(
            figures.groupProblem
                == "no usable prices for T00000 (no prices loaded), T00001 (no prices loaded), T00002 (no prices "
                + "loaded), T00003 (no prices loaded), T00004 (no prices loaded) and 295 more (tickers from front "
                + "matter, line 2)")
    }

    @Test func thePeerProblemNamesTickersNotPairs() throws {
        let figures = try Self.figures(count: 300)
        guard case .failure(let problem) = figures.cross("Peers") else {
            Issue.record("the cross figures of a group without prices were computed")
            return
        }
        #expect(problem.reason.utf8.count < 400)
        // The group's own tickers are named without their reasons: the group's warning gave those once.
        #expect(problem.reason.hasPrefix("no usable prices for T00000, T00001, T00002, T00003, T00004"))
        #expect(problem.reason.hasSuffix(" and 297 more"))
    }
}
