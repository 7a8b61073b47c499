import Foundation
import Testing

@testable import Correlation

/// A bad or missing file leaves its ticker out with the reason, and every other figure is still computed.
@Suite struct BadInputTests {
    static let cases: [(ticker: String, message: String)] = [
        ("DUP", "bad/DUP.csv:5: duplicate date 2024-01-03 (first on line 3)"),
        ("NEG", "bad/NEG.csv:4: price -1.5 is not a positive finite number"),
        ("NAN", "bad/NAN.csv:3: price 'abc' is not a number"),
        ("COLS", "bad/COLS.csv:4: expected 2 columns, found 3 in '2024-01-04,10.5,7'"),
        (
            "HEADER",
            "bad/HEADER.csv:1: unknown header 'Day,Price' (expected Date,Close or Date,Open,High,Low,Close[,Adj Close],Volume)"
        ),
        ("DATE", "bad/DATE.csv:3: bad date '2024-02-30' (expected YYYY-MM-DD)"),
        ("EMPTY", "bad/EMPTY.csv:1: empty file"),
        ("HEADONLY", "bad/HEADONLY.csv:2: no price rows after the header"),
        ("NOPE", "bad/NOPE.csv: no such file"),
    ]
    static let good = ["ALFA", "BRAV", "ECHO"]

    @Test(arguments: cases)
    func leavesTheTickerOutWithTheReasonAndComputesTheRest(ticker: String, message: String) throws {
        let reference = try Reference.variant("pearson-min20")
        var series = Fixtures.syntheticPrices(Self.good)
        series[ticker] = PriceFolder(url: Fixtures.bad).load(ticker)
        let tickers = [Self.good[0], ticker] + Self.good.dropFirst()
        let matrix = CorrelationEngine.matrix(series, tickers: tickers, options: reference.options.correlationOptions)

        #expect(matrix.problems[ticker]?.description == message)
        #expect(matrix.leftOut == [ticker])
        for other in Self.good {
            let pair = matrix.pair(other, ticker)
            #expect(pair.r == nil)
            #expect(pair.reason == "\(ticker) left out: \(message)")
        }
        let figures = GroupFigures(matrix: matrix)
        #expect(figures.excludedPairs == 3)
        #expect(figures.meanToOthers.first { $0.ticker == ticker }?.mean == nil)
        let goodPairs = [("ALFA", "BRAV"), ("ALFA", "ECHO"), ("BRAV", "ECHO")]
        for (a, b) in goodPairs {
            let expected = try #require(reference.r(a, b))
            let actual = try #require(matrix.r(a, b))
            #expect(abs(actual - expected) <= 1e-9, "\(a)-\(b)")
        }
        let average = try #require(figures.average)
        let expectedAverage = goodPairs.compactMap { reference.r($0, $1) }.reduce(0, +) / 3
        #expect(abs(average - expectedAverage) <= 1e-9)
        let report = CorrelationReport(matrix: matrix)
        #expect(report.hasDataProblems)
        #expect(report.warnings == ["warning: \(ticker) left out: \(message)"])
    }

    @Test func aTickerWithNoEntryIsReportedAsNotLoaded() {
        let matrix = CorrelationEngine.matrix(
            Fixtures.syntheticPrices(["ALFA"]), tickers: ["ALFA", "ZZZ"], options: .init())
        #expect(matrix.pair("ALFA", "ZZZ").reason == "ZZZ left out: ZZZ: no prices were loaded")
    }

    @Test func readingLeavesTheFileUntouched() throws {
        let url = Fixtures.synthetic.appendingPathComponent("DELT.csv")
        let before = try Data(contentsOf: url)
        let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        _ = PriceFolder(url: Fixtures.synthetic).load(["DELT"])
        #expect(try Data(contentsOf: url) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date == modified)
    }

    @Test func listsTheTickersOfAFolder() {
        #expect(PriceFolder(url: Fixtures.synthetic).availableTickers() == Fixtures.syntheticTickers)
    }
}
