/// Spaces requests so that no more than `rate` start per second, retries included.
///
/// It only computes how long to wait; the caller sleeps, so tests can check it without a clock.
public struct RateLimiter: Sendable {
    /// Seconds between the starts of two requests.
    public let interval: Double
    private var lastStart: Double?

    /// - Parameter rate: Requests per second; zero or less means no limit.
    public init(rate: Double) {
        interval = rate > 0 ? 1 / rate : 0
    }

    /// Books the next request's start and returns how long to wait for it, given the time `now` in seconds.
    public mutating func delay(now: Double) -> Double {
        let start = lastStart.map { max(now, $0 + interval) } ?? now
        lastStart = start
        return start - now
    }
}
