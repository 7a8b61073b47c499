/// Every pair's correlation among a request's tickers, in one window and convention.
///
/// Values are kept in flat arrays rather than one `PairCorrelation` per pair, so a matrix of thousands of
/// tickers stays small; `pair(_:_:)` builds the value on demand. Only tickers with prices have a row: a request
/// naming thousands of tickers without price files costs memory in proportion to the tickers, not the pairs.
public struct CorrelationMatrix: Sendable {
    /// The tickers in request order, duplicates removed; includes tickers left out for bad data.
    public let tickers: [String]
    public let options: CorrelationOptions
    /// The first day a return could fall on: `since`, or the first return in the data.
    public let from: Day?
    /// The last day whose close was used: `until`, or the latest date in the data.
    public let to: Day?
    /// Tickers of the request left out of every figure, with the reason.
    public let problems: [String: PriceProblem]

    /// Why a pair is n/a; stored per cell so reasons are only spelt out when asked for.
    enum Status: UInt8, Sendable {
        case ok, leftOut, tooFew, rowConstant, columnConstant, bothConstant

        var transposed: Status {
            switch self {
            case .rowConstant: return .columnConstant
            case .columnConstant: return .rowConstant
            default: return self
            }
        }
    }

    /// Each ticker's position in `tickers`.
    let index: [String: Int]
    /// Each position's row among the tickers with prices, or -1 for a ticker left out.
    let rowOfPosition: [Int]
    /// How many tickers have a row.
    let rowCount: Int
    /// `rowCount²` coefficients, NaN when n/a.
    let values: [Double]
    /// Common period counts; 32 bits, as no series has 2³¹ periods, halve the memory of a large matrix.
    let overlaps: [Int32]
    let statuses: [Status]

    init(
        tickers: [String], options: CorrelationOptions, from: Day?, to: Day?, problems: [String: PriceProblem],
        rowOfPosition: [Int], values: [Double], overlaps: [Int32], statuses: [Status]
    ) {
        self.rowOfPosition = rowOfPosition
        rowCount = rowOfPosition.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        precondition(values.count == rowCount * rowCount)
        self.tickers = tickers
        self.options = options
        self.from = from
        self.to = to
        self.problems = problems
        self.values = values
        self.overlaps = overlaps
        self.statuses = statuses
        index = Dictionary(tickers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tickers left out for missing or bad data, in request order.
    public var leftOut: [String] { tickers.filter { problems[$0] != nil } }

    /// The row of `ticker` among the tickers with prices, or nil when it is left out or not in the request.
    func row(_ ticker: String) -> Int? {
        index[ticker].flatMap { rowOfPosition[$0] >= 0 ? rowOfPosition[$0] : nil }
    }

    /// The coefficient of rows `i` and `j` (see `row(_:)`), NaN when n/a.
    func value(row i: Int, _ j: Int) -> Double {
        values[i * rowCount + j]
    }

    /// The correlation of `a` with `b`, or nil when n/a or either is not in the matrix.
    public func r(_ a: String, _ b: String) -> Double? {
        guard let i = row(a), let j = row(b) else { return nil }
        let value = value(row: i, j)
        return value.isNaN ? nil : value
    }

    /// The pair `a`-`b` with its coefficient, common period count and the reason when n/a.
    public func pair(_ a: String, _ b: String) -> PairCorrelation {
        guard let i = index[a], let j = index[b] else {
            let unknown = [a, b].filter { index[$0] == nil }.joined(separator: " and ")
            return PairCorrelation(a: a, b: b, r: nil, overlap: 0, reason: "\(unknown) not in the request")
        }
        return pair(i, j)
    }

    /// The pair of the tickers at positions `i` and `j` of `tickers`.
    func pair(_ i: Int, _ j: Int) -> PairCorrelation {
        let (rowI, rowJ) = (rowOfPosition[i], rowOfPosition[j])
        guard rowI >= 0, rowJ >= 0 else {
            return PairCorrelation(
                a: tickers[i], b: tickers[j], r: nil, overlap: 0, reason: reason(.leftOut, i, j, overlap: 0))
        }
        let cell = rowI * rowCount + rowJ
        let value = values[cell]
        let overlap = Int(overlaps[cell])
        return PairCorrelation(
            a: tickers[i], b: tickers[j], r: value.isNaN ? nil : value, overlap: overlap,
            reason: reason(statuses[cell], i, j, overlap: overlap))
    }

    private func reason(_ status: Status, _ i: Int, _ j: Int, overlap: Int) -> String? {
        // Most pairs are fine; return before building any string.
        if status == .ok {
            guard value(row: rowOfPosition[i], rowOfPosition[j]).isNaN else { return nil }
            return "\(tickers[i]) or \(tickers[j]) has returns too extreme to compute (a price ratio overflows)"
        }
        let a = tickers[i]
        let b = tickers[j]
        let period = overlap == 1 ? String(options.periodName.dropLast()) : options.periodName
        switch status {
        case .ok:
            return nil
        case .leftOut:
            let reasons = Array(Set([a, b])).sorted { index[$0]! < index[$1]! }.compactMap { ticker in
                problems[ticker].map { "\(ticker) left out: \($0)" }
            }
            return reasons.joined(separator: "; ")
        case .tooFew:
            return "only \(overlap) common \(period) (minimum \(max(options.minOverlap, 2)))"
        case .rowConstant:
            return "\(a) returns do not vary over the \(overlap) common \(period)"
        case .columnConstant:
            return "\(b) returns do not vary over the \(overlap) common \(period)"
        case .bothConstant:
            return "\(a) and \(b) returns do not vary over the \(overlap) common \(period)"
        }
    }
}
