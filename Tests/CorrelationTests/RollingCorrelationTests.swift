import Foundation
import Testing

@testable import Correlation

/// Rolling average correlation of the synthetic fixture against pandas (`rolling_reference.py` → `rolling.json`).
@Suite struct RollingCorrelationTests {
    static let tolerance = 1e-9

    struct Variant: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let tickers: [String]?
        let groupA: [String]?
        let groupB: [String]?
        let window: Int
        let returns: String
        let since: String?
        let until: String?
        let days: [String]
        let values: [Double]
        let pairCounts: [Int]

        var testDescription: String { name }

        var options: CorrelationOptions {
            CorrelationOptions(
                since: since.flatMap(Day.parseBound), until: until.flatMap(Day.parseBound),
                returns: .init(rawValue: returns)!)
        }

        func compute() -> RollingCorrelation {
            let prices = Fixtures.syntheticPrices()
            if let tickers {
                return .group(prices, tickers: tickers, window: window, options: options)
            }
            return .cross(prices, groupA: groupA ?? [], groupB: groupB ?? [], window: window, options: options)
        }
    }

    struct File: Decodable {
        let variants: [Variant]
    }

    static let variants: [Variant] = {
        let url = Fixtures.synthetic.appendingPathComponent("rolling.json")
        return (try? Fixtures.decode(File.self, from: url).variants) ?? []
    }()

    @Test func everyVariantIsLoaded() {
        let names = ["all-60", "all-20", "stocks-60-window", "log-30", "cross-20", "cross-60"]
        #expect(Self.variants.map(\.name) == names)
    }

    @Test(arguments: variants)
    func everyDateMatchesPandas(_ variant: Variant) throws {
        let rolling = variant.compute()
        #expect(rolling.days.map(\.iso) == variant.days)
        #expect(rolling.pairCounts == variant.pairCounts)
        try #require(rolling.values.count == variant.values.count)
        var worst = 0.0
        for (actual, expected) in zip(rolling.values, variant.values) { worst = max(worst, abs(actual - expected)) }
        #expect(worst <= Self.tolerance, "largest difference \(worst)")
    }

    @Test func theLatestValueAndTheChangeOverTheWindowAreReadFromTheSeries() throws {
        let variant = try #require(Self.variants.first { $0.name == "all-20" })
        let rolling = variant.compute()
        let latest = try #require(rolling.latest)
        #expect(abs(latest - variant.values.last!) <= Self.tolerance)
        let change = try #require(rolling.change(over: 20))
        let expected = variant.values[variant.values.count - 1] - variant.values[variant.values.count - 21]
        #expect(abs(change - expected) <= Self.tolerance)
        #expect(rolling.change(over: variant.values.count) == nil)
    }

    @Test func aPairWithAMissingTickerHasNoValueAnywhere() {
        let prices = Fixtures.syntheticPrices(["ALFA", "BRAV"])
        let rolling = RollingCorrelation.group(prices, tickers: ["ALFA", "NOPE"], window: 20, options: .init())
        #expect(rolling.days.isEmpty)
        #expect(rolling.latest == nil)
    }

    @Test func aWindowLongerThanTheDataGivesNoValue() {
        let rolling = RollingCorrelation.group(
            Fixtures.syntheticPrices(), tickers: ["ALFA", "ECHO"], window: 500, options: .init())
        #expect(rolling.values.isEmpty)
    }

    @Test func aFlatWindowHasNoCorrelation() throws {
        // 30 rising closes, then 25 unchanged: a 20-period window inside the flat stretch has no r (pandas: NaN).
        let days = (0..<55).map { Day(daysSince1970: 19_800 + $0) }
        let moving = PriceSeries(ticker: "A", days: days, closes: days.indices.map { 10 + Double($0 % 7) })
        let flat = PriceSeries(
            ticker: "B", days: days, closes: days.indices.map { $0 < 30 ? 20 + Double($0 * $0 % 5) : 50 })
        let prices: [String: Result<PriceSeries, PriceProblem>] = ["A": .success(moving), "B": .success(flat)]
        let rolling = RollingCorrelation.group(prices, tickers: ["A", "B"], window: 20, options: .init())
        // Returns from day 1; B's returns are 0 from day 31, so windows ending on day 50 or later are all flat.
        let last = try #require(rolling.days.last)
        #expect(last.daysSince1970 == 19_800 + 49)
        #expect(!rolling.days.isEmpty)
    }
}
