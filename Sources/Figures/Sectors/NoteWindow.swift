import Correlation
import VaultModel

/// The window of dates a note's figures are computed over, as the note states it.
public enum NoteWindow: Sendable, Equatable, CustomStringConvertible {
    /// From `since` (nil: the first price) to `until` (nil: the latest price, or `--as-of`).
    case dates(since: Day?, until: Day?)
    /// The last N months up to the end.
    case lastMonths(Int)
    /// From January 1 of the end's year.
    case yearToDate

    /// The first and last day, given the day the window ends when the note does not say (`--as-of` or the
    /// latest price).
    public func bounds(end: Day?) -> (since: Day?, until: Day?) {
        switch self {
        case .dates(let since, let until):
            return (since, until ?? end)
        case .lastMonths(let months):
            // The day after the same day `months` earlier (clamped to that month's length): 12 months to
            // 2025-12-31 start on 2025-01-01.
            guard let end else { return (nil, nil) }
            let civil = end.civil
            var month = civil.month - months
            var year = civil.year
            while month < 1 {
                month += 12
                year -= 1
            }
            let last = Self.lastDay(year: year, month: month)?.civil.day ?? 28
            let day = Day(year: year, month: month, day: min(civil.day, last))
            return (day.map { Day(daysSince1970: $0.daysSince1970 + 1) }, end)
        case .yearToDate:
            guard let end else { return (nil, nil) }
            return (Day(year: end.civil.year, month: 1, day: 1), end)
        }
    }

    public var description: String {
        switch self {
        case .dates(let since, let until):
            return "\(since.map { "\($0)" } ?? "the first price") to \(until.map { "\($0)" } ?? "the latest price")"
        case .lastMonths(let n): return "the last \(n) months"
        case .yearToDate: return "year to date"
        }
    }

    // MARK: Reading

    /// Reads a window as people write one: `2024-01 to present`, `Jan 2024 – Jun 2025`, `since March 2024`,
    /// `2024`, `last 12 months`, `YTD`. Nil when the text states a window in a way vaultgen cannot read.
    public static func parse(_ text: String) -> NoteWindow? {
        var s = text.lowercased().trimmingWhitespace()
        s = s.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ")
        while s.hasSuffix(".") || s.hasSuffix(",") || s.hasSuffix(")") { s.removeLast() }
        s = s.trimmingWhitespace()
        if ["ytd", "year to date", "year-to-date"].contains(s) { return .yearToDate }
        for lead in ["over the ", "in the ", "for the ", "the "] where s.hasPrefix(lead) { s.removeFirst(lead.count) }
        let words = s.split(separator: " ").map(String.init)
        if words.count == 3, ["last", "past", "trailing"].contains(words[0]), let n = Int(words[1]), n > 0 {
            switch words[2] {
            case "month", "months": return .lastMonths(n)
            case "year", "years": return .lastMonths(12 * n)
            default: return nil
            }
        }
        var sinceOnly = false
        for lead in ["since ", "from ", "starting ", "in "] where s.hasPrefix(lead) {
            s.removeFirst(lead.count)
            sinceOnly = lead == "since " || lead == "starting "
        }
        let parts = split(s)
        if parts.count == 1, let start = day(parts[0], end: false) {
            // `2024` alone (or `in 2024`) is the whole year; `since 2024` runs to the present.
            if sinceOnly || text.lowercased().contains("since") { return .dates(since: start, until: nil) }
            if text.lowercased().trimmingWhitespace().hasPrefix("in ") {
                return .dates(since: start, until: day(parts[0], end: true))
            }
            return .dates(since: start, until: nil)
        }
        guard parts.count == 2, let start = day(parts[0], end: false) else { return nil }
        if ["present", "today", "now", "date", "latest", "current", ""].contains(parts[1]) {
            return .dates(since: start, until: nil)
        }
        guard let end = day(parts[1], end: true), start <= end else { return nil }
        return .dates(since: start, until: end)
    }

    /// `a to b`, `a – b`, `a - b` (spaced, so `2024-01` stays whole), `a until b`, `a through b`.
    private static func split(_ s: String) -> [String] {
        for separator in [" to ", " \u{2013} ", " \u{2014} ", " - ", "\u{2013}", "\u{2014}", " until ", " through "]
        where s.contains(separator) {
            let parts = s.components(separatedBy: separator).map { $0.trimmingWhitespace() }
            return parts.count == 2 ? parts : []
        }
        return [s.trimmingWhitespace()]
    }

