import Testing

@testable import Correlation

/// The last guard before a correlation is stored: rounding is kept inside [-1, 1], and NaN stays n/a.
@Suite("Statistics: clamping a correlation")
struct StatisticsTests {
    /// `max(-1, .nan)` is -1: without its own check, an overflow that reached the clamp would print -1.00. The
    /// engine's earlier guards stop today's inputs first, so the fuzz regressions cannot see this one.
    @Test func nanStaysNaNAndRoundingStaysInside() {
        #expect(Statistics.clamp(.nan).isNaN)
        #expect(Statistics.clamp(1.0.nextUp) == 1)
        #expect(Statistics.clamp((-1.0).nextDown) == -1)
        #expect(Statistics.clamp(0.25) == 0.25)
    }
}
