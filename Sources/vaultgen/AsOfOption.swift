import ArgumentParser
import Correlation

/// `--as-of`, as update, chart and new take it: "present" pinned to a day, so that a refresh can be reproduced.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help:
            "Pin 'present' to this date so a refresh can be reproduced: YYYY, YYYY-MM or YYYY-MM-DD (a period's last day)."
    )
    var text: String?

    func validate() throws {
        _ = try day()
    }

    /// The day given, nil without the option; a usage error for a malformed date (already caught by `validate`).
    func day() throws -> Day? {
        try DateOption.last("--as-of", text)
    }
}
