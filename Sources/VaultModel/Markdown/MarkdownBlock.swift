/// One block of a markdown document as cmark sees it, with the lines it covers.
///
/// Blocks come as a flat list in document order (containers before their content), so that a note nested
/// ten thousand levels deep costs no recursion. Lines are 1-based in the text handed to cmark; columns are
/// 1-based UTF-8 byte offsets.
public struct MarkdownBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case blockQuote
        case list
        case item
        case codeBlock
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case other

        /// Whether cmark gives this block children (a container) rather than inline content.
        public var isContainer: Bool {
            switch self {
            case .blockQuote, .list, .item: return true
            default: return false
            }
        }
    }

    public var kind: Kind
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int
    /// How many containers hold this block (0 at the top level).
    public var depth: Int
    /// Whether a block quote holds this block.
    public var inQuote: Bool
    /// Whether a list item holds this block.
    public var inList: Bool

    public init(
        kind: Kind, startLine: Int, startColumn: Int, endLine: Int, endColumn: Int,
        depth: Int = 0, inQuote: Bool = false, inList: Bool = false
    ) {
        self.kind = kind
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
        self.depth = depth
        self.inQuote = inQuote
        self.inList = inList
    }
}
