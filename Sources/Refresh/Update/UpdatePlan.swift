/// What a `vaultgen update` run would change, computed without writing anything.
public struct UpdatePlan: Sendable {
    /// A note whose bytes change.
    public struct Change: Sendable {
        public var path: String
        public var original: [UInt8]
        public var updated: [UInt8]
        /// What was refreshed, one entry per edit (`pair table`, `backlinks`, …).
        public var figures: [String]
    }

    /// Something left as it was, with the note and the reason.
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var line: Int?
        public var message: String

        public var description: String {
            line.map { "\(path):\($0): warning: \(message)" } ?? "\(path): warning: \(message)"
        }
    }

    public var notesRead = 0
    public var sectorNotes = 0
    public var changes: [Change] = []
    /// Every chart the sector notes embed, drawn; the run writes those whose bytes differ from the file's.
    public var charts: [ChartDrawing] = []
    public var warnings: [Warning] = []

    /// Edits that changed bytes, across every note.
    public var figuresRefreshed: Int { changes.reduce(0) { $0 + $1.figures.filter { $0 != "backlinks" }.count } }
    public var backlinkLists: Int { changes.reduce(0) { $0 + $1.figures.filter { $0 == "backlinks" }.count } }
}
