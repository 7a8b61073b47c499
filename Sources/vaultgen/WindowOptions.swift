import ArgumentParser
import Correlation

/// `--since`, `--until` and `--as-of`, shared by the commands that compute over a window of prices.
struct WindowOptions: ParsableArguments {
    @Option(help: "First day a return may fall on: YYYY, YYYY-MM or YYYY-MM-DD (default: all data).")
    var since: String?

    @Option(help: "Last day whose close is used, YYYY-MM-DD (default: the latest date in the data).")
    var until: String?

    @Option(name: .customLong("as-of"), help: "Compute as of this day, YYYY-MM-DD: later closes are ignored.")
    var asOf: String?

    func validate() throws {
        _ = try bounds()
    }

    /// The first and last day the options name; a usage error for a malformed date or both ends given twice.
    func bounds() throws -> (since: Day?, until: Day?) {
        if until != nil, asOf != nil { throw ValidationError("--until and --as-of cannot be used together.") }
        var first: Day? = nil
        if let since {
            guard let day = Day.parseBound(since) else {
                throw ValidationError("--since '\(since)' is not YYYY, YYYY-MM or YYYY-MM-DD.")
            }
            first = day
        }
        var last: Day? = nil
        if let text = until ?? asOf {
            guard let day = Day(iso: text) else {
                throw ValidationError("\(until != nil ? "--until" : "--as-of") '\(text)' is not YYYY-MM-DD.")
            }
            last = day
        }
        return (first, last)
    }
}
