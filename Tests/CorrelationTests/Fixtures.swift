import Foundation
import Testing

@testable import Correlation

/// Where the test data lives, found from this file's path (the package uses no SwiftPM resources).
enum Fixtures {
    /// `Tests/CorrelationTests`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The package root, two levels above `Tests/CorrelationTests`.
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let synthetic = testsFolder.appendingPathComponent("Fixtures/synthetic")
    static let bad = testsFolder.appendingPathComponent("Fixtures/bad")
    static let syntheticTickers = ["ALFA", "BRAV", "CHAR", "DELT", "ECHO", "FOXT", "GOLF"]

    static func syntheticPrices(_ tickers: [String] = syntheticTickers) -> [String: Result<PriceSeries, PriceProblem>] {
        PriceFolder(url: synthetic, displayName: "synthetic").load(tickers)
    }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }
}

/// The real prices beside the project, at `../shared/data/prices` from the package root; absent in some checkouts.
enum SharedData {
    static let prices = Fixtures.packageRoot.appendingPathComponent("../shared/data/prices").standardizedFileURL
    static let ohlcv = Fixtures.packageRoot.appendingPathComponent("../shared/data/prices-ohlcv").standardizedFileURL
    static let available = FileManager.default.fileExists(atPath: prices.appendingPathComponent("HUT.csv").path)
}

/// `Tests/CorrelationTests/Fixtures/synthetic/reference.json`, written by `reference.py` with pandas.
struct Reference: Decodable {
    struct Options: Decodable {
        let name: String
        let since: String?
        let until: String?
        let minOverlap: Int
        let returns: String
        let method: String
        let alignment: String
        let frequency: String

        var correlationOptions: CorrelationOptions {
            CorrelationOptions(
                since: since.flatMap(Day.parseBound), until: until.flatMap(Day.parseBound),
                returns: .init(rawValue: returns)!, method: .init(rawValue: method)!,
                alignment: .init(rawValue: alignment)!, frequency: .init(rawValue: frequency)!, minOverlap: minOverlap)
        }
    }

    struct Pair: Decodable {
        let a: String
        let b: String
        let r: Double?
        let overlap: Int?
    }

    struct Mean: Decodable {
        let ticker: String
        let mean: Double?
    }

    struct Summary: Decodable {
        let sortedPairs: [String]
        let average: Double?
        let excludedPairs: Int
        let highest: Pair?
        let lowest: Pair?
        let meanToOthers: [Mean]?
        let groupA: [String]?
        let groupB: [String]?
    }

    struct Variant: Decodable {
        let options: Options
        let tickers: [String]
        let pairs: [Pair]
        let figures: Summary
        let cross: Summary

        func r(_ a: String, _ b: String) -> Double? {
            pairs.first { ($0.a == a && $0.b == b) || ($0.a == b && $0.b == a) }?.r
        }
    }

    let variants: [Variant]

    static func load() throws -> Reference {
        try Fixtures.decode(Reference.self, from: Fixtures.synthetic.appendingPathComponent("reference.json"))
    }

    static func variant(_ name: String) throws -> Variant {
        let variant = try load().variants.first { $0.options.name == name }
        return try #require(variant, "reference.json has no variant \(name)")
    }
}
