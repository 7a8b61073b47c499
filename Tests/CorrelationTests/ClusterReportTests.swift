import Foundation
import Testing

@testable import Correlation

/// The text tree, and how tickers with n/a pairs are left out.
@Suite struct ClusterReportTests {
    static let distances = DistanceMatrix(
        tickers: ["HUT", "IREN", "EQIX", "DLR"],
        correlations: [
            [1, 0.75, 0.125, 0.25],
            [0.75, 1, 0.25, 0.125],
            [0.125, 0.25, 1, 0.5],
            [0.25, 0.125, 0.5, 1],
        ])

    @Test func textTreeShowsHeightsRAndSectors() {
        let analysis = ClusterAnalysis(
            distances: Self.distances,
            sectors: [
                Sector(name: "Miners", tickers: ["HUT", "IREN"]), Sector(name: "REITs", tickers: ["EQIX", "DLR"]),
            ])
        let report = ClusterReport(analysis: analysis, convention: "test", from: nil, to: nil)
        #expect(
            report.tree() == [
                "0.81 (r 0.19)",
                "├── 0.25 (r 0.75)",
                "│   ├── HUT   [Miners]",
                "│   └── IREN  [Miners]",
                "└── 0.50 (r 0.50)",
                "    ├── EQIX  [REITs]",
                "    └── DLR   [REITs]",
            ])
        #expect(analysis.findings.isEmpty)
        #expect(analysis.separates("Miners", "REITs") == true)
        #expect(report.render(.text).contains("\nFindings\n  none\n"))
    }

    @Test func aSectorSplitAcrossTheTreeIsNotDistinctAndItsTickersAreCloserElsewhere() {
        let analysis = ClusterAnalysis(
            distances: Self.distances,
            sectors: [
                Sector(name: "Mixed", tickers: ["HUT", "EQIX"]), Sector(name: "Other", tickers: ["IREN", "DLR"]),
            ])
        #expect(
            analysis.findings.map(\.kind) == [
                "closer-to-other-sector", "closer-to-other-sector", "weak-sector", "closer-to-other-sector",
                "closer-to-other-sector", "weak-sector", "not-distinct",
            ])
        #expect(analysis.separates("Mixed", "Other") == false)
        let mixed = analysis.sector(named: "Mixed")
        #expect(mixed?.cohesion == 0.125)
        #expect(mixed?.nearest == "Other")
        // (0.75 + 0.25 + 0.25 + 0.5) / 4: every cross pair's r.
        #expect(mixed?.separation == 0.4375)
    }

    @Test func theTickerInTheMostNAPairsGoesFirst() throws {
        // LATE1 and LATE2 overlap each other but neither overlaps the rest long enough.
        var prices: [String: Result<PriceSeries, PriceProblem>] = [:]
        var seed: UInt64 = 5
        func series(from start: Int, days: Int) -> PriceSeries {
            var price = 50.0
            var rows: [(Day, Double)] = []
            for offset in 0..<days {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                price *= 1 + (Double(seed >> 11) / Double(1 << 53) - 0.5) / 20
                rows.append((Day(daysSince1970: 19_800 + start + offset), price))
            }
            return PriceSeries(ticker: "", days: rows.map(\.0), closes: rows.map(\.1))
        }
        for ticker in ["AAA", "BBB", "CCC"] { prices[ticker] = .success(series(from: 0, days: 200)) }
        prices["LATE1"] = .success(series(from: 150, days: 120))
        prices["LATE2"] = .success(series(from: 170, days: 120))
        let tickers = ["LATE1", "AAA", "BBB", "LATE2", "CCC", "GONE"]
        let matrix = CorrelationEngine.matrix(prices, tickers: tickers, options: CorrelationOptions())
        let distances = DistanceMatrix(matrix: matrix)
        #expect(distances.tickers == ["AAA", "BBB", "CCC"])
        #expect(distances.leftOut.map(\.ticker) == ["GONE", "LATE2", "LATE1"])
        #expect(distances.leftOut[1].reason.hasPrefix("no correlation with AAA (only 29 common days (minimum 60))"))
        #expect(distances.averageLinkage().merges.count == 2)
    }
}
