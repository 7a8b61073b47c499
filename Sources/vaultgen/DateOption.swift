import ArgumentParser
import Correlation

/// Every date option (`--since`, `--until`, `--as-of`) read the one way: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a partial
/// date naming a period, of which `--since` takes the first day and `--until` and `--as-of` the last.
enum DateOption {
    /// The accepted forms, as usage errors say them.
    static let forms = "YYYY, YYYY-MM or YYYY-MM-DD"

    /// The first day `text` names (`--since`); nil when the option was not given.
    static func first(_ option: String, _ text: String?) throws -> Day? {
        try parse(option, text, end: false)
    }

    /// The last day `text` names (`--until`, `--as-of`); nil when the option was not given.
    static func last(_ option: String, _ text: String?) throws -> Day? {
        try parse(option, text, end: true)
    }

    private static func parse(_ option: String, _ text: String?, end: Bool) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day.parsePeriod(text, end: end) else {
            throw ValidationError("\(option) '\(text)' is not a date: use \(forms)")
        }
        return day
    }
}
