import Charts
import Correlation
import Testing

@Suite("Heat map from a correlation matrix")
struct HeatMapCorrelationTests {
    @Test func tickersWithoutPricesAreLeftOutAndTheRestCopied() throws {
        let days = (0..<80).map { Day(daysSince1970: 19_724 + $0) }
        let wave = days.indices.map { 100 + Double($0 % 5) + Double($0) * 0.1 }
        let series: [String: Result<PriceSeries, PriceProblem>] = [
            "UP": .success(PriceSeries(ticker: "UP", days: days, closes: wave)),
            "ALSO": .success(PriceSeries(ticker: "ALSO", days: days, closes: wave.map { $0 * 2 })),
        ]
        let matrix = CorrelationEngine.matrix(series, tickers: ["UP", "GONE", "ALSO"], options: CorrelationOptions())
        let map = HeatMap.correlations(title: "T", matrix: matrix)
        #expect(map.labels == ["UP", "ALSO"])
        let r = try #require(map.value(row: 0, column: 1))
        #expect(abs(r - 1) < 1e-9)
        #expect(map.value(row: 1, column: 0) == map.value(row: 0, column: 1))
    }
}
