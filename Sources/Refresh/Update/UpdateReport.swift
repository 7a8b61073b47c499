import Foundation

/// `vaultgen update --format json`: every planned change with its edits, every chart, warning and failure, the
/// summary counts and the exit status, as one JSON object (schema `vaultgen.update/1`).
///
/// Paths are vault paths (relative to `vault`, the vault's absolute root); lines and columns are 1-based, columns
/// counted in UTF-8 bytes as the warnings' are.
public struct UpdateReport: Encodable, Sendable {
    /// The shape of the report, versioned (docs/schemas/vaultgen.update.schema.json).
    public static let schema = "vaultgen.update/1"

    /// How the run was asked to go.
    public enum Mode: String, Encodable, Sendable {
        /// Changes written.
        case write
        /// `--dry-run`: nothing written.
        case dryRun = "dry-run"
        /// `--check`: nothing written; exit 1 when anything would change.
        case check
    }

    /// Why the run exits as it does (`exitStatus`), most serious first.
    public enum ExitReason: String, Encodable, Sendable {
        /// 0: done, or nothing to do.
        case ok
        /// 2: a note or chart could not be written (see `failures`).
        case notWritten = "not-written"
        /// 1: `--check`, and something would change.
        case wouldChange = "would-change"
        /// 1: `--strict`, and there are warnings.
        case warnings
        /// 1: the price folder holds no price file, so no figure could be refreshed (see `pricesMissing`).
        case pricesMissing = "prices-missing"
        /// 1: `--fetch`, and some ticker failed to download.
        case fetchFailed = "fetch-failed"

        public var status: Int32 {
            switch self {
            case .ok: return 0
            case .notWritten: return 2
            default: return 1
            }
        }
    }

    struct Edit: Encodable {
        var line: Int
        var column: Int
        var figure: String
        var subject: String?
        var old: String
        var new: String

        enum CodingKeys: String, CodingKey { case line, column, figure, subject, old, new }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(figure, forKey: .figure)
            try container.encode(subject, forKey: .subject)
            try container.encode(old, forKey: .old)
            try container.encode(new, forKey: .new)
        }
    }

    struct Change: Encodable {
        var path: String
        var written: Bool
        var edits: [Edit]
    }

    struct Chart: Encodable {
        var path: String
        var kind: String
        var note: String
        var written: Bool
    }

    struct Warning: Encodable {
        var path: String
        var line: Int?
        var column: Int?
        var kind: String
        var message: String

        enum CodingKeys: String, CodingKey { case path, line, column, kind, message }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(kind, forKey: .kind)
            try container.encode(message, forKey: .message)
        }
    }

    struct Summary: Encodable {
        var notesRead: Int
        var sectorNotes: Int
        var changed: Int
        var figuresRefreshed: Int
        var backlinkLists: Int
        var charts: Int
        var warnings: Int
        var notWritten: Int
    }

    let schema = UpdateReport.schema
    let vault: String
    let mode: Mode
    let asOf: String?
    let changes: [Change]
    let charts: [Chart]
    let warnings: [Warning]
    let failures: [String]
    let pricesMissing: String?
    let summary: Summary
    let exitStatus: Int32
    let exitReason: ExitReason

    enum CodingKeys: String, CodingKey {
        case schema, vault, mode, asOf, changes, charts, warnings, failures, pricesMissing, summary, exitStatus
        case exitReason
    }

    /// The report of a run's outcome.
    ///
    /// - Parameters:
    ///   - vault: The vault's absolute root.
    ///   - asOf: The day `--as-of` pinned, ISO, or nil for today.
    public init(outcome: UpdateRun.Outcome, vault: String, mode: Mode, asOf: String?, exit: ExitReason) {
        let written = Set(outcome.written)
        self.vault = vault
        self.mode = mode
        self.asOf = asOf
        changes = outcome.plan.changes.map { change in
            let lines = LineStarts(change.original)
            let edits = change.edits.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { edit in
                let (line, column) = lines.position(of: edit.range.lowerBound)
                return Edit(
                    line: line, column: column, figure: edit.figure, subject: edit.subject,
                    old: String(decoding: change.original[edit.range], as: UTF8.self), new: edit.replacement)
            }
            return Change(path: change.path, written: written.contains(change.path), edits: edits)
        }
        charts = outcome.charts.map {
            Chart(path: $0.path, kind: $0.kind.rawValue, note: $0.note, written: written.contains($0.path))
        }
        warnings = outcome.plan.warnings.map {
            let kind: String
            switch $0.kind {
            case .figure: kind = "figure"
            case .chart: kind = "chart"
            case .other: kind = "other"
            }
            return Warning(
                path: $0.path, line: $0.line, column: $0.line == nil ? nil : $0.column, kind: kind,
                message: $0.message)
        }
        failures = outcome.failures
        pricesMissing = outcome.pricesMissing
        let plan = outcome.plan
        summary = Summary(
            notesRead: plan.notesRead, sectorNotes: plan.sectorNotes, changed: plan.changes.count,
            figuresRefreshed: plan.figuresRefreshed, backlinkLists: plan.backlinkLists, charts: outcome.charts.count,
            warnings: plan.warnings.count, notWritten: outcome.failures.count)
        exitStatus = exit.status
        exitReason = exit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(vault, forKey: .vault)
        try container.encode(mode, forKey: .mode)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(changes, forKey: .changes)
        try container.encode(charts, forKey: .charts)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(failures, forKey: .failures)
        try container.encode(pricesMissing, forKey: .pricesMissing)
        try container.encode(summary, forKey: .summary)
        try container.encode(exitStatus, forKey: .exitStatus)
        try container.encode(exitReason, forKey: .exitReason)
    }

    /// The report as pretty-printed JSON with sorted keys, ending with a newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail; a failure here is a programming error.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// Where each line of a text starts, to turn byte offsets into lines and columns.
struct LineStarts {
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
    }

    /// The 1-based line and byte column of `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        // The last line start at or before the offset.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - starts[low] + 1)
    }
}
