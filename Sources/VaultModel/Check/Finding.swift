import Foundation

/// The kinds of problem `vaultgen check` reports; the raw values are the names used in the config and JSON.
public enum FindingKind: String, Sendable, CaseIterable, Hashable, Codable {
    case brokenLink = "broken-link"
    case missingAttachment = "missing-attachment"
    case missingHeading = "missing-heading"
    case missingBlock = "missing-block"
    case ambiguousLink = "ambiguous-link"
    case orphanNote = "orphan-note"
    case frontMatter = "front-matter"
    case unreadableNote = "unreadable-note"
    case skippedFile = "skipped-file"

    /// Broken things are errors; things that still work or may be on purpose are warnings.
    public static let defaultSeverities: [FindingKind: Severity] = [
        .brokenLink: .error, .missingAttachment: .error, .missingHeading: .error, .missingBlock: .error,
        .ambiguousLink: .warning, .orphanNote: .warning, .frontMatter: .error, .unreadableNote: .error,
        .skippedFile: .warning,
    ]

    /// How the kind reads in a report line.
    public var title: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning
    case off

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .off: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in a vault, at a place in a note.
public struct Finding: Sendable, Equatable, Codable {
    public var kind: FindingKind
    public var severity: Severity
    /// The note's path inside the vault.
    public var path: String
    public var line: Int
    public var column: Int
    /// The link as written, when the finding is about a link.
    public var link: String?
    public var message: String
    /// What the user probably meant, when something close exists.
    public var hint: String?

    public init(
        kind: FindingKind, severity: Severity, path: String, line: Int, column: Int, link: String? = nil,
        message: String, hint: String? = nil
    ) {
        self.kind = kind
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.link = link
        self.message = message
        self.hint = hint
    }
}
