import Correlation
import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

/// The refreshed seed note against figures computed independently with pandas.
@Suite("The refreshed seed note agrees with pandas")
struct SeedReferenceTests {
    struct Reference: Decodable {
        let pairs: [[Value]]
        let average: Double
        let lowest: [Value]
        let highest: [Value]
        let cross_low: Double
        let cross_high: Double
        let eqixCorz: Double

        enum CodingKeys: String, CodingKey {
            case pairs, average, lowest, highest, cross_low, cross_high
            case eqixCorz = "EQIX-CORZ"
        }
    }

    enum Value: Decodable {
        case ticker(String)
        case number(Double)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .ticker(try container.decode(String.self))
            }
        }
        var text: String { if case .ticker(let t) = self { return t } else { return "" } }
        var number: Double { if case .number(let n) = self { return n } else { return .nan } }
    }

    static func f(_ x: Double) -> String { String(format: "%.2f", x) }

    @Test func everyFigureOfTheSeedNote() throws {
        let data = try Data(contentsOf: Repo.fixtures.appendingPathComponent("update-seed/reference.json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        _ = try vault.update()
        let note = try vault.text("Sectors/Crypto-to-AI.md")
        let f = Self.f
        #expect(note.contains("Trades as a distinct cluster (\(f(reference.average)) correlation)"))
        let top = reference.highest
        #expect(note.contains("*\(top[0].text) and \(top[1].text) most correlated (\(f(top[2].number)))."))
        #expect(note.contains("| **Avg correlation** | **\(f(reference.average))** | Strong (tight cluster) |"))
        let low = reference.lowest
        #expect(
            note.contains(
                "| Range | \(f(low[2].number)) - \(f(top[2].number)) | \(low[0].text)-\(low[1].text) to \(top[0].text)-\(top[1].text) |"
            ))
        #expect(
            note.contains(
                "| vs [[DC REITs]] | \(f(reference.cross_low))-\(f(reference.cross_high)) | Separate clusters |"))
        #expect(note.contains("- EQIX-CORZ correlation: \(f(reference.eqixCorz)) (near zero)"))
        var rows = reference.pairs.map { "| \($0[0].text) - \($0[1].text) | \(f($0[2].number)) |" }
        rows[0] =
            "| \(reference.pairs[0][0].text) - \(reference.pairs[0][1].text) | **\(f(reference.pairs[0][2].number))** |"
        #expect(note.contains("|------|-------------|\n" + rows.joined(separator: "\n") + "\n\nCORZ slightly"))
    }
}

/// With the real prices in ../shared, the seed's own figures come back.
@Suite("The seed note with real prices")
struct SeedRealDataTests {
    @Test(.enabled(if: Repo.hasSharedPrices, "../shared/data/prices is absent: the real-data test is skipped"))
    func seedPairsAndEveryOtherFigureMatchCorr() throws {
        let vault = try FixtureVault("update-seed", prices: Repo.sharedPrices)
        defer { vault.remove() }
        let outcome = try vault.update(asOf: "2026-01-30")
        #expect(outcome.failures.isEmpty)
        let note = try vault.text("Sectors/Crypto-to-AI.md")
        #expect(
            note.contains(
                """
                | Pair | Correlation |
                |------|-------------|
                | HUT - IREN | **0.70** |
                | HUT - WULF | 0.68 |
                | IREN - WULF | 0.66 |
                | CORZ - WULF | 0.57 |
                | CORZ - HUT | 0.55 |
                | CORZ - IREN | 0.53 |
                """))
        // Every other figure equals what the correlation engine (`vaultgen corr`) gives for the same window.
        let prices = PriceFolder(url: Repo.sharedPrices).load([
            "CORZ", "HUT", "IREN", "WULF", "EQIX", "DLR", "AMT", "IRM",
        ])
        let options = CorrelationOptions(since: Day.parseBound("2024-01"), until: Day(iso: "2026-01-30"))
        let matrix = CorrelationEngine.matrix(
            prices, tickers: ["CORZ", "HUT", "IREN", "WULF", "EQIX", "DLR", "AMT", "IRM"], options: options)
        let group = GroupFigures(matrix: matrix, tickers: ["CORZ", "HUT", "IREN", "WULF"])
        let cross = CrossGroupFigures(
            matrix: matrix, groupA: ["CORZ", "HUT", "IREN", "WULF"], groupB: ["EQIX", "DLR", "AMT", "IRM"])
        let f = SeedReferenceTests.f
        let average = try #require(group.average)
        #expect(f(average) == "0.62")
        #expect(note.contains("(\(f(average)) correlation)"))
        #expect(note.contains("| **Avg correlation** | **\(f(average))** |"))
        let lowest = try #require(group.lowest?.r)
        let highest = try #require(group.highest?.r)
        #expect(note.contains("| Range | \(f(lowest)) - \(f(highest)) | CORZ-IREN to HUT-IREN |"))
        let crossLow = try #require(cross.lowest?.r)
        let crossHigh = try #require(cross.highest?.r)
        // A negative end written with the note's bare `-` would read `-0.10-0.37`: the separator becomes ` to `.
        let separator = crossLow < 0 ? " to " : "-"
        #expect(note.contains("| vs [[DC REITs]] | \(f(crossLow))\(separator)\(f(crossHigh)) |"))
        let eqixCorz = try #require(matrix.pair("EQIX", "CORZ").r)
        #expect(note.contains("EQIX-CORZ correlation: \(f(eqixCorz)) ("))
        #expect(note.contains("*HUT and IREN most correlated (0.70)."))

        // And what `vaultgen corr` prints for the same tickers and window is what the note now says.
        let printed = try CLI.run([
            "corr", "CORZ", "HUT", "IREN", "WULF", "--prices", Repo.sharedPrices.path, "--since", "2024-01",
            "--until", "2026-01-30", "--format", "json",
        ])
        #expect(printed.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(printed.out.utf8)) as? [String: Any])
        let printedAverage = try #require(json["average"] as? Double)
        #expect(note.contains("(\(f(printedAverage)) correlation)"))
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        let rows = pairs.compactMap { pair -> String? in
            guard let a = pair["a"] as? String, let b = pair["b"] as? String, let r = pair["r"] as? Double else {
                return nil
            }
            return "| \(a) - \(b) | \(f(r)) |"
        }
        #expect(rows.count == 6)
        for row in rows.dropFirst() { #expect(note.contains(row), "\(row)") }
    }
}
