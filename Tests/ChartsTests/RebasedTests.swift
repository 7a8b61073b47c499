import Charts
import Correlation
import Testing

@Suite("Rebasing prices to 100")
struct RebasedTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static let early = PriceSeries(
        ticker: "AAA", days: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"].map(day),
        closes: [8, 10, 12, 9])
    /// Listed on 2024-01-03, after the window opens.
    static let late = PriceSeries(ticker: "BBB", days: ["2024-01-03", "2024-01-04"].map(day), closes: [50, 55])

    @Test func eachSeriesStartsAt100AtItsFirstCloseInTheWindow() {
        let chart = LineChart.rebased(
            title: "T", prices: [Self.early, Self.late], since: Self.day("2024-01-02"), until: Self.day("2024-01-04"))
        #expect(chart.series.map(\.name) == ["AAA", "BBB"])
        #expect(chart.series[0].values == [100, 120, 90])
        #expect(chart.series[0].days == [19_724, 19_725, 19_726])
        #expect(chart.series[1].values == [100, 110])
        #expect(chart.series[1].days == [19_725, 19_726])
        #expect(chart.baseline == 100)
    }

    @Test func theSubtitleNamesTheDaysPlotted() {
        let chart = LineChart.rebased(title: "T", prices: [Self.early, Self.late], since: Self.day("2023-12-01"))
        #expect(chart.subtitle == "2024-01-01 to 2024-01-04, rebased to 100")
        #expect(chart.series[0].values.first == 100)
        #expect(chart.series[0].values[1] == 125)
    }

    @Test func aTickerWithoutClosesInTheWindowKeepsAnEmptySeries() {
        let chart = LineChart.rebased(
            title: "T", prices: [Self.early, Self.late], since: Self.day("2024-01-01"), until: Self.day("2024-01-02"))
        #expect(chart.series[1].name == "BBB")
        #expect(chart.series[1].values.isEmpty)
        #expect(chart.subtitle == "2024-01-01 to 2024-01-02, rebased to 100")
    }

    @Test func noPricesAtAllSaysSo() {
        let chart = LineChart.rebased(title: "T", prices: [Self.late], since: Self.day("2025-01-01"), until: nil)
        #expect(chart.subtitle == "No prices from 2025-01-01")
    }
}
