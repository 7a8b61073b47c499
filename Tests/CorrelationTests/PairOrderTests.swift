import Testing

@testable import Correlation

/// The radix sort behind every pair list: highest first, ties in their given order, n/a (-2) last.
@Suite struct PairOrderTests {
    @Test func highestFirstTiesKeepTheirOrderZeroesAreEqual() {
        var keys: [Double] = [0.5, -2, -0.0, 1, 0.5, -0.25, 0, -1, -2, 0.5000000000000001]
        var payloads = keys.indices.map { UInt64($0) }
        CorrelationMatrix.sortDescending(&keys, payloads: &payloads)
        #expect(payloads == [3, 9, 0, 4, 2, 6, 5, 7, 1, 8])
        #expect(keys == [1, 0.5000000000000001, 0.5, 0.5, 0, 0, -0.25, -1, -2, -2])
    }

    @Test func sameOrderAsAComparisonSort() {
        var generator = SystemRandomNumberGenerator()
        // Few distinct values, so that ties are common.
        let keys = (0..<5000).map { _ in Double(Int.random(in: -40...40, using: &generator)) / 40 }
        var sortedKeys = keys
        var payloads = keys.indices.map { UInt64($0) }
        CorrelationMatrix.sortDescending(&sortedKeys, payloads: &payloads)
        let expected = keys.indices.sorted { keys[$0] > keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        #expect(payloads == expected.map { UInt64($0) })
        #expect(sortedKeys == expected.map { keys[$0] })
    }
}
