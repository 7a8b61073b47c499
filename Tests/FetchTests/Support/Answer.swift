import Correlation
import Fetch
import Foundation

/// One scripted trading day: the close as traded and, when a dividend or split adjusts it, the adjusted close.
struct Row {
    var date: String
    var close: Double
    var adjusted: Double?

    init(_ date: String, _ close: Double, adjusted: Double? = nil) {
        self.date = date
        self.close = close
        self.adjusted = adjusted
    }
}

/// What each provider would answer, written the way the real services write it.
enum Answer {
    /// The text a route matches for one ticker's requests: Stooq names it in the query, Yahoo in the path.
    static func route(_ provider: PriceProvider, _ ticker: String) -> String {
        switch provider {
        case .stooq: return "s=\(PriceProvider.stooqSymbol(ticker))&"
        case .yahoo: return "/chart/\(ticker)?"
        }
    }

    /// - Parameter symbol: The ticker Yahoo's `meta.symbol` names (Stooq's CSV names none).
    static func bars(_ provider: PriceProvider, _ rows: [Row], symbol: String = "HUT") -> LoopbackServer.Reply {
        switch provider {
        case .stooq: return .text(stooqCSV(rows), type: "text/csv")
        case .yahoo: return .text(yahooJSON(rows, symbol: symbol), type: "application/json")
        }
    }

    /// What each provider answers for a symbol it does not know.
    static func unknownTicker(_ provider: PriceProvider) -> LoopbackServer.Reply {
        switch provider {
        case .stooq: return .text("No data")
        case .yahoo:
            return .text(
                #"{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}"#,
                status: 404, type: "application/json")
        }
    }

    /// The answer cut off in the middle of its last row (CSV) or object (JSON), with a matching Content-Length.
    static func truncated(_ provider: PriceProvider, _ rows: [Row]) -> LoopbackServer.Reply {
        var reply = bars(provider, rows)
        reply.body = Array(reply.body.dropLast(provider == .stooq ? 12 : 40))
        return reply
    }

    /// Stooq's CSV: adjusted as a whole, CRLF line ends, a line end after the last row.
    static func stooqCSV(_ rows: [Row]) -> String {
        "Date,Open,High,Low,Close,Volume\r\n"
            + rows.map { row in
                let close = row.adjusted ?? row.close
                return "\(row.date),\(close),\(close + 0.5),\(close - 0.5),\(close),1000\r\n"
            }.joined()
    }

    /// Yahoo's chart JSON for a New York listing: bars stamped 14:30 UTC, `gmtoffset` -18000, `adjclose`.
    static func yahooJSON(_ rows: [Row], symbol: String = "HUT", stamps: [String]? = nil, gmtoffset: Int = -18_000)
        -> String
    {
        let stamps = stamps ?? rows.map { String(Day(iso: $0.date)!.daysSince1970 * 86_400 + 52_200) }
        let closes = rows.map { "\($0.close)" }
        let opens = rows.map { "\($0.close - 0.25)" }
        let adjusted = rows.map { "\($0.adjusted ?? $0.close)" }
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
        return """
            {"chart":{"result":[{"meta":{"currency":"USD","symbol":"\(symbol)","gmtoffset":\(gmtoffset),\
            "exchangeTimezoneName":"America/New_York"},"timestamp":\(list(stamps)),"indicators":{"quote":[{\
            "open":\(list(opens)),"high":\(list(closes)),"low":\(list(opens)),"close":\(list(closes)),\
            "volume":\(list(rows.map { _ in "1000" }))}],"adjclose":[{"adjclose":\(list(adjusted))}]}}],"error":null}}
            """
    }
}
