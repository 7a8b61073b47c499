import Testing

@testable import Correlation

@Suite struct DayTests {
    @Test(arguments: [
        ("2024-01-01", 19723), ("2024-01-02", 19724), ("2000-02-29", 11016), ("1970-01-01", 0), ("1969-12-29", -3),
    ])
    func parsesISODates(text: String, days: Int) throws {
        let day = try #require(Day(iso: text))
        #expect(day.daysSince1970 == days)
        #expect(day.iso == text)
    }

    @Test(arguments: [
        "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-02", "20240102", "2024-01-0x", "",
    ])
    func rejectsImpossibleOrMalformedDates(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test(arguments: [
        ("2024", "2024-01-01"), ("2024-03", "2024-03-01"), ("2024-03-15", "2024-03-15"), (" 2025-12 ", "2025-12-01"),
    ])
    func parsesWindowBounds(text: String, expected: String) {
        #expect(Day.parseBound(text)?.iso == expected)
    }

    @Test(arguments: ["24", "2024-3", "2024-13", "2024/03", "2024-03-32", "last year"])
    func rejectsBadWindowBounds(text: String) {
        #expect(Day.parseBound(text) == nil)
    }

    @Test(arguments: [
        ("2024-01-01", "2024-01-01"), ("2024-01-07", "2024-01-01"), ("2024-01-08", "2024-01-08"),
        ("1970-01-01", "1969-12-29"), ("2026-01-30", "2026-01-26"),
    ])
    func findsTheMondayOfTheISOWeek(day: String, monday: String) {
        #expect(Day(iso: day)?.isoWeekStart.iso == monday)
    }
}

/// The one meaning every date option has: a partial date names a period, `--since` takes its first day,
/// `--until` and `--as-of` its last.
@Suite("dates that name a period")
struct PeriodDateTests {
    @Test(arguments: [
        ("2025", "2025-01-01", "2025-12-31"), ("2025-06", "2025-06-01", "2025-06-30"),
        ("2024-02", "2024-02-01", "2024-02-29"), ("2023-02", "2023-02-01", "2023-02-28"),
        ("2025-06-15", "2025-06-15", "2025-06-15"), ("1900-02", "1900-02-01", "1900-02-28"),
    ])
    func firstAndLastDay(_ text: String, _ first: String, _ last: String) {
        #expect(Day.parsePeriod(text, end: false)?.iso == first)
        #expect(Day.parsePeriod(text, end: true)?.iso == last)
    }

    @Test(arguments: ["25", "2025-6", "2025-13", "2025-02-30", "2025/06", "June 2025", ""])
    func otherFormsAreNoDate(_ text: String) {
        #expect(Day.parsePeriod(text, end: true) == nil)
        #expect(Day.parsePeriod(text, end: false) == nil)
    }
}
