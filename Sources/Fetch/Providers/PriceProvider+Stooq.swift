import Correlation

extension PriceProvider {
    /// Currencies that make `BTC-USD` a pair (Stooq's `btcusd`) rather than a share class (`BRK-B`).
    private static let currencies: Set<String> = ["usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "pln"]
    /// Yahoo's exchange suffixes and Stooq's names for the same markets.
    private static let exchanges: [String: String] = ["l": "uk", "de": "de", "t": "jp", "hk": "hk"]
    /// Suffixes that are Stooq's own and stay as written.
    private static let stooqMarkets: Set<String> = ["us", "uk", "de", "jp", "hk", "pl", "f", "v"]

    /// Stooq's symbol for a ticker as the vault writes it (Yahoo's convention).
    ///
    /// `HUT` → `hut.us`; `BRK-B` and `BRK.B` → `brk-b.us`; `BTC-USD` → `btcusd`; `^SPX` → `^spx`;
    /// `VOD.L` → `vod.uk`; a ticker that already carries a Stooq market (`CDR.PL`) stays as written.
    public static func stooqSymbol(_ ticker: String) -> String {
        let lower = ticker.lowercased()
        if lower.hasPrefix("^") { return lower }
        if let dash = lower.lastIndex(of: "-") {
            let base = lower[..<dash]
            let quote = lower[lower.index(after: dash)...]
            if !base.isEmpty, currencies.contains(String(quote)) { return String(base + quote) }
        }
        if let dot = lower.lastIndex(of: ".") {
            let base = String(lower[..<dot])
            let suffix = String(lower[lower.index(after: dot)...])
            if stooqMarkets.contains(suffix) { return lower }
            if let market = exchanges[suffix] { return base + "." + market }
            if suffix.count == 1 { return base + "-" + suffix + ".us" }
        }
        return lower + ".us"
    }

    /// Reads Stooq's `Date,Open,High,Low,Close[,Volume]` answer (indices and currencies have no volume).
    ///
    /// Stooq answers problems with HTTP 200 and a line of text, so those words are recognised first. A body cut
    /// short loses cells from its last row, which the column count catches, or its final line end, checked last.
    static func stooqBars(_ text: String) throws(FetchFailure) -> [DailyBar] {
        let trimmed = text.trimmingPrefix(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        let opening = trimmed.prefix(200).lowercased()
        if opening.hasPrefix("no data") { throw .noData("Stooq: No data") }
        if opening.contains("exceeded the daily hits limit") { throw .quotaExceeded }
        if opening.contains("apikey") { throw .needsKey }

        var lines = trimmed.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }[...]
        guard let header = lines.popFirst() else { throw .emptyResponse }
        let names = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard names.count >= 5, names.prefix(5) == ["date", "open", "high", "low", "close"],
            names.count == 5 || names[5...] == ["volume"]
        else { throw .malformed("unexpected header '\(header.prefix(80))'") }

        var bars: [DailyBar] = []
        for (offset, line) in lines.enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let row = offset + 2
            guard cells.count == names.count else {
                throw .malformed("row \(row) has \(cells.count) cells, the header \(names.count) (truncated?)")
            }
            guard let day = Day(iso: cells[0]) ?? Self.compactDay(cells[0]) else {
                throw .malformed("row \(row): bad date '\(cells[0].prefix(20))'")
            }
            guard let close = Double(cells[4]) else { throw .malformed("row \(row): close '\(cells[4].prefix(20))'") }
            bars.append(
                DailyBar(
                    day: day, open: Double(cells[1]), high: Double(cells[2]), low: Double(cells[3]), close: close,
                    volume: cells.count > 5 ? Double(cells[5]) : nil))
        }
        guard !bars.isEmpty else { throw .noData("Stooq: a header without rows") }
        // Stooq ends every answer with a line end: without one, the last row may be cut inside its last cell
        // (a close `12345.6789` read as `12` when there is no volume column), which no cell count shows.
        guard let end = text.utf8.last, end == UInt8(ascii: "\n") || end == UInt8(ascii: "\r") else {
            throw .malformed("the answer ends without a line end after its last row (truncated)")
        }
        return bars
    }

    /// `20240105`, the date form of Stooq's older files.
    private static func compactDay(_ text: String) -> Day? {
        guard text.count == 8, text.allSatisfy(\.isASCII), let year = Int(text.prefix(4)),
            let month = Int(text.dropFirst(4).prefix(2)), let day = Int(text.suffix(2))
        else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
