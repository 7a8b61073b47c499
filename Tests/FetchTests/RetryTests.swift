import Fetch
import Foundation
import Testing

@Suite("Retries and the rate limit, computed without a clock")
struct RetryTests {
    @Test func delaysDoubleUpToTheCap() {
        let policy = RetryPolicy(retries: 5, baseDelay: 1, maxDelay: 5)
        #expect((1...5).map { policy.delay(beforeRetry: $0, retryAfter: nil) } == [1, 2, 4, 5, 5])
    }

    @Test func retryAfterReplacesTheBackoffButNotTheCap() {
        let policy = RetryPolicy(retries: 3, baseDelay: 1, maxDelay: 30)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 7) == 7)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 3600) == 30)
    }

    @Test func retryAfterIsSecondsOrAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_711_756_800)  // Sat, 30 Mar 2024 00:00:00 GMT
        #expect(RetryPolicy.seconds(retryAfter: "120", now: now) == 120)
        #expect(RetryPolicy.seconds(retryAfter: "Sat, 30 Mar 2024 00:01:30 GMT", now: now) == 90)
        #expect(RetryPolicy.seconds(retryAfter: "soon", now: now) == nil)
        #expect(RetryPolicy.seconds(retryAfter: nil, now: now) == nil)
    }

    @Test func theRateLimitSpacesRequestStarts() {
        var limiter = RateLimiter(rate: 2)
        #expect(limiter.delay(now: 10) == 0)
        #expect(limiter.delay(now: 10.25) == 0.25)
        #expect(limiter.delay(now: 10.5) == 0.5, "the previous request was booked for 10.5")
        #expect(limiter.delay(now: 20) == 0)
    }
}
