import Foundation

/// `--color auto|always|never`, and what it means for a stream.
///
/// The order, strongest first: `--color always` or `never`; then, for `auto`, `NO_COLOR` set and not empty
/// (no-color.org) turns colour off; then `FORCE_COLOR` set and not empty, whatever its value (force-color.org),
/// turns it on; then colour is on when the stream is a terminal whose `TERM` is not `dumb`.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto
    case always
    case never

    /// Whether a stream gets colour.
    ///
    /// - Parameters:
    ///   - isTerminal: whether the stream is a terminal (`isatty`).
    ///   - environment: the process environment (`NO_COLOR`, `FORCE_COLOR`, `TERM`).
    public func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = environment["NO_COLOR"], !value.isEmpty { return false }
            if let value = environment["FORCE_COLOR"], !value.isEmpty { return true }
            return isTerminal && environment["TERM"] != "dumb"
        }
    }

    /// The choice the raw arguments make (`--color X` or `--color=X`, the last one winning); `auto` when none.
    ///
    /// For messages written before the options are parsed, or when they cannot be (a usage error).
    public static func scan(_ arguments: [String]) -> ColorChoice {
        var choice = ColorChoice.auto
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            if word == "--" { break }
            if word == "--color", index + 1 < arguments.endIndex {
                choice = ColorChoice(rawValue: arguments[index + 1]) ?? choice
                index += 1
            } else if word.hasPrefix("--color=") {
                choice = ColorChoice(rawValue: String(word.dropFirst("--color=".count))) ?? choice
            }
            index += 1
        }
        return choice
    }
}
