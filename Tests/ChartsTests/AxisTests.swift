import Testing

@testable import Charts

@Suite("Axes")
struct AxisTests {
    @Test func valueTicksAreRoundAndCoverTheData() {
        let axis = ValueAxis(covering: 57, 1123, intervals: 5)
        #expect(axis.ticks.map(axis.label) == ["0", "250", "500", "750", "1,000", "1,250"])
    }

    @Test func smallStepsGetDecimalsAndATrueMinus() {
        let axis = ValueAxis(covering: -0.1, 0.19, intervals: 3)
        #expect(axis.ticks.map(axis.label) == ["\u{2212}0.1", "0.0", "0.1", "0.2"])
        let quarters = ValueAxis(covering: 0, 1, intervals: 4)
        #expect(quarters.ticks.map(quarters.label) == ["0.00", "0.25", "0.50", "0.75", "1.00"])
    }

    @Test func aFlatSeriesStillGetsARange() {
        let axis = ValueAxis(covering: 42, 42, intervals: 5)
        #expect(axis.lower < 42 && axis.upper > 42)
        #expect(axis.ticks.map(axis.label) == ["36", "38", "40", "42", "44", "46", "48"])
    }

    @Test func twoYearsGetQuarterlyTicksOnTheFirstOfTheMonth() {
        // 2024-01-02 to 2026-01-30 on a 600-point axis, each label about 45 points wide.
        let axis = DateAxis(from: 19_724, to: 20_483, length: 600) { Double($0.count) * 6 }
        #expect(
            axis.ticks.map(\.label) == [
                "Apr 2024", "Jul 2024", "Oct 2024", "Jan 2025", "Apr 2025", "Jul 2025", "Oct 2025", "Jan 2026",
            ])
        #expect(axis.ticks.first?.day == 19_814)
    }

    @Test func aMonthGetsWeeklyTicksOnMondays() {
        // 2024-03-01 (a Friday) to 2024-03-31.
        let axis = DateAxis(from: 19_783, to: 19_813, length: 600) { Double($0.count) * 6 }
        #expect(axis.ticks.map(\.label) == ["Mar 4", "Mar 11", "Mar 18", "Mar 25"])
    }

    @Test func decadesGetYearTicks() {
        let axis = DateAxis(from: 14_000, to: 17_650, length: 600) { Double($0.count) * 6 }
        #expect(axis.ticks.map(\.label) == (2009...2018).map(String.init))
    }
}
