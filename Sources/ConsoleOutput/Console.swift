import Foundation

/// The one place vaultgen speaks: errors and warnings on standard error, results on standard output.
///
/// Every error line starts `vaultgen: error:`; a warning names its place (`PATH:LINE:COL: warning: …`) or starts
/// `vaultgen: warning:`. `-q` keeps errors and results only; `-v` adds what was read and decided. Colour touches
/// only the `error:` and `warning:` words, and only on a stream that `--color` (or a terminal) turns it on for.
public enum Console {
    /// How much is said besides errors and results.
    public enum Verbosity: Sendable {
        /// Errors and results only (`-q`).
        case quiet
        case normal
        /// Also what was read and decided (`-v`).
        case verbose
    }

    /// What a command's options (`OutputOptions`) decided.
    public struct Settings: Sendable {
        public var verbosity: Verbosity
        /// Colour on standard error (errors, warnings).
        public var colorErrors: Bool
        /// Colour on standard output (`check`'s findings).
        public var colorResults: Bool

        public init(verbosity: Verbosity = .normal, colorErrors: Bool = false, colorResults: Bool = false) {
            self.verbosity = verbosity
            self.colorErrors = colorErrors
            self.colorResults = colorResults
        }
    }

    /// The settings in force; set once, by the command, before it speaks.
    public static var settings: Settings {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }

    public static var isQuiet: Bool { settings.verbosity == .quiet }
    public static var isVerbose: Bool { settings.verbosity == .verbose }

    /// `vaultgen: error: MESSAGE`, always; a message already starting `vaultgen:` or `vaultgen: error:` gets the
    /// prefix once.
    public static func error(_ message: String) {
        let settings = settings
        writeError("vaultgen: \(paint("error:", .red, settings.colorErrors)) \(bare(message))")
    }

    /// The message without a leading `vaultgen: `, `error: ` or `Error: `.
    static func bare(_ message: String) -> String {
        var text = Substring(message)
        for prefix in ["vaultgen: ", "error: ", "Error: "] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        return String(text)
    }

    /// `PLACE: warning: MESSAGE`, or `vaultgen: warning: MESSAGE` without a place; not with `-q`.
    public static func warning(_ message: String, at place: String? = nil) {
        let settings = settings
        guard settings.verbosity != .quiet else { return }
        writeError("\(place ?? "vaultgen"): \(paint("warning:", .yellow, settings.colorErrors)) \(message)")
    }

    /// A warning already written as `PLACE: warning: MESSAGE` (the form the libraries' warnings take); not with
    /// `-q`. A line that does not say `warning:` is taken as the message of a warning without a place.
    public static func warning(line: String) {
        if let range = line.range(of: ": warning: ") {
            warning(String(line[range.upperBound...]), at: String(line[..<range.lowerBound]))
        } else if line.hasPrefix("warning: ") {
            warning(String(line.dropFirst("warning: ".count)))
        } else {
            warning(line)
        }
    }

    /// Progress and notes on standard error (`fixed …`, a summary beside a patch); not with `-q`.
    public static func info(_ line: String) {
        guard !isQuiet else { return }
        writeError(line)
    }

    /// What was read and decided, `vaultgen: LINE` on standard error; only with `-v`.
    public static func verbose(_ line: String) {
        guard isVerbose else { return }
        writeError("vaultgen: \(line)")
    }

    /// What a flag asked for on standard error (`--timing`), whatever the verbosity.
    public static func timing(_ line: String) {
        writeError(line)
    }

    /// What the command exists to print (a report, a table, a patch, JSON), on standard output, always.
    public static func result(_ text: String, terminator: String = "\n") {
        print(text, terminator: terminator)
    }

    /// Lines about what was done (`updated …`, a summary) on standard output; not with `-q`.
    public static func status(_ line: String) {
        guard !isQuiet else { return }
        print(line)
    }

    /// `check`'s text findings with their `error:` and `warning:` words coloured when standard output takes colour.
    public static func colorFindings(_ text: String) -> String {
        guard settings.colorResults else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for (word, color) in [(": error: ", Color.red), (": warning: ", Color.yellow)] {
                if let range = line.range(of: word) {
                    let painted = ": " + paint(String(word.dropFirst(2).dropLast()), color, true) + " "
                    return line.replacingCharacters(in: range, with: painted)
                }
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// A usage error from the argument parser (`Error: …` with its usage lines) as `vaultgen: error: …`.
    public static func usageError(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        guard let first = lines.first else { return }
        error(first)
        for line in lines.dropFirst() { writeError(line) }
    }

    // MARK: - Writing

    enum Color: String {
        case red = "31"
        case yellow = "33"
    }

    static func paint(_ word: String, _ color: Color, _ on: Bool) -> String {
        on ? "\u{1B}[1;\(color.rawValue)m\(word)\u{1B}[0m" : word
    }

    private static func writeError(_ line: String) {
        // Results are printed through stdio's buffer: flush them first so that both streams keep their order.
        fflush(nil)
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private static let state = Locked(Settings())
}

/// A value behind a lock: the settings are written once and read from wherever a message is made.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
