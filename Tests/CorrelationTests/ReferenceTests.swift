import Testing

@testable import Correlation

/// Every pair and every figure of the synthetic fixture against pandas (`reference.py` → `reference.json`).
@Suite struct ReferenceTests {
    static let tolerance = 1e-9
    static let variants = [
        "pearson", "pearson-min20", "log", "spearman", "weekly", "intersection", "whole",
        "weekly-log-spearman-intersection",
    ]

    @Test func everyReferenceVariantIsChecked() throws {
        #expect(try Reference.load().variants.map(\.options.name) == Self.variants)
    }

    @Test(arguments: variants)
    func everyPairMatchesPandas(variant name: String) throws {
        let reference = try Reference.variant(name)
        let matrix = CorrelationEngine.matrix(
            Fixtures.syntheticPrices(), tickers: reference.tickers, options: reference.options.correlationOptions)
        #expect(matrix.problems.isEmpty)
        for expected in reference.pairs {
            let pair = matrix.pair(expected.a, expected.b)
            #expect(pair.overlap == expected.overlap, "\(pair.name)")
            if let r = expected.r {
                let actual = try #require(pair.r, "\(pair.name) is n/a: \(pair.reason ?? "")")
                #expect(abs(actual - r) <= Self.tolerance, "\(pair.name): \(actual) vs pandas \(r)")
                #expect(pair.reason == nil)
            } else {
                #expect(pair.r == nil, "\(pair.name) should be n/a")
                #expect(pair.reason != nil)
            }
        }
    }

    @Test(arguments: variants)
    func groupFiguresMatchPandas(variant name: String) throws {
        let reference = try Reference.variant(name)
        let matrix = CorrelationEngine.matrix(
            Fixtures.syntheticPrices(), tickers: reference.tickers, options: reference.options.correlationOptions)
        let figures = GroupFigures(matrix: matrix)
        try Self.expectSummary(
            pairs: figures.pairs, average: figures.average, excluded: figures.excludedPairs, lowest: figures.lowest,
            highest: figures.highest, reference: reference.figures, variant: reference)
        let means = try #require(reference.figures.meanToOthers)
        #expect(figures.meanToOthers.map(\.ticker) == means.map(\.ticker))
        for (actual, expected) in zip(figures.meanToOthers, means) {
            try Self.expectClose(actual.mean, expected.mean, actual.ticker)
        }
    }

    @Test(arguments: variants)
    func crossGroupFiguresMatchPandas(variant name: String) throws {
        let reference = try Reference.variant(name)
        let matrix = CorrelationEngine.matrix(
            Fixtures.syntheticPrices(), tickers: reference.tickers, options: reference.options.correlationOptions)
        let cross = CrossGroupFigures(
            matrix: matrix, groupA: try #require(reference.cross.groupA), groupB: try #require(reference.cross.groupB))
        #expect(cross.pairs.count == 12)
        try Self.expectSummary(
            pairs: cross.pairs, average: cross.average, excluded: cross.excludedPairs, lowest: cross.lowest,
            highest: cross.highest, reference: reference.cross, variant: reference)
    }

    /// Checks sorted pairs, average, exclusions and extremes; pairs that tie within the tolerance may swap.
    static func expectSummary(
        pairs: [PairCorrelation], average: Double?, excluded: Int, lowest: PairCorrelation?,
        highest: PairCorrelation?, reference: Reference.Summary, variant: Reference.Variant
    ) throws {
        let available = pairs.filter { $0.r != nil }
        #expect(Set(available.map(\.name)) == Set(reference.sortedPairs))
        #expect(pairs.suffix(excluded).allSatisfy { $0.r == nil }, "n/a pairs come last")
        let referenceOrder = available.compactMap { variant.r($0.a, $0.b) }
        #expect(zip(referenceOrder, referenceOrder.dropFirst()).allSatisfy { $0 >= $1 - tolerance }, "high to low")
        try expectClose(average, reference.average, "average")
        #expect(excluded == reference.excludedPairs)
        try expectClose(highest?.r, reference.highest?.r, "highest")
        try expectClose(lowest?.r, reference.lowest?.r, "lowest")
        if let highest, let expected = reference.highest {
            try expectClose(variant.r(highest.a, highest.b), expected.r, "highest is \(highest.name)")
        }
        if let lowest, let expected = reference.lowest {
            try expectClose(variant.r(lowest.a, lowest.b), expected.r, "lowest is \(lowest.name)")
        }
    }

    static func expectClose(_ actual: Double?, _ expected: Double?, _ what: String) throws {
        guard let expected else {
            #expect(actual == nil, "\(what) should be n/a")
            return
        }
        let value = try #require(actual, "\(what) is n/a")
        #expect(abs(value - expected) <= tolerance, "\(what): \(value) vs pandas \(expected)")
    }
}
