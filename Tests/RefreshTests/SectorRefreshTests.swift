import Correlation
import Figures
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
    let updater = VaultUpdater(
        vault: vault, sources: sources, templates: try TemplateSet.load(folder: Repo.templates),
        knownTickers: Set(prices.keys))
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

                - AAA-DDD correlation: 0.0 (Near zero)
                - BBB and CCC least correlated (-1.0)

                """)
    }

    @Test func boundFigures() throws {
        let vault = Vault(texts: ["S.md": note])
        let catalog = SectorCatalog(
            vault: vault, sources: [SourceText(note)], resolver: LinkResolver(index: VaultIndex(vault)),
            knownTickers: ["AAA", "BBB", "CCC", "DDD"])
        let sector = try #require(catalog.notes.first)
        #expect(sector.tickers == ["AAA", "BBB", "CCC"])
        #expect(sector.group?.source == "front matter")
        #expect(sector.group?.line == 2)
        #expect(sector.windowSource == "front matter")
        #expect(
            sector.figures.map { "\($0.position) \($0.place): \($0.subject)" } == [
                "7:21 group average in prose: group average", "11:21 Avg correlation row: group average",
                "12:11 Range row: range of the group's pairs", "20:24 pair AAA-DDD in prose: pair AAA-DDD",
                "21:33 least correlated pair in prose: least correlated pair",
            ])
        #expect(sector.pairTables.map { $0.rows.map { "\($0.a)-\($0.b)" } } == [["AAA-BBB"]])
        #expect(sector.skipped == [])
    }

    @Test func missingPriceFileLeavesGroupFiguresAndWarns() throws {
        var prices = KnownPrices.all
        prices["CCC"] = .failure(.missingFile(ticker: "CCC", file: "Prices/CCC.csv"))
        let (result, text) = try plan(["S.md": note], prices: prices)
        let updated = text("S.md")
        #expect(updated.contains("(0.10 correlation)"))
        // A pair's own figures need only that pair: the table's one row and the prose pair are refreshed.
        #expect(updated.contains("| AAA – BBB | 1.000 |"))
        #expect(updated.contains("AAA-DDD correlation: 0.0 (Near zero)"))
        #expect(updated.contains("| Range | 0.1 – 0.2 | AAA/BBB to BBB/CCC |"))
        #expect(updated.contains("CCC and AAA least correlated (0.3)"))
        #expect(
            result.warnings.map(\.description) == [
                "S.md:2:1: warning: group figures not refreshed: no usable prices for CCC (Prices/CCC.csv: no such file) (tickers from front matter, line 2)",
                "S.md:7:21: warning: 0.10 not refreshed (group average): the group's figures cannot be computed",
                "S.md:11:21: warning: 0.1 not refreshed (group average): the group's figures cannot be computed",
                "S.md:12:11: warning: 0.1 not refreshed (range of the group's pairs): the group's figures cannot be computed",
                "S.md:21:33: warning: 0.3 not refreshed (least correlated pair): the group's figures cannot be computed",
            ])
    }

    @Test func boldTopRowAndCRLFAreKept() throws {
        let crlf =
            "---\r\ntickers: AAA, DDD\r\n---\r\n| Pair | Correlation |\r\n|---|---|\r\n| AAA-DDD | **0.50** |\r\n| x | 0.1 |\r\n"

        // The row `x` is not a pair: it stays, reported, and the table is not regenerated around it.
        let (result, text) = try plan(["C.md": crlf])
        #expect(
            text("C.md")
                == "---\r\ntickers: AAA, DDD\r\n---\r\n| Pair | Correlation |\r\n|---|---|\r\n| AAA-DDD | **0.00** |\r\n| x | 0.1 |\r\n"
        )
        #expect(
            result.warnings.map(\.description) == [
                "C.md:7:7: warning: 0.1 not refreshed: the row's pair 'x' is not two tickers"
            ])
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
        let byColumn =
            "#sector\n\n| Company | Ticker |\n|---|---|\n| A | AAA |\n| B | **BBB** |\n\nGroup (0.5 correlation)\n"
        let byLinks =
            "#sector\n\n| Company | Role |\n|---|---|\n| [[Alpha]] | x |\n| [[Beta\\|B]] | y |\n\nGroup (0.5 correlation)\n"
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
        // A negative end with a bare `-` would read `-1.0-0.0`: the separator becomes ` to `.
        #expect(text("S.md").contains("| vs [[Peers]] | -1.0 to 0.0 | Separate clusters |"))
        let (missing, same) = try plan(["S.md": sector])
        #expect(same("S.md") == sector)
        #expect(
            missing.warnings.map(\.description) == [
                "S.md:6:18: warning: 0.1 not refreshed (range against [[Peers]]): no note named Peers"
            ])
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
