import Foundation

/// A calendar date, counted in days since 1970-01-01.
///
/// Price files carry dates only; keeping them as whole days avoids time zones entirely and makes
/// the common date axis a plain sorted array of integers.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSince1970: Int

    public init(daysSince1970: Int) {
        self.daysSince1970 = daysSince1970
    }

    /// Creates a day from a proleptic Gregorian date, or nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year) else { return nil }
        daysSince1970 = Day.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Day.number(bytes[0..<4]), let month = Day.number(bytes[5..<7]),
            let day = Day.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses a window bound: `YYYY` (January 1), `YYYY-MM` (the month's first day) or `YYYY-MM-DD`.
    public static func parseBound(_ text: String) -> Day? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        switch bytes.count {
        case 4:
            return number(bytes[0..<4]).flatMap { Day(year: $0, month: 1, day: 1) }
        case 7:
            guard bytes[4] == UInt8(ascii: "-"), let year = number(bytes[0..<4]), let month = number(bytes[5..<7])
            else { return nil }
            return Day(year: year, month: month, day: 1)
        case 10:
            return Day(iso: String(decoding: bytes, as: UTF8.self))
        default:
            return nil
        }
    }

    /// Parses a date that names a period, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: its first day, or with `end` its last
    /// (`2025` → 2025-12-31, `2024-02` → 2024-02-29). The one meaning every date option has: `--since` takes the
    /// first day, `--until` and `--as-of` the last.
    public static func parsePeriod(_ text: String, end: Bool) -> Day? {
        guard let first = parseBound(text) else { return nil }
        guard end else { return first }
        let (year, month, _) = first.civil
        switch text.trimmingCharacters(in: .whitespaces).utf8.count {
        case 4: return Day(year: year, month: 12, day: 31)
        case 7: return Day(year: year, month: month, day: length(ofMonth: month, year: year))
        default: return first
        }
    }

    /// The date as `YYYY-MM-DD`.
    public var iso: String {
        let (year, month, day) = civil
        return String(year).leftPadded(to: 4) + "-" + String(month).leftPadded(to: 2) + "-"
            + String(day).leftPadded(to: 2)
    }

    public var description: String { iso }

    /// Year, month (1–12) and day of month.
    public var civil: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days: exact for every day, no Foundation calendar needed.
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The Monday that starts this day's ISO week; equal values mean the same ISO week.
    public var isoWeekStart: Day {
        // 1970-01-01 was a Thursday, three days after a Monday.
        let offset = ((daysSince1970 + 3) % 7 + 7) % 7
        return Day(daysSince1970: daysSince1970 - offset)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSince1970 < rhs.daysSince1970 }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
