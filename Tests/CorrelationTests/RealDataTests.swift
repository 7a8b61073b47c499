import Foundation
import Testing

@testable import Correlation

/// The seed note's six miner pairs from the real prices in `../shared/data/prices`.
@Suite(.enabled(if: SharedData.available, "../shared/data/prices is absent beside the package"))
struct RealDataTests {
    struct SeedPairs: Decodable {
        let pairs: [Reference.Pair]
        let average: Double
    }

    static let miners = ["CORZ", "HUT", "IREN", "WULF"]

    static func figures(since: String) throws -> GroupFigures {
        let start: Day = try #require(Day.parseBound(since))
        let end: Day = try #require(Day(iso: "2026-01-30"))
        let options = CorrelationOptions(since: start, until: end)
        let prices = PriceFolder(url: SharedData.prices, displayName: "prices").load(miners)
        return GroupFigures(matrix: CorrelationEngine.matrix(prices, tickers: miners, options: options))
    }

    @Test(arguments: ["2024-01-02", "2024-01"])
    func seedPairsRoundAsInTheNote(since: String) throws {
        let figures = try Self.figures(since: since)
        let rows = figures.pairs.map { "\($0.name) \(CorrelationReport.twoDecimals($0.r))" }
        #expect(
            rows == [
                "HUT-IREN 0.70", "HUT-WULF 0.68", "IREN-WULF 0.66", "CORZ-WULF 0.57", "CORZ-HUT 0.55", "CORZ-IREN 0.53",
            ])
        #expect(CorrelationReport.twoDecimals(figures.average) == "0.62")
        #expect(figures.excludedPairs == 0)
        #expect(figures.highest?.name == "HUT-IREN")
        #expect(figures.lowest?.name == "CORZ-IREN")
    }

    @Test func seedPairsAgreeWithPandasToFullPrecision() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("Scripts/reference/seed_pairs.json")
        let reference = try Fixtures.decode(SeedPairs.self, from: url)
        let figures = try Self.figures(since: "2024-01-02")
        #expect(figures.pairs.map(\.name) == reference.pairs.map { "\($0.a)-\($0.b)" })
        for (actual, expected) in zip(figures.pairs, reference.pairs) {
            let r = try #require(actual.r)
            #expect(abs(r - (expected.r ?? .nan)) <= 1e-9, "\(actual.name): \(r)")
            #expect(actual.overlap == expected.overlap)
        }
        #expect(abs((figures.average ?? .nan) - reference.average) <= 1e-9)
    }

    @Test(arguments: [SharedData.prices, SharedData.ohlcv])
    func everyRealFileParses(folder: URL) {
        let prices = PriceFolder(url: folder)
        let tickers = prices.availableTickers()
        #expect(tickers.count >= 9)
        for (ticker, result) in prices.load(tickers) {
            if case .failure(let problem) = result { Issue.record("\(ticker): \(problem)") }
        }
    }
}
