/// The tickers of a correlation matrix that can be clustered, with their distances `1 − r`.
///
/// Clustering needs every pair. A ticker without usable prices is left out; so is a ticker in an n/a pair (too
/// few common returns, or returns that do not vary): while any pair is n/a, the ticker in the most n/a pairs goes
/// (the later one in the request when two are in as many), and the reason names its first n/a pair. The rest
/// keep their order.
public struct DistanceMatrix: Sendable {
    /// A ticker that is not clustered, and why.
    public struct LeftOut: Sendable, Equatable, CustomStringConvertible {
        public let ticker: String
        public let reason: String
        public var description: String { "\(ticker) left out: \(reason)" }
    }

    /// The clustered tickers, in request order: leaf `i` of the dendrogram is `tickers[i]`.
    public let tickers: [String]
    public let leftOut: [LeftOut]
    /// `r(i, j)` for `i < j`, row by row (the layout of `distances`).
    let correlations: [Double]
    let index: [String: Int]

    /// The tickers of `matrix` whose every pair is available.
    public init(matrix: CorrelationMatrix) {
        let count = matrix.tickers.count
        // The coefficient of positions i and j in `tickers` (NaN for a ticker without a row: left out anyway).
        let rowOf = matrix.rowOfPosition
        func value(_ i: Int, _ j: Int) -> Double {
            rowOf[i] >= 0 && rowOf[j] >= 0 ? matrix.value(row: rowOf[i], rowOf[j]) : .nan
        }
        var kept = [Bool](repeating: true, count: count)
        var leftOut: [LeftOut] = []
        for (i, ticker) in matrix.tickers.enumerated() {
            if let problem = matrix.problems[ticker] {
                kept[i] = false
                leftOut.append(LeftOut(ticker: ticker, reason: problem.description))
            }
        }
        var missing = [Int](repeating: 0, count: count)
        for i in 0..<count where kept[i] {
            for j in 0..<count where j != i && kept[j] && value(i, j).isNaN { missing[i] += 1 }
        }
        while let worst = missing.indices.filter({ kept[$0] && missing[$0] > 0 }).max(by: {
            (missing[$0], $0) < (missing[$1], $1)
        }) {
            let partner = (0..<count).first { $0 != worst && kept[$0] && value(worst, $0).isNaN }!
            let pair = matrix.pair(worst, partner)
            let others = missing[worst] - 1
            let more = others == 0 ? "" : " and \(others) more n/a pair\(others == 1 ? "" : "s")"
            leftOut.append(
                LeftOut(
                    ticker: matrix.tickers[worst],
                    reason: "no correlation with \(matrix.tickers[partner]) (\(pair.reason ?? "n/a"))\(more)"))
            kept[worst] = false
            for j in 0..<count where kept[j] && value(worst, j).isNaN { missing[j] -= 1 }
        }
        let rows = (0..<count).filter { kept[$0] }
        var correlations: [Double] = []
        correlations.reserveCapacity(rows.count * max(rows.count - 1, 0) / 2)
        for (p, i) in rows.enumerated() {
            for j in rows[(p + 1)...] { correlations.append(value(i, j)) }
        }
        self.init(tickers: rows.map { matrix.tickers[$0] }, condensed: correlations, leftOut: leftOut)
    }

    /// A matrix given as every pair's r: `correlations[i][j]` for the tickers in order (only `i < j` is read).
    public init(tickers: [String], correlations: [[Double]]) {
        var condensed: [Double] = []
        for i in tickers.indices {
            for j in tickers.indices.dropFirst(i + 1) { condensed.append(correlations[i][j]) }
        }
        self.init(tickers: tickers, condensed: condensed, leftOut: [])
    }

    init(tickers: [String], condensed: [Double], leftOut: [LeftOut]) {
        self.tickers = tickers
        self.correlations = condensed
        self.leftOut = leftOut
        index = Dictionary(tickers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The position of `ticker` among the clustered tickers.
    public func position(of ticker: String) -> Int? { index[ticker] }

    /// The correlation of tickers `i` and `j` (1 for `i == j`).
    public func r(_ i: Int, _ j: Int) -> Double {
        i == j ? 1 : correlations[Dendrogram.condensedIndex(tickers.count, i, j)]
    }

    /// `1 − r(i, j)`, as `squareform(1 - R)` has it (0 for `i == j`).
    public func distance(_ i: Int, _ j: Int) -> Double {
        i == j ? 0 : 1 - correlations[Dendrogram.condensedIndex(tickers.count, i, j)]
    }

    /// The average-linkage dendrogram of the distances; leaf `i` is `tickers[i]`.
    public func averageLinkage() -> Dendrogram {
        Dendrogram.averageLinkage(distances: correlations.map { 1 - $0 }, count: tickers.count)
    }
}
