import Correlation
import Figures
import Testing

@Suite("Windows as people write them")
struct NoteWindowTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    @Test(arguments: [
        ("2024-01 to present", NoteWindow.dates(since: day("2024-01-01"), until: nil)),
        ("Jan 2024 to present", .dates(since: day("2024-01-01"), until: nil)),
        ("since March 2024", .dates(since: day("2024-03-01"), until: nil)),
        ("2024-03 to 2025-06", .dates(since: day("2024-03-01"), until: day("2025-06-30"))),
        ("Jan 2024 – Jun 2025", .dates(since: day("2024-01-01"), until: day("2025-06-30"))),
        ("in 2025", .dates(since: day("2025-01-01"), until: day("2025-12-31"))),
        ("2024", .dates(since: day("2024-01-01"), until: nil)),
        ("over the last 12 months", .lastMonths(12)),
        ("past 2 years", .lastMonths(24)),
        ("YTD", .yearToDate),
    ])
    func readable(_ text: String, _ expected: NoteWindow) {
        #expect(NoteWindow.parse(text) == expected)
    }

    @Test(arguments: ["since the halving", "Q1 2024 onwards", "2025-06 to 2024-01", "last 20 days", "recently"])
    func unreadable(_ text: String) {
        #expect(NoteWindow.parse(text) == nil)
    }

    @Test func relativeWindowsEndAtTheGivenDay() {
        let end = Self.day("2025-12-31")
        #expect(NoteWindow.lastMonths(12).bounds(end: end).since == Self.day("2025-01-01"))
        #expect(NoteWindow.lastMonths(1).bounds(end: Self.day("2025-03-31")).since == Self.day("2025-03-01"))
        #expect(NoteWindow.yearToDate.bounds(end: end).since == Self.day("2025-01-01"))
    }
}
