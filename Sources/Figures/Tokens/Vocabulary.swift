/// The words people use around correlation figures, in one place.
enum Vocabulary {
    /// Words that put a number in a correlation context: the sentence says what the number is.
    static func isCorrelationWord(_ word: String) -> Bool {
        word.hasPrefix("correlat") || word == "corr" || word == "ρ" || word == "rho"
    }

    /// Words of a whole: with no ticker named, the figure is about the whole group.
    static let wholeGroup: Set<String> = [
        "average", "avg", "mean", "median", "cluster", "basket", "group", "pairwise", "all", "overall", "sector",
    ]

    /// Words that make a claim about an extreme, and whether it is the high end.
    static let extremes: [String: Bool] = [
        "most": true, "highest": true, "strongest": true, "tightest": true, "top": true, "closest": true,
        "least": false, "lowest": false, "weakest": false, "loosest": false, "bottom": false,
    ]

    /// Words that narrow a claim to part of the group when they come before it.
    static let qualifiers: Set<String> = [
        "within", "among", "amongst", "of", "excluding", "except", "outside", "besides", "apart", "other", "ex",
        "only", "inside", "in", "between", "for",
    ]

    /// "…with the others": the claim is about one ticker against the rest.
    static let others: Set<String> = ["others", "rest", "peers", "group", "remaining"]

    /// Words that join two tickers into a pair.
    static func isPairJoiner(_ token: FigureToken) -> Bool {
        switch token.kind {
        case .punctuation(let p): return ["-", "\u{2013}", "\u{2014}", "/", "&"].contains(p)
        case .word(let w): return w == "and" || w == "vs" || w == "versus" || w == "v"
        default: return false
        }
    }

    /// The words a trend cell holds.
    static let trendWords = ["rising", "falling", "steady"]

    /// What is left of a rolling row's name without its days and `rolling`: the group's average correlation.
    static let rollingAverageNames: Set<String> = [
        "correlation", "corr", "avg correlation", "average correlation", "mean correlation", "avg corr",
        "average corr", "mean corr", "avg pairwise correlation", "average pairwise correlation",
        "mean pairwise correlation", "pairwise correlation", "group correlation", "avg r", "average r", "mean r",
    ]

    /// The days of a metric row named as a rolling average (`60-day avg correlation`, `Rolling 60d correlation`,
    /// `30 day average correlation`): a number of days, at least 2, and a name of the average; else nil.
    static func rollingDays(_ name: String) -> Int? {
        var words = name.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        words.removeAll { $0 == "rolling" || $0 == "trailing" }
        var days: Int?
        var rest: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if days == nil, let number = Int(word), index + 1 < words.count,
                ["day", "days", "d", "session", "sessions"].contains(words[index + 1])
            {
                days = number
                index += 2
                continue
            }
            if days == nil, word.hasSuffix("d"), let number = Int(word.dropLast()) {
                days = number
                index += 1
                continue
            }
            rest.append(word)
            index += 1
        }
        guard let days, days >= 2, rollingAverageNames.contains(rest.joined(separator: " ")) else { return nil }
        return days
    }

    static let rangeWords: Set<String> = ["range", "ranges", "ranging", "ranged", "between", "spread"]

    // MARK: Tables

    /// A metric table's first column and value column headers.
    static let metricHeaders: Set<String> = ["metric", "measure", "statistic", "stat", "figure", "indicator"]
    static let valueHeaders: Set<String> = ["value", "values", "result", "correlation", "corr", "r", "ρ"]
    static let interpretationHeaders: Set<String> = [
        "interpretation", "meaning", "comment", "comments", "note", "notes", "reading", "label", "read", "trend",
    ]
    /// A pair table's pair column and value column headers.
    static let pairHeaders: Set<String> = ["pair", "pairs", "ticker pair", "tickers"]
    static func isCorrelationHeader(_ header: String) -> Bool {
        header.contains("corr") || header == "r" || header == "ρ" || header == "rho" || header == "coefficient"
    }

    /// What a metric table's row measures, from its name (lowercased, without emphasis, `.` or `:`).
    enum RowKind: Equatable {
        case average, median, range, extreme(highest: Bool), period
        /// A rolling average over the number of days the name states (`60-day avg correlation`).
        case rolling(days: Int)
    }

    static func rowKind(_ name: String, correlationTable: Bool) -> RowKind? {
        if let days = rollingDays(name) { return .rolling(days: days) }
        let words = name.split(whereSeparator: { !$0.isLetter && $0 != "/" }).map(String.init)
        let joined = words.joined(separator: " ")
        switch joined {
        case "avg correlation", "average correlation", "mean correlation", "avg corr", "average corr", "mean corr",
            "avg pairwise correlation", "average pairwise correlation", "mean pairwise correlation",
            "cluster correlation", "group correlation", "avg pairwise corr", "average r", "mean r", "avg r",
            "group average", "cluster average", "intra group correlation", "intra sector correlation":
            return .average
        case "median correlation", "median corr", "median pairwise correlation", "median r":
            return .median
        case "range", "correlation range", "corr range", "pair range", "range of pairs", "min / max", "min/max",
            "min max", "minimum / maximum", "min to max", "low / high", "low high", "lowest / highest":
            return .range
        case "lowest pair", "least correlated", "least correlated pair", "weakest pair", "bottom pair", "min pair":
            return .extreme(highest: false)
        case "highest pair", "most correlated", "most correlated pair", "strongest pair", "top pair", "max pair":
            return .extreme(highest: true)
        case "period", "window", "dates", "date range", "data period", "sample", "sample period":
            return .period
        default: break
        }
        guard correlationTable else { return nil }
        switch joined {
        case "average", "avg", "mean": return .average
        case "median": return .median
        case "min", "minimum", "lowest": return .extreme(highest: false)
        case "max", "maximum", "highest": return .extreme(highest: true)
        default: return nil
        }
    }
}
