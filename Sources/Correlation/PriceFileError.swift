/// Why a price file could not be read; every case names the file and the line at fault.
public enum PriceFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file holds nothing but blank lines.
    case emptyFile(file: String, line: Int)
    /// The header is none of `Date,Close`, Yahoo's or Stooq's.
    case unknownHeader(file: String, line: Int, header: String)
    /// The file has a header but not a single price row.
    case noPrices(file: String, line: Int)
    /// A row has more or fewer cells than the header.
    case wrongColumnCount(file: String, line: Int, expected: Int, found: Int, row: String)
    /// The date cell is not `YYYY-MM-DD` (optionally followed by a time) or not a real date.
    case badDate(file: String, line: Int, value: String)
    /// The price cell is not a number.
    case notANumber(file: String, line: Int, value: String)
    /// The price is a number but not a positive finite one.
    case nonPositivePrice(file: String, line: Int, value: String)
    /// A date appears on two rows.
    case duplicateDate(file: String, line: Int, date: String, firstLine: Int)

    /// The file the error is in, as it was named to the reader.
    public var file: String {
        switch self {
        case .emptyFile(let file, _), .unknownHeader(let file, _, _), .noPrices(let file, _),
            .wrongColumnCount(let file, _, _, _, _), .badDate(let file, _, _), .notANumber(let file, _, _),
            .nonPositivePrice(let file, _, _), .duplicateDate(let file, _, _, _):
            return file
        }
    }

    /// The 1-based line the error is on.
    public var line: Int {
        switch self {
        case .emptyFile(_, let line), .unknownHeader(_, let line, _), .noPrices(_, let line),
            .wrongColumnCount(_, let line, _, _, _), .badDate(_, let line, _), .notANumber(_, let line, _),
            .nonPositivePrice(_, let line, _), .duplicateDate(_, let line, _, _):
            return line
        }
    }

    /// `file:line: what`, the way compilers report, so editors can jump to it.
    public var description: String {
        "\(file):\(line): \(problem)"
    }

    private var problem: String {
        switch self {
        case .emptyFile:
            return "empty file"
        case .unknownHeader(_, _, let header):
            return "unknown header '\(header)' (expected Date,Close or Date,Open,High,Low,Close[,Adj Close],Volume)"
        case .noPrices:
            return "no price rows after the header"
        case .wrongColumnCount(_, _, let expected, let found, let row):
            return "expected \(expected) columns, found \(found) in '\(row)'"
        case .badDate(_, _, let value):
            return "bad date '\(value)' (expected YYYY-MM-DD)"
        case .notANumber(_, _, let value):
            return "price '\(value)' is not a number"
        case .nonPositivePrice(_, _, let value):
            return "price \(value) is not a positive finite number"
        case .duplicateDate(_, _, let date, let firstLine):
            return "duplicate date \(date) (first on line \(firstLine))"
        }
    }
}
