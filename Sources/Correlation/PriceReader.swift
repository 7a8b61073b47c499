/// Parses one ticker's price CSV into a sorted `PriceSeries`.
///
/// Three layouts are told apart by their header (case and surrounding spaces ignored):
/// `Date,Close`; Yahoo's `Date,Open,High,Low,Close,Adj Close,Volume`, read from Adj Close so splits and
/// dividends are accounted for; Stooq's `Date,Open,High,Low,Close,Volume`, read from Close. A `null` price
/// (how Yahoo writes a missing value) drops its row. Parsing works on text only, so tests need no disk.
public enum PriceReader {
    /// The layouts the reader knows, with the column the price comes from.
    enum Layout: CaseIterable {
        case dateClose, yahoo, stooq

        var header: [String] {
            switch self {
            case .dateClose: return ["date", "close"]
            case .yahoo: return ["date", "open", "high", "low", "close", "adj close", "volume"]
            case .stooq: return ["date", "open", "high", "low", "close", "volume"]
            }
        }

        var priceColumn: Int {
            switch self {
            case .dateClose: return 1
            case .yahoo: return 5
            case .stooq: return 4
            }
        }
    }

    /// Parses `text` as the prices of `ticker`.
    ///
    /// - Parameters:
    ///   - text: The whole file; a UTF-8 BOM and CRLF line ends are accepted, blank lines are ignored.
    ///   - ticker: The ticker the series is for.
    ///   - file: How the file is named in error messages, e.g. `Prices/HUT.csv`.
    /// - Returns: The closes sorted by date, whatever order the rows were in.
    /// - Throws: The first problem found, naming `file` and the 1-based line.
    public static func parse(_ text: String, ticker: String, file: String) throws(PriceFileError) -> PriceSeries {
        // Work on UTF-8 bytes: a Character view is several times slower, and `\r\n` is one Character.
        // The trailing 0 stops `strtod` at the end of the last number.
        var bytes = Array(text.utf8)
        bytes.append(0)
        let result = bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            return read(&scanner, ticker: ticker, file: file)
        }
        return try result.get()
    }

    private static func read(
        _ scanner: inout CSVScanner, ticker: String, file: String
    ) -> Result<PriceSeries, PriceFileError> {
        guard let header = scanner.nextLine() else { return .failure(.emptyFile(file: file, line: 1)) }
        let names = header.cells.map { scanner.text($0).lowercased() }
        guard let layout = Layout.allCases.first(where: { $0.header == names }) else {
            return .failure(.unknownHeader(file: file, line: header.number, header: excerpt(scanner.text(header.line))))
        }

        var rows: [(day: Day, close: Double)] = []
        rows.reserveCapacity(scanner.bytes.count / 16)
        var lines: [Int] = []
        lines.reserveCapacity(scanner.bytes.count / 16)
        // Dates usually come in increasing order, and then none can repeat: the table of dates seen, which
        // finds a duplicate, is only built once a date is not after the one before.
        var lineOfDay: [Day: Int]?
        while let row = scanner.nextLine() {
            guard row.cells.count == names.count else {
                return .failure(
                    .wrongColumnCount(
                        file: file, line: row.number, expected: names.count, found: row.cells.count,
                        row: excerpt(scanner.text(row.line))))
            }
            guard let day = scanner.date(row.cells[0]) else {
                return .failure(.badDate(file: file, line: row.number, value: scanner.text(row.cells[0])))
            }
            let priceCell = row.cells[layout.priceColumn]
            if scanner.isNull(priceCell) { continue }
            guard let price = scanner.number(priceCell) else {
                return .failure(.notANumber(file: file, line: row.number, value: scanner.text(priceCell)))
            }
            guard price.isFinite, price > 0 else {
                return .failure(.nonPositivePrice(file: file, line: row.number, value: scanner.text(priceCell)))
            }
            if lineOfDay == nil, let last = rows.last?.day, day <= last {
                lineOfDay = Dictionary(zip(rows.map(\.day), lines), uniquingKeysWith: { first, _ in first })
            }
            if lineOfDay != nil, let firstLine = lineOfDay?.updateValue(row.number, forKey: day) {
                return .failure(.duplicateDate(file: file, line: row.number, date: day.iso, firstLine: firstLine))
            }
            rows.append((day, price))
            lines.append(row.number)
        }
        guard !rows.isEmpty else { return .failure(.noPrices(file: file, line: header.number + 1)) }
        rows.sort { $0.day < $1.day }
        return .success(PriceSeries(ticker: ticker, days: rows.map(\.day), closes: rows.map(\.close)))
    }

    /// The line as quoted in a message, cut short so a file without line ends cannot flood the terminal.
    private static func excerpt(_ line: String) -> String {
        line.count <= 80 ? line : String(line.prefix(77)) + "..."
    }
}
