import Correlation
import Foundation

extension PriceProvider {
    /// Reads Yahoo's chart JSON: parallel arrays of timestamps and quotes, with `adjclose` when asked for.
    ///
    /// A timestamp is the exchange's open in UTC; adding the exchange's `gmtoffset` gives the trading day.
    /// A day whose close is `null` (a halt) is skipped. A truncated body does not decode, so it never
    /// passes for a shorter history. A timestamp so large (or small) that adding the offset overflows gives a
    /// day far outside any asked range, which the fetcher drops.
    /// - Parameter ticker: When given, `meta.symbol` must name it (case, and `.` for `-`, aside).
    static func yahooBars(_ body: [UInt8], ticker: String? = nil) throws(FetchFailure) -> [DailyBar] {
        let envelope: YahooChart
        do {
            envelope = try JSONDecoder().decode(YahooChart.self, from: Data(body))
        } catch {
            throw .malformed("not Yahoo's chart JSON (truncated or another shape)")
        }
        if let error = envelope.chart.error { throw .noData(Self.words(error)) }
        guard let result = envelope.chart.result?.first else { throw .malformed("no result and no error") }
        if let ticker, let symbol = result.meta?.symbol, Self.symbolKey(symbol) != Self.symbolKey(ticker) {
            throw .wrongSymbol(asked: ticker, answered: String(symbol.prefix(40)))
        }
        guard let stamps = result.timestamp, !stamps.isEmpty else { throw .noData("Yahoo: no bars in the range") }
        guard let quote = result.indicators.quote.first, let closes = quote.close, closes.count == stamps.count
        else { throw .malformed("\(stamps.count) timestamps but not as many closes") }
        let adjusted = result.indicators.adjclose?.first?.adjclose
        if let adjusted, adjusted.count != stamps.count {
            throw .malformed("\(stamps.count) timestamps but \(adjusted.count) adjusted closes")
        }
        func value(_ column: [Double?]?, _ i: Int) -> Double? {
            guard let column, column.indices.contains(i) else { return nil }
            return column[i]
        }
        let offset = result.meta?.gmtoffset ?? 0
        var bars: [DailyBar] = []
        for (i, stamp) in stamps.enumerated() {
            guard let close = closes[i] else { continue }
            let (sum, overflow) = stamp.addingReportingOverflow(offset)
            // On overflow the sum wrapped: the true value lies beyond Int's range on the side of the stamp.
            let seconds = overflow ? (stamp > 0 ? Int.max : Int.min) : sum
            // Rounded down: day -1 is the second before 1970, and Int.min has no negation.
            let day = Day(daysSince1970: seconds >= 0 ? seconds / 86_400 : (seconds + 1) / 86_400 - 1)
            bars.append(
                DailyBar(
                    day: day, open: value(quote.open, i), high: value(quote.high, i), low: value(quote.low, i),
                    close: close, adjustedClose: adjusted.flatMap { $0[i] } ?? close, volume: value(quote.volume, i)))
        }
        guard !bars.isEmpty else { throw .noData("Yahoo: only empty bars in the range") }
        return bars
    }

    /// A symbol as Yahoo compares it: case aside, and a share class written `BRK.B` or `BRK-B` alike.
    private static func symbolKey(_ symbol: String) -> String {
        symbol.uppercased().replacingOccurrences(of: ".", with: "-")
    }

    /// The words of a Yahoo error body (`{"chart":{"result":null,"error":{…}}}`), if the body is one.
    static func yahooError(_ body: [UInt8]) -> String? {
        guard let envelope = try? JSONDecoder().decode(YahooChart.self, from: Data(body)),
            let error = envelope.chart.error
        else { return nil }
        return words(error)
    }

    private static func words(_ error: YahooChart.ChartError) -> String {
        "Yahoo: " + ([error.code, error.description].compactMap { $0 }.joined(separator: ": "))
    }
}
