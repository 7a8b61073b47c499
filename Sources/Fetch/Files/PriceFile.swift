import Correlation
import Foundation

/// One ticker's price file as found on disk, read before anything is fetched for it.
///
/// It is parsed with the reader `vaultgen update` uses, so a file that reader rejects is never touched.
/// Appending keeps every byte already there (a missing final line end is added first); a rewrite keeps the
/// header line and line ends as written. Work is on bytes and values; `TickerFetcher` reads and writes.
struct PriceFile {
    /// Rows the request overlaps with the file, so that a re-adjusted history shows in the answer.
    static let overlapRows = 5

    let bytes: [UInt8]
    let layout: PriceFileLayout
    let series: PriceSeries
    private let headerLine: String
    private let lineEnding: String
    private let hasBOM: Bool
    /// Each day's price as written, and how many decimals it was written with.
    let written: [Day: (price: Double, decimals: Int)]

    /// - Throws: `.badPriceFile` naming the file and line when the reader rejects it.
    init(bytes: [UInt8], ticker: String, name: String) throws(FetchFailure) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .badPriceFile("\(name): not UTF-8 text")
        }
        do {
            series = try PriceReader.parse(text, ticker: ticker, file: name)
        } catch {
            throw .badPriceFile(error.description)
        }
        self.bytes = bytes
        hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .filter { !$0.allSatisfy(\.isWhitespace) }[...]
        let header = String(lines.popFirst() ?? "").trimmingPrefix("\u{FEFF}")
        guard let layout = PriceFileLayout(headerLine: header) else {
            throw .badPriceFile("\(name): a header the reader takes but fetch cannot write")
        }
        self.layout = layout
        headerLine = String(header)
        var written: [Day: (Double, Int)] = [:]
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\""))
            }
            guard cells.count > layout.priceColumn, let day = Day(iso: cells[0].prefix(10)),
                let price = Double(cells[layout.priceColumn])
            else { continue }
            written[day] = (price, Self.decimals(cells[layout.priceColumn]))
        }
        self.written = written
    }

    /// The file's last day; the reader guarantees at least one row.
    var lastDay: Day { series.days[series.days.count - 1] }

    /// The first day to ask for: a few rows back, so the answer overlaps the file.
    var requestStart: Day { series.days[max(0, series.days.count - Self.overlapRows)] }

    /// Whether `price` is the price the file holds for `day`, at the precision the file wrote it with.
    ///
    /// A file kept to cents (`4.09`) matches a provider's `4.0899999`; a full-precision file is compared to a
    /// relative 1e-6. - Returns: nil when the file has no row for `day`.
    func matches(_ price: Double, on day: Day) -> Bool? {
        guard let cell = written[day] else { return nil }
        let rounding = 0.5 * pow(10, -Double(cell.decimals))
        let tolerance = max(1e-6 * abs(cell.price), rounding) * (1 + 1e-9)
        return abs(price - cell.price) <= tolerance
    }

    /// The file with `bars` written after its rows; with `replacingLastRow`, the last day's row goes first.
    ///
    /// - Returns: nil when the last day's row is not the file's last line (an unsorted file), which cannot be
    ///   cut off cleanly.
    func appending(_ bars: [DailyBar], replacingLastRow: Bool) -> [UInt8]? {
        var out = bytes
        if replacingLastRow {
            guard let start = lastLineStart(),
                Day(iso: String(decoding: out[start...].prefix(10), as: UTF8.self)) == lastDay
            else { return nil }
            out.removeSubrange(start...)
        }
        if let last = out.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\r") {
            out += Array(lineEnding.utf8)
        }
        for bar in bars { out += Array((layout.row(bar) + lineEnding).utf8) }
        return out
    }

    /// The whole series replaced by `bars`, under the header as written.
    func rewritten(with bars: [DailyBar]) -> [UInt8] {
        let text = ([headerLine] + bars.map(layout.row)).joined(separator: lineEnding) + lineEnding
        return (hasBOM ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    /// A new file: `Date,Close` with the adjusted closes, the layout every other tool reads too.
    static func newFile(_ bars: [DailyBar]) -> [UInt8] {
        Array(
            ([PriceFileLayout.dateClose.header] + bars.map(PriceFileLayout.dateClose.row)).map { $0 + "\n" }.joined()
                .utf8)
    }

    /// Where the last non-blank line starts.
    private func lastLineStart() -> Int? {
        var end = bytes.count
        while end > 0, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        var start = end
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        return start
    }

    /// Digits after the point; an exponent counts as full precision.
    private static func decimals(_ cell: String) -> Int {
        if cell.contains(where: { $0 == "e" || $0 == "E" }) { return 17 }
        guard let point = cell.firstIndex(of: ".") else { return 0 }
        return cell.distance(from: point, to: cell.endIndex) - 1
    }
}
