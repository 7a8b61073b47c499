import Testing

@testable import Correlation

/// The radix sort behind every pair list: highest first, ties in their given order, n/a (-2) last.
@Suite struct PairOrderTests {
    @Test func highestFirstTiesKeepTheirOrderZeroesAreEqual() {
        let keys: [Double] = [0.5, -2, -0.0, 1, 0.5, -0.25, 0, -1, -2, 0.5000000000000001]
        let sorted = CorrelationMatrix.sortedDescending(keys, payloads: keys.indices.map { UInt64($0) })
        #expect(sorted.payloads == [3, 9, 0, 4, 2, 6, 5, 7, 1, 8])
        #expect(sorted.keys == [1, 0.5000000000000001, 0.5, 0.5, 0, 0, -0.25, -1, -2, -2])
    }

    @Test func sameOrderAsAComparisonSort() {
        var generator = SystemRandomNumberGenerator()
        // Few distinct values, so that ties are common.
        let keys = (0..<5000).map { _ in Double(Int.random(in: -40...40, using: &generator)) / 40 }
        let sorted = CorrelationMatrix.sortedDescending(keys, payloads: keys.indices.map { UInt64($0) })
        let expected = keys.indices.sorted { keys[$0] > keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        #expect(sorted.payloads == expected.map { UInt64($0) })
    }
}
