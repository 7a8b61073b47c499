import Correlation
import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

/// Prices whose correlations are known exactly: BBB moves with AAA (r = 1), CCC against it (r = −1),
/// DDD on an orthogonal ±1 pattern (r = 0).
enum KnownPrices {
    static let days = 120
    static func series(_ ticker: String, _ pattern: (Int) -> Double) -> PriceSeries {
        var close = 100.0
        var closes: [Double] = [close]
        for t in 1...days {
            close *= 1 + 0.01 * pattern(t)
            closes.append(close)
        }
        // 2023-12-31 onward, so the first return in a window from 2024-01 uses the close before it.
        return PriceSeries(ticker: ticker, days: (0...days).map { Day(daysSince1970: 19722 + $0) }, closes: closes)
    }
    static func alternating(_ t: Int) -> Double { t % 2 == 0 ? 1 : -1 }
    static func pairs(_ t: Int) -> Double { (t / 2) % 2 == 0 ? 1 : -1 }
    static var all: [String: Result<PriceSeries, PriceProblem>] {
        [
            "AAA": .success(series("AAA", alternating(_:))),
            "BBB": .success(series("BBB", alternating(_:))),
            "CCC": .success(series("CCC", { -alternating($0) })),
            "DDD": .success(series("DDD", pairs(_:))),
        ]
    }
}

/// Plans an update of a vault made from texts, with the repository's templates.
func plan(
    _ texts: [String: String], prices: [String: Result<PriceSeries, PriceProblem>] = KnownPrices.all,
    config: VaultConfig = {
        var c = VaultConfig(); c.correlation.minOverlap = 20; return c
    }()
) throws -> (plan: UpdatePlan, text: (String) -> String) {
    let vault = Vault(texts: texts, config: config)
    let sources = vault.notes.map { SourceText(texts[$0.path]!) }
    let updater = VaultUpdater(vault: vault, sources: sources, templates: try TemplateSet.load(folder: Repo.templates))
    let result = updater.plan(prices: prices, options: .init())
    return (
        result,
        { path in
            result.changes.first { $0.path == path }.map { String(decoding: $0.updated, as: UTF8.self) } ?? texts[path]!
        }
    )
}

@Suite("Recognising and refreshing a sector note's figures")
struct SectorRefreshTests {
    let note = """
        ---
        tickers: [AAA, BBB, CCC]
        since: 2024-01
        ---
        # Test sector

        Moves as a cluster (0.10 correlation).

        | Metric | Value | Interpretation |
        |---|---|---|
        | Avg correlation | 0.1 | weak, says the author |
        | Range | 0.1 – 0.2 | AAA/BBB to BBB/CCC |
        | Period | 2024-01 to present | |

        **Pairs**
        | Pair | Correlation |
        |---|---|
        | AAA – BBB | 0.123 |

        - AAA-DDD correlation: 0.5 (Strong)
        - CCC and AAA least correlated (0.3)

        """