    static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// `2024`, `2024-01`, `2024-01-02`, `Jan 2024`, `January 2024`, `Sept. 2024`: the first day, or with
    /// `end` the last day the text names.
    public static func day(_ text: String, end: Bool) -> Day? {
        let t = text.trimmingWhitespace()
        if let exact = Day.parseBound(t) {
            guard end else { return exact }
            let parts = t.split(separator: "-")
            switch parts.count {
            case 1: return Day(year: exact.civil.year, month: 12, day: 31)
            case 2: return lastDay(year: exact.civil.year, month: exact.civil.month)
            default: return exact
            }
        }
        let words = t.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: ",", with: " ")
            .split(separator: " ").map(String.init)
        guard words.count == 2, let year = Int(words[1]), (1900...2200).contains(year), words[0].count >= 3,
            let month = months.firstIndex(of: String(words[0].prefix(3))),
            "january february march april may june july august september sept october november december"
                .split(separator: " ").contains(where: { $0.hasPrefix(words[0]) })
        else { return nil }
        return end ? lastDay(year: year, month: month + 1) : Day(year: year, month: month + 1, day: 1)
    }

    private static func lastDay(year: Int, month: Int) -> Day? {
        let (y, m) = month == 12 ? (year + 1, 1) : (year, month + 1)
        return Day(year: y, month: m, day: 1).map { Day(daysSince1970: $0.daysSince1970 - 1) }
    }
}

extension FigureBinder {
    /// The window phrase of a sentence, if it states one: `since Jan 2024`, `from 2024-01 to 2025-06`,
    /// `over the last 12 months`, `in 2025`, `YTD`, `30-day`, `over 20 days`.
    func windowPhrase(_ tokens: [FigureToken]) -> WindowPhrase? {
        for (i, token) in tokens.enumerated() {
            // `YTD` is written in capitals, like a ticker the run does not know.
            guard let word = token.word ?? (token.kind == .unknownTicker("YTD") ? "ytd" : nil) else { continue }
            var end: Int? = nil
            switch word {
            case "ytd":
                end = i
            case "year" where i + 2 < tokens.count && tokens[i + 2].word == "date":
                end = i + 2
            case "since":
                end = dateRun(tokens, from: i + 1) ?? min(i + 3, tokens.count - 1)
            case "from", "in", "starting":
                guard let run = dateRun(tokens, from: i + 1) else { continue }
                end = run
            case "last", "past", "trailing":
                guard i + 2 < tokens.count, let unit = tokens[i + 2].word, Self.units.contains(unit) else { continue }
                end = i + 2
            case "over", "rolling":
                // `over 20 days`, `rolling 30-day`: a window of its own that vaultgen does not compute.
                guard i + 1 < tokens.count else { continue }
                if word == "rolling" {
                    end = i
                } else if let next = tokens[i + 1].word, Int(next) != nil, i + 2 < tokens.count,
                    let unit = tokens[i + 2].word, Self.units.contains(unit)
                {
                    end = i + 2
                } else if tokens[i + 1].word == "the", i + 3 < tokens.count,
                    ["last", "past", "trailing"].contains(tokens[i + 2].word ?? "")
                {
                    continue  // read at `last`
                }
            default:
                // `30-day correlation`, `90d`: a rolling figure.
                if Int(word) != nil, i + 2 < tokens.count, tokens[i + 1].isPunctuation("-"),
                    let unit = tokens[i + 2].word, Self.units.contains(unit)
                {
                    end = i + 2
                } else if word.count > 1, word.last == "d", Int(word.dropLast()) != nil {
                    end = i
                }
            }
            guard let last = end else { continue }
            var startOffset = token.range.lowerBound
            // `over the last 12 months`: read from `over`.
            if ["last", "past", "trailing"].contains(word), i >= 1 {
                var k = i - 1
                if tokens[k].word == "the", k >= 1 { k -= 1 }
                if ["over", "in", "for", "the"].contains(tokens[k].word ?? "") {
                    startOffset = tokens[k].range.lowerBound
                }
            }
            let text = source.string(startOffset..<tokens[last].range.upperBound)
            let local = ["over", "rolling"].contains(word) || Int(word) != nil || (word.last == "d" && word != "ytd")
            let window = local ? nil : NoteWindow.parse(text)
            return WindowPhrase(text: text, window: window, position: position(startOffset), local: local)
        }
        return nil
    }

    static let units: Set<String> = [
        "day", "days", "week", "weeks", "month", "months", "year", "years", "session", "sessions",
    ]

    /// The last token of a date, or a date range, starting at `from`: `Jan 2024`, `2024-01 to present`.
    private func dateRun(_ tokens: [FigureToken], from start: Int) -> Int? {
        var i = start
        var last: Int? = nil
        var sawDate = false
        var sawYear = false
        while i < tokens.count {
            let token = tokens[i]
            if let word = token.word {
                if isDateWord(word) {
                    sawDate = true
                    sawYear = sawYear || word.first?.isNumber == true
                    last = i
                } else if sawDate, ["to", "until", "through", "present", "today", "now", "date"].contains(word) {
                    if ["present", "today", "now", "date"].contains(word) { last = i }
                } else {
                    break
                }
            } else if sawDate, token.isPunctuation("\u{2013}") || token.isPunctuation("-") || token.isPunctuation(".") {
                // a range dash, or the dot of `Sept.`
            } else {
                break
            }
            i += 1
        }
        return sawYear ? last : nil
    }

    private func isDateWord(_ word: String) -> Bool {
        if Day.parseBound(word) != nil, word.count >= 4 { return true }
        return word.count >= 3 && NoteWindow.months.contains(String(word.prefix(3)))
            && "january february march april may june july august september sept october november december"
                .split(separator: " ").contains(where: { $0.hasPrefix(word) })
    }
}
