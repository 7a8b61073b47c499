import Foundation

/// How often and how patiently one request is tried again after a timeout, a 429 or a 5xx.
///
/// Delays double from `baseDelay` (1, 2, 4 s by default); a server's `Retry-After` replaces the computed delay.
/// Every delay is capped at `maxDelay`, so a server asking for an hour cannot stall a nightly run. There is no
/// jitter: one cron job asking one provider in sequence has no herd to spread.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries after the first.
    public var retries: Int
    /// The pause before the first retry, in seconds.
    public var baseDelay: Double
    /// The longest pause, in seconds, whatever the server asks for.
    public var maxDelay: Double

    public init(retries: Int = 3, baseDelay: Double = 1, maxDelay: Double = 30) {
        self.retries = max(0, retries)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
    }

    /// The pause before retry number `retry` (1 for the first retry).
    ///
    /// - Parameter retryAfter: The seconds the server asked for, if it did.
    public func delay(beforeRetry retry: Int, retryAfter: Double?) -> Double {
        let computed = baseDelay * pow(2, Double(max(0, retry - 1)))
        return min(retryAfter.map { max(0, $0) } ?? computed, maxDelay)
    }

    /// Reads a `Retry-After` header: whole seconds, or an HTTP date (RFC 9110) counted from `now`.
    public static func seconds(retryAfter header: String?, now: Date) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Int(header) { return Double(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