    @Test func everyFigureInTheNotesOwnFormat() throws {
        let (result, text) = try plan(["S.md": note])
        #expect(result.warnings == [])
        #expect(
            text("S.md") == """
                ---
                tickers: [AAA, BBB, CCC]
                since: 2024-01
                ---
                # Test sector

                Moves as a cluster (-0.33 correlation).

                | Metric | Value | Interpretation |
                |---|---|---|
                | Avg correlation | -0.3 | negative, says the author |
                | Range | -1.0 – 1.0 | BBB/CCC to AAA/BBB |
                | Period | 2024-01 to present | |

                **Pairs**
                | Pair | Correlation |
                |---|---|
                | AAA – BBB | 1.000 |
                | AAA – CCC | -1.000 |
                | BBB – CCC | -1.000 |

                - AAA-DDD correlation: 0.0 (Near zero)
                - BBB and CCC least correlated (-1.0)

                """)
    }

    @Test func recognisedSlots() throws {
        let vault = Vault(texts: ["S.md": note])
        let finder = TickerFinder(
            vault: vault, sources: [SourceText(note)], resolver: LinkResolver(index: VaultIndex(vault)))
        let sector = try #require(SectorRecognizer(tickerFinder: finder, labels: .init()).recognize(noteAt: 0))
        #expect(sector.tickers == ["AAA", "BBB", "CCC"])
        #expect(sector.tickerSource == "front matter")
        #expect(sector.since == "2024-01")
        #expect(
            sector.slots.map(\.name) == [
                "average in prose", "Avg correlation row", "Range row", "pair table", "AAA-DDD correlation",
                "least correlated pair",
            ])
    }

    @Test func missingPriceFileLeavesGroupFiguresAndWarns() throws {
        var prices = KnownPrices.all
        prices["CCC"] = .failure(.missingFile(ticker: "CCC", file: "Prices/CCC.csv"))
        let (result, text) = try plan(["S.md": note], prices: prices)
        let updated = text("S.md")
        #expect(updated.contains("(0.10 correlation)"))
        #expect(updated.contains("| AAA – BBB | 0.123 |"))
        #expect(updated.contains("AAA-DDD correlation: 0.0 (Near zero)"))
        #expect(result.warnings.count == 5)
        #expect(
            result.warnings.first?.description.hasPrefix(
                "S.md: warning: average in prose left as it was: AAA-CCC, BBB-CCC n/a:") == true)
        #expect(result.warnings.allSatisfy { $0.message.contains("Prices/CCC.csv") })
    }

    @Test func boldTopRowAndCRLFAreKept() throws {
        let crlf =
            "---\r\ntickers: AAA, DDD\r\n---\r\n| Pair | Correlation |\r\n|---|---|\r\n| AAA-DDD | **0.50** |\r\n| x | 0.1 |\r\n"
        let (_, text) = try plan(["C.md": crlf])
        #expect(
            text("C.md")
                == "---\r\ntickers: AAA, DDD\r\n---\r\n| Pair | Correlation |\r\n|---|---|\r\n| AAA-DDD | **0.00** |\r\n"
        )
    }

    @Test func alignedTableStaysAligned() throws {
        let aligned = """
            ---
            tickers: [AAA, BBB]
            ---
            | Pair        | Correlation |
            | ----------- | ----------- |
            | AAA - BBB   | 0.10        |

            """
        let (_, text) = try plan(["A.md": aligned])
        #expect(text("A.md").contains("| AAA - BBB   | 1.00        |\n"))
    }

    @Test func tickersFromTheActorsTableOrFromLinkedNotes() throws {
        let byColumn = "| Company | Ticker |\n|---|---|\n| A | AAA |\n| B | **BBB** |\n\nGroup (0.5 correlation)\n"
        let byLinks =
            "| Company | Role |\n|---|---|\n| [[Alpha]] | x |\n| [[Beta\\|B]] | y |\n\nGroup (0.5 correlation)\n"
        let (_, text) = try plan([
            "Col.md": byColumn, "Links.md": byLinks, "Alpha.md": "---\nticker: AAA\n---\n",
            "Beta.md": "---\nticker: CCC\n---\n",
        ])
        #expect(text("Col.md").contains("Group (1.0 correlation)"))
        #expect(text("Links.md").contains("Group (-1.0 correlation)"))
    }

    @Test func peerGroupFromTheLinkedNote() throws {
        let sector =
            "---\ntickers: [AAA, BBB]\n---\n| Metric | Value | Interpretation |\n|---|---|---|\n| vs [[Peers]] | 0.1-0.2 | Overlapping clusters |\n"
        let (result, text) = try plan(["S.md": sector, "Peers.md": "---\ntickers: [CCC, DDD]\n---\n"])
        #expect(result.warnings == [])
        #expect(text("S.md").contains("| vs [[Peers]] | -1.0-0.0 | Separate clusters |"))
        let (missing, same) = try plan(["S.md": sector])
        #expect(same("S.md") == sector)
        #expect(missing.warnings.map(\.message) == ["vs [[Peers]] row left as it was: no note named Peers"])
    }

    @Test func labelsComeFromTheConfig() throws {
        var config = VaultConfig()
        config.correlation.minOverlap = 20
        config.labels.correlation = [.init(label: "in lockstep", minimum: 0.9), .init(label: "loose", minimum: -1)]
        let (_, text) = try plan(
            ["S.md": "---\ntickers: [AAA, BBB]\n---\n- AAA-BBB correlation: 0.5 (loose)\n"], config: config)
        #expect(text("S.md") == "---\ntickers: [AAA, BBB]\n---\n- AAA-BBB correlation: 1.0 (in lockstep)\n")
    }
}
