import Correlation
import Foundation

/// A source of daily bars: how to ask it for one ticker's days, and how to read its answer.
///
/// Building the request and reading the answer work on values only, so the providers are tested without a
/// network; `HTTPClient` does the asking.
public enum PriceProvider: String, Sendable, CaseIterable {
    /// Stooq's daily CSV download, `/q/d/l/?s=hut.us&i=d`.
    case stooq
    /// Yahoo's chart JSON, `/v8/finance/chart/HUT?period1=…&interval=1d`.
    case yahoo

    public var defaultBaseURL: String {
        switch self {
        case .stooq: return "https://stooq.com"
        case .yahoo: return "https://query1.finance.yahoo.com"
        }
    }

    /// The request for `ticker`'s bars from `start` through `end`.
    ///
    /// - Parameters:
    ///   - start: The first day wanted; nil asks for the whole history.
    ///   - baseURL: Scheme, host and optional path prefix, e.g. `http://127.0.0.1:8080`.
    ///   - key: The API key, for providers that take one (Stooq's `apikey`); Yahoo takes none.
    /// - Returns: nil when `baseURL` is not an http or https URL.
    public func url(ticker: String, from start: Day?, through end: Day, baseURL: String, key: String?) -> URL? {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard let scheme = URLComponents(string: base)?.scheme?.lowercased(), ["http", "https"].contains(scheme)
        else { return nil }
        switch self {
        case .stooq:
            var components = URLComponents(string: base + "/q/d/l/")
            var items = [URLQueryItem(name: "s", value: Self.stooqSymbol(ticker)), URLQueryItem(name: "i", value: "d")]
            if let start {
                items += [
                    URLQueryItem(name: "d1", value: Self.compact(start)),
                    URLQueryItem(name: "d2", value: Self.compact(end)),
                ]
            }
            if let key { items.append(URLQueryItem(name: "apikey", value: key)) }
            components?.queryItems = items
            return components?.url
        case .yahoo:
            guard let symbol = ticker.addingPercentEncoding(withAllowedCharacters: Self.pathSegmentAllowed) else {
                return nil
            }
            var components = URLComponents(string: base + "/v8/finance/chart/" + symbol)
            // A day's bar is stamped at the exchange's open, in UTC: start a day early so no time zone loses it.
            // Without a start, 1900-01-01 asks for everything (yfinance does the same for period=max).
            let period1 = start.map { ($0.daysSince1970 - 1) * 86_400 } ?? -2_208_988_800
            components?.queryItems = [
                URLQueryItem(name: "period1", value: String(period1)),
                URLQueryItem(name: "period2", value: String((end.daysSince1970 + 1) * 86_400)),
                URLQueryItem(name: "interval", value: "1d"),
                URLQueryItem(name: "events", value: "div,split"),
                URLQueryItem(name: "includeAdjustedClose", value: "true"),
            ]
            return components?.url
        }
    }

    /// Reads the bars out of an answer that the client did not retry away.
    ///
    /// - Parameter ticker: The ticker asked for; an answer that names another symbol (Yahoo's `meta.symbol`) is
    ///   refused. Stooq's CSV names none.
    /// - Returns: Bars sorted by day, one per day, every close positive.
    /// - Throws: Why the answer holds no usable bars: an error status, an empty body, a web page, the
    ///   provider's "no data", a truncated or malformed body, another symbol's answer.
    public func bars(from response: HTTPResponse, ticker: String? = nil) throws(FetchFailure) -> [DailyBar] {
        if !(200..<300).contains(response.status) {
            if self == .yahoo, (400..<500).contains(response.status), let words = Self.yahooError(response.body) {
                throw .noData(words)
            }
            throw .rejected(status: response.status)
        }
        if response.isBlank { throw .emptyResponse }
        if response.looksLikeHTML { throw .htmlPage }
        let bars: [DailyBar]
        switch self {
        case .stooq: bars = try Self.stooqBars(response.text)
        case .yahoo: bars = try Self.yahooBars(response.body, ticker: ticker)
        }
        return try DailyBar.normalized(bars)
    }

    /// The URL as printed by `--dry-run`: the key never reaches a terminal or a log.
    public static func redacted(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return url.absoluteString
        }
        components.queryItems = components.queryItems?.map {
            $0.name == "apikey" ? URLQueryItem(name: "apikey", value: "***") : $0
        }
        return components.string ?? url.absoluteString
    }

    /// `20240105`, the date form Stooq's `d1` and `d2` take.
    static func compact(_ day: Day) -> String {
        String(day.iso.filter { $0 != "-" })
    }

    /// Characters a ticker may keep inside one path segment; `^` and `/` are escaped.
    private static let pathSegmentAllowed = CharacterSet.alphanumerics.union(
        CharacterSet(charactersIn: "-._~=!$&'()*+,;:@"))
}
