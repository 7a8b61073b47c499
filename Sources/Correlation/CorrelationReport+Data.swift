import Foundation

extension CorrelationReport {
    /// CSV in three blank-line-separated sections: the matrix, the pairs high to low, and the summary figures.
    ///
    /// Values keep full precision; an n/a value is an empty cell, with the reason in the pairs section.
    func csv() -> String {
        var text = ""
        csv { text += $0 }
        return text
    }

    /// Writes the CSV report piece by piece, so that thousands of tickers never sit in memory as one string.
    ///
    /// Pieces of about 64 kB are appended to in place (numbers written straight into them), as building a
    /// string per cell and per line took most of the time for millions of cells.
    public func csv(to write: (String) -> Void) {
        let tickers = matrix.tickers
        var chunk = ""
        chunk.reserveCapacity(Self.chunkSize + 4096)
        func flushIfFull() {
            guard chunk.utf8.count >= Self.chunkSize else { return }
            write(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
        chunk += (["ticker"] + tickers).map(Self.csvCell).joined(separator: ",") + "\n"
        let n = tickers.count
        for (i, a) in tickers.enumerated() {
            chunk += Self.csvCell(a)
            for j in 0..<n {
                chunk += ","
                let value = matrix.values[i * n + j]
                if !value.isNaN { value.write(to: &chunk) }
                if j % 256 == 255 { flushIfFull() }
            }
            chunk += "\n"
            flushIfFull()
        }
        chunk += "\na,b,r,common_\(matrix.options.periodName),reason\n"
        // Pairs are named after the group's (and matrix's) tickers: when none needs quoting, no pair name does.
        let plainNames = (figures.tickers + matrix.tickers).allSatisfy { Self.csvCell($0) == $0 }
        for pair in figures.pairs {
            chunk += plainNames ? pair.a : Self.csvCell(pair.a)
            chunk += ","
            chunk += plainNames ? pair.b : Self.csvCell(pair.b)
            chunk += ","
            if let r = pair.r { r.write(to: &chunk) }
            chunk += ","
            chunk += String(pair.overlap)
            chunk += ","
            if let reason = pair.reason { chunk += Self.csvCell(reason) }
            chunk += "\n"
            flushIfFull()
        }
        write(chunk)
        var lines = ["", "figure,subject,value"]
        lines.append("average,,\(Self.fullPrecision(figures.average))")
        lines.append("excluded_pairs,,\(figures.excludedPairs)")
        if let low = figures.lowest { lines.append("lowest,\(Self.csvCell(low.name)),\(Self.fullPrecision(low.r))") }
        if let high = figures.highest {
            lines.append("highest,\(Self.csvCell(high.name)),\(Self.fullPrecision(high.r))")
        }
        for mean in figures.meanToOthers {
            lines.append("mean_to_others,\(Self.csvCell(mean.ticker)),\(Self.fullPrecision(mean.mean))")
        }
        write(lines.joined(separator: "\n") + "\n")
    }

    private static let chunkSize = 1 << 16

    /// One JSON object with the window, options, matrix (null for n/a), pairs and figures; keys sorted.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail; a failure here is a programming error.
        let data = try! encoder.encode(JSONReport(self))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func csvCell(_ text: String) -> String {
        // Most cells hold none of the three bytes; checking bytes first skips the slower walk over Characters.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 }) else {
            return text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The JSON shape of a report; optionals are written as null rather than left out, so every key is always there.
private struct JSONReport: Encodable {
    struct Pair: Encodable {
        let pair: PairCorrelation
        enum Keys: String, CodingKey { case a, b, r, overlap, reason }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(pair.a, forKey: .a)
            try container.encode(pair.b, forKey: .b)
            try container.encode(pair.r, forKey: .r)
            try container.encode(pair.overlap, forKey: .overlap)
            try container.encode(pair.reason, forKey: .reason)
        }
    }

    struct Mean: Encodable {
        let ticker: String
        let mean: Double?
        let excludedPairs: Int
        enum Keys: String, CodingKey { case ticker, mean, excludedPairs }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(ticker, forKey: .ticker)
            try container.encode(mean, forKey: .mean)
            try container.encode(excludedPairs, forKey: .excludedPairs)
        }
    }

    let report: CorrelationReport

    init(_ report: CorrelationReport) { self.report = report }

    enum Keys: String, CodingKey {
        case from, to, returns, method, alignment, frequency, minOverlap, tickers, matrix, pairs, average
        case excludedPairs, lowest, highest, meanToOthers, leftOut
    }

    func encode(to encoder: any Encoder) throws {
        let matrix = report.matrix
        let figures = report.figures
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(matrix.from?.iso, forKey: .from)
        try container.encode(matrix.to?.iso, forKey: .to)
        try container.encode(matrix.options.returns.rawValue, forKey: .returns)
        try container.encode(matrix.options.method.rawValue, forKey: .method)
        try container.encode(matrix.options.alignment.rawValue, forKey: .alignment)
        try container.encode(matrix.options.frequency.rawValue, forKey: .frequency)
        try container.encode(matrix.options.minOverlap, forKey: .minOverlap)
        try container.encode(matrix.tickers, forKey: .tickers)
        try container.encode(matrix.tickers.map { a in matrix.tickers.map { matrix.r(a, $0) } }, forKey: .matrix)
        try container.encode(figures.pairs.map(Pair.init), forKey: .pairs)
        try container.encode(figures.average, forKey: .average)
        try container.encode(figures.excludedPairs, forKey: .excludedPairs)
        try container.encode(figures.lowest.map(Pair.init), forKey: .lowest)
        try container.encode(figures.highest.map(Pair.init), forKey: .highest)
        try container.encode(
            figures.meanToOthers.map { Mean(ticker: $0.ticker, mean: $0.mean, excludedPairs: $0.excludedPairs) },
            forKey: .meanToOthers)
        try container.encode(
            Dictionary(uniqueKeysWithValues: matrix.problems.map { ($0.key, $0.value.description) }), forKey: .leftOut)
    }
}
