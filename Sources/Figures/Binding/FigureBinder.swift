import VaultModel

/// Reads a sector note's blocks into figures bound to their subjects, and the numbers it cannot bind.
///
/// Each rule lives in its own function, says why its binding is certain, and binds only when nothing else
/// in the sentence or row could be what the number is about. Everything else in a correlation context is
/// returned as a `SkippedNumber` with its reason.
public struct FigureBinder: Sendable {
    /// The note's group, in the note's order.
    let group: [String]
    let groupSet: Set<String>
    /// Every label the config knows, longest first, lowercased.
    let labels: [String]
    let source: SourceText
    let note: Note

    public struct Result: Sendable {
        public var figures: [Figure] = []
        public var pairTables: [PairTable] = []
        public var skipped: [SkippedNumber] = []
        /// The `Period` row of a metric table, as written, with its line.
        public var periodRow: (text: String, line: Int)?
        /// Window phrases read in correlation sentences (`since Jan 2024`), in the note's order.
        public var proseWindows: [WindowPhrase] = []
    }

    public init(note: Note, source: SourceText, group: [String], labels: [String]) {
        self.note = note
        self.source = source
        self.group = group
        groupSet = Set(group)
        self.labels = labels.map { $0.lowercased() }.sorted { $0.count > $1.count }
    }

    /// Binds every figure of the note's prose blocks and tables.
    public func bind(tokenizer: FigureTokenizer) -> Result {
        var tokenizer = tokenizer
        var result = Result()
        for block in note.blocks {
            switch block.kind {
            case .paragraph, .heading:
                if block.kind == .paragraph, let table = MarkdownTable.read(block, in: source) {
                    // Text lines above the table in the same paragraph (`**Pairwise detail:**`) are prose.
                    let above = NoteParser.proseRange(of: block, in: source).lowerBound
                    let tableStart = source.lineContent(table.header.line).lowerBound
                    if tableStart > above {
                        bindProse(tokenizer.tokens(source.bytes, above..<tableStart), into: &result)
                    }
                    bindTable(table, tokenizer: &tokenizer, into: &result)
                } else {
                    bindProse(
                        tokenizer.tokens(source.bytes, NoteParser.proseRange(of: block, in: source)), into: &result)
                }
            default:
                continue
            }
        }
        return result
    }

    // MARK: Shared

    func position(_ offset: Int) -> SourcePosition {
        source.position(of: offset)
    }

    func span(_ token: FigureToken) -> NumberSpan? {
        guard let (form, value) = token.number else { return nil }
        return NumberSpan(range: token.range, form: form, value: value)
    }

    /// `1 number`, `2 numbers`.
    func counted(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    func text(_ token: FigureToken) -> String {
        source.string(token.range)
    }

    /// Whether a number can be a correlation as written: between -1 and 1, with decimals or as a percentage.
    static func isCandidate(_ token: FigureToken) -> Bool {
        guard let (form, value) = token.number else { return false }
        return abs(value) <= 1 && (form.decimals > 0 || form.percent)
    }

    /// A known label at `offset` (after `(`, spaces and emphasis marks), for `0.10 (near zero)` and table cells.
    /// - Parameter words: The words to look for, lowercased and longest first; the config's labels by default.
    func label(at offset: Int, limit: Int, among words: [String]? = nil) -> LabelSpan? {
        let bytes = source.bytes
        var i = offset
        while i < limit, bytes[i] == 0x20 || bytes[i] == 0x2A || bytes[i] == 0x5F { i += 1 }
        guard i < limit else { return nil }
        for label in words ?? labels {
            let utf8 = Array(label.utf8)
            guard i + utf8.count <= limit else { continue }
            var k = 0
            while k < utf8.count, bytes[i + k] | (bytes[i + k] >= 0x41 && bytes[i + k] <= 0x5A ? 0x20 : 0) == utf8[k] {
                k += 1
            }
            guard k == utf8.count else { continue }
            let after = i + utf8.count
            if after < limit, (bytes[after] | 0x20) >= 0x61 && (bytes[after] | 0x20) <= 0x7A { continue }
            return LabelSpan(range: i..<after, capitalized: bytes[i] >= 0x41 && bytes[i] <= 0x5A)
        }
        return nil
    }

    /// A label in parentheses right after a number: `0.10 (near zero)`, `**0.61** (Strong)`.
    func labelAfter(_ token: FigureToken, in tokens: [FigureToken], at index: Int) -> LabelSpan? {
        let bytes = source.bytes
        var i = token.range.upperBound
        while i < bytes.count, bytes[i] == 0x2A || bytes[i] == 0x5F || bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count, bytes[i] == 0x28 else { return nil }
        let close = tokens[(index + 1)...].first { $0.isPunctuation(")") }?.range.lowerBound ?? i + 1
        return label(at: i + 1, limit: close)
    }
}

/// A window stated in words (`since Jan 2024`, `over the last 12 months`), where it was read.
public struct WindowPhrase: Sendable, Equatable {
    public var text: String
    public var window: NoteWindow?
    public var position: SourcePosition
    /// A window of one figure (`over 20 days`, `30-day`, `rolling`), never the note's.
    public var local: Bool

    public init(text: String, window: NoteWindow?, position: SourcePosition, local: Bool = false) {
        self.text = text
        self.window = window
        self.position = position
        self.local = local
    }
}
