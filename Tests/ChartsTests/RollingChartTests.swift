import Correlation
import Testing

@testable import Charts

@Suite("The rolling correlation chart")
struct RollingChartTests {
    /// Three tickers that follow one factor closely (r ≈ 0.9) and two that follow another (r ≈ 0 with the first).
    static let prices: [String: Result<PriceSeries, PriceProblem>] = {
        var state: UInt64 = 20_260_130
        func noise() -> Double {
            // A fixed linear congruential generator: the same prices on every machine.
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        let days = (0..<220).map { Day(daysSince1970: 19_723 + $0) }
        let factors = days.map { _ in (noise(), noise()) }
        var out: [String: Result<PriceSeries, PriceProblem>] = [:]
        for (ticker, factor) in [("AAA", 0), ("BBB", 0), ("CCC", 0), ("PPP", 1), ("QQQ", 1)] {
            var close = 100.0
            let closes = factors.map { pair -> Double in
                close *= 1 + 0.02 * (factor == 0 ? pair.0 : pair.1) + 0.006 * noise()
                return close
            }
            out[ticker] = .success(PriceSeries(ticker: ticker, days: days, closes: closes))
        }
        return out
    }()

    static let group = RollingCorrelation.group(
        prices, tickers: ["AAA", "BBB", "CCC"], window: 60, options: .init())
    static let peer = RollingCorrelation.cross(
        prices, groupA: ["AAA", "BBB", "CCC"], groupB: ["PPP", "QQQ"], window: 60, options: .init())
    static let chart = LineChart.rollingCorrelation(
        title: "Miners: rolling correlation", group: group, peer: ("REITs", peer))

    @Test func oneLineForTheGroupAndOneAgainstThePeerWithTheirValues() {
        let chart = Self.chart
        #expect(chart.series.map(\.name) == ["Within the group (3 pairs)", "vs REITs (6 pairs)"])
        #expect(chart.series[0].values == Self.group.values)
        #expect(chart.series[0].days == Self.group.days.map(\.daysSince1970))
        #expect(chart.series[1].values == Self.peer.values)
        #expect(chart.baseline == 0)
        // 219 returns, the first value on the 60th: 160 values from 2024-03-01.
        #expect(Self.group.values.count == 160)
        #expect(
            chart.subtitle
                == "60-day rolling Pearson r of simple daily returns, mean over the pairs, 2024-03-01 to 2024-08-07")
    }

    @Test func withoutAPeerThereIsOneLine() {
        let chart = LineChart.rollingCorrelation(title: "T", group: Self.group, peer: nil)
        #expect(chart.series.map(\.name) == ["Within the group (3 pairs)"])
    }

    @Test func theGroupLineSitsHighAndThePeerLineNearZeroInTheirPaletteColours() throws {
        let bitmap = try Bitmap(Self.chart.render())
        #expect(bitmap.width == 1400 && bitmap.height == 800)
        let orange: UInt32 = 0xE69F00
        let blue: UInt32 = 0x56B4E9
        // Below the heading and legend: the plot.
        let plot = 160..<760
        #expect(bitmap.count(near: orange, rows: plot) > 1500)
        #expect(bitmap.count(near: blue, rows: plot) > 1500)
        #expect(bitmap.count(near: 0x009E73) == 0, "no third line")
        let groupRow = try #require(Self.meanRow(bitmap, near: orange, rows: plot))
        let peerRow = try #require(Self.meanRow(bitmap, near: blue, rows: plot))
        // r ≈ 0.9 against r ≈ 0 on an axis from about -0.2 to 1: the group's line is far above the peer's.
        #expect(Self.group.values.allSatisfy { $0 > 0.7 })
        #expect(Self.peer.values.allSatisfy { abs($0) < 0.35 })
        #expect(peerRow - groupRow > 250, "group at row \(groupRow), peer at row \(peerRow)")
    }

    @Test(arguments: ChartImage.Format.allCases)
    func theSameDataGivesTheSameBytes(format: ChartImage.Format) throws {
        let first = try Self.chart.render(as: format).bytes
        let again = LineChart.rollingCorrelation(
            title: "Miners: rolling correlation",
            group: RollingCorrelation.group(Self.prices, tickers: ["AAA", "BBB", "CCC"], window: 60, options: .init()),
            peer: ("REITs", Self.peer))
        #expect(first.count > 1000)
        #expect(try again.render(as: format).bytes == first)
    }

    /// The mean row of the pixels near `hex` in `rows`.
    static func meanRow(_ bitmap: Bitmap, near hex: UInt32, rows: Range<Int>) -> Double? {
        var sum = 0
        var count = 0
        for row in rows {
            let n = bitmap.count(near: hex, rows: row..<(row + 1))
            sum += n * row
            count += n
        }
        return count == 0 ? nil : Double(sum) / Double(count)
    }
}
