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
    /// Matrix rows and pair lines are formatted on every core in pieces of about 64 kB, a few pieces per core
    /// at a time, and written in order. Numbers are written straight into a piece (`Double.write(to:)`, the
    /// text of `"\(value)"`): building a string per cell and per line took most of the time for millions of
    /// cells.
    public func csv(to write: (String) -> Void) {
        let tickers = matrix.tickers
        let n = tickers.count
        write((["ticker"] + tickers).map(Self.csvCell).joined(separator: ",") + "\n")
        let matrix = matrix
        let rowOf = matrix.rowOfPosition
        Self.writeInOrder(count: n, batch: max(1, Self.pieceSize / (n * 20 + 1)), to: write) { rows in
            var piece = ""
            for i in rows {
                piece += Self.csvCell(tickers[i])
                for j in 0..<n {
                    piece += ","
                    let value = rowOf[i] >= 0 && rowOf[j] >= 0 ? matrix.value(row: rowOf[i], rowOf[j]) : .nan
                    if !value.isNaN { value.write(to: &piece) }
                }
                piece += "\n"
            }
            return piece
        }
        write("\na,b,r,overlap,reason\n")
        // Pairs are named after the group's (and matrix's) tickers: when none needs quoting, no pair name does.
        let plainNames = (figures.tickers + matrix.tickers).allSatisfy { Self.csvCell($0) == $0 }
        let pairs = figures.pairs
        Self.writeInOrder(count: pairs.count, batch: Self.pieceSize / 32, to: write) { range in
            var piece = ""
            for pair in pairs[range] {
                piece += plainNames ? pair.a : Self.csvCell(pair.a)
                piece += ","
                piece += plainNames ? pair.b : Self.csvCell(pair.b)
                piece += ","
                if let r = pair.r { r.write(to: &piece) }
                piece += ","
                piece += String(pair.overlap)
                piece += ","
                if let reason = pair.reason { piece += Self.csvCell(reason) }
                piece += "\n"
            }
            return piece
        }
        var lines = ["", "figure,subject,value"]
        lines.append("average,,\(Self.fullPrecision(figures.average))")
        lines.append("excludedPairs,,\(figures.excludedPairs)")
        if let low = figures.lowest { lines.append("lowest,\(Self.csvCell(low.name)),\(Self.fullPrecision(low.r))") }
        if let high = figures.highest {
            lines.append("highest,\(Self.csvCell(high.name)),\(Self.fullPrecision(high.r))")
        }
        for mean in figures.meanToOthers {
            lines.append("meanToOthers,\(Self.csvCell(mean.ticker)),\(Self.fullPrecision(mean.mean))")
        }
        write(lines.joined(separator: "\n") + "\n")
    }

    private static let pieceSize = 1 << 16

    /// Formats items `0..<count` in pieces of `batch` on every core and hands the pieces to `write` in order.
    private static func writeInOrder(
        count: Int, batch: Int, to write: (String) -> Void, format: @Sendable (Range<Int>) -> String
    ) {
        let perRound = batch * ProcessInfo.processInfo.activeProcessorCount * 4
        for roundStart in stride(from: 0, to: count, by: perRound) {
            let pieces = stride(from: roundStart, to: min(roundStart + perRound, count), by: batch).map {
                $0..<min($0 + batch, count)
            }
            var texts = [String](repeating: "", count: pieces.count)
            texts.withUnsafeMutableBufferPointer { texts in
                let out = DisjointWrites(texts)
                DispatchQueue.concurrentPerform(iterations: pieces.count) { out[$0] = format(pieces[$0]) }
            }
            for text in texts { write(text) }
        }
    }

    /// One JSON object (schema `vaultgen.corr/1`) with the window, options, matrix (null for n/a), pairs and
    /// figures; keys sorted.
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
        case schema, vault
        case from, to, returns, method, alignment, frequency, minOverlap, tickers, matrix, pairs, average
        case excludedPairs, lowest, highest, meanToOthers, leftOut
    }

    func encode(to encoder: any Encoder) throws {
        let matrix = report.matrix
        let figures = report.figures
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(CorrelationReport.schema, forKey: .schema)
        try container.encode(report.vault, forKey: .vault)
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
