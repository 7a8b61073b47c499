import ArgumentParser
import Correlation

/// `--since`, `--until` and `--as-of`, shared by the commands that compute over a window of prices.
struct WindowOptions: ParsableArguments {
    @Option(
        help: "First day a return may fall on: YYYY, YYYY-MM or YYYY-MM-DD, a period's first day (default: all data).")
    var since: String?

    @Option(
        help:
            "Last day whose close is used: YYYY, YYYY-MM or YYYY-MM-DD, a period's last day (default: the latest date in the data)."
    )
    var until: String?

    @Option(
        name: .customLong("as-of"),
        help: "Compute as of this day (YYYY, YYYY-MM or YYYY-MM-DD, a period's last day): later closes are ignored.")
    var asOf: String?

    func validate() throws {
        _ = try bounds()
    }

    /// The first and last day the options name; a usage error for a malformed date or both ends given twice.
    func bounds() throws -> (since: Day?, until: Day?) {
        if until != nil, asOf != nil { throw ValidationError("--until and --as-of cannot be used together.") }
        let first = try DateOption.first("--since", since)
        let last = try DateOption.last("--until", until) ?? DateOption.last("--as-of", asOf)
        return (first, last)
    }
}
