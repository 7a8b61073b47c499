/// What a `vaultgen update` run would change, computed without writing anything.
public struct UpdatePlan: Sendable {
    /// A note whose bytes change.
    public struct Change: Sendable {
        public var path: String
        public var original: [UInt8]
        public var updated: [UInt8]
        /// What was refreshed, one entry per edit (`pair table`, `backlinks`, …).
        public var figures: [String]
        /// The edits of `original` that give `updated`, in the order they were planned.
        public var edits: [TextEdit] = []
    }

    /// Something left as it was, with the note and the reason.
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        /// What the warning is about, so that one cause (a missing price folder) can stand for all it explains.
        public enum Kind: Sendable, Equatable {
            /// A figure, or a number, of a sector note left as it was.
            case figure
            /// A chart left as it was.
            case chart
            case other
        }

        public var path: String
        public var line: Int?
        public var column: Int?
        public var message: String
        public var kind: Kind

        public init(path: String, line: Int?, column: Int? = nil, message: String, kind: Kind = .other) {
            self.path = path
            self.line = line
            self.column = column
            self.message = message
            self.kind = kind
        }

        /// A warning about a figure or a number of a sector note.
        public static func figure(path: String, line: Int?, column: Int? = nil, message: String) -> Warning {
            Warning(path: path, line: line, column: column, message: message, kind: .figure)
        }

        /// `path:line:column: warning: message`, as compilers and editors print them.
        public var description: String {
            var place = path
            if let line { place += ":\(line)" }
            if line != nil, let column { place += ":\(column)" }
            return "\(place): warning: \(message)"
        }
    }

    /// What `--explain` prints for one sector note.
    public struct Explanation: Sendable {
        public var path: String
        public var lines: [String]
    }

    public var notesRead = 0
    public var sectorNotes = 0
    public var changes: [Change] = []
    /// Every chart the sector notes embed, drawn; the run writes those whose bytes differ from the file's.
    public var charts: [ChartDrawing] = []
    public var warnings: [Warning] = []
    /// Per sector note: where its tickers and window came from, every figure it owns (old → new) and every
    /// number left with its reason.
    public var explanations: [Explanation] = []

    /// Edits that changed bytes, across every note.
    public var figuresRefreshed: Int { changes.reduce(0) { $0 + $1.figures.filter { $0 != "backlinks" }.count } }
    public var backlinkLists: Int { changes.reduce(0) { $0 + $1.figures.filter { $0 == "backlinks" }.count } }
}
