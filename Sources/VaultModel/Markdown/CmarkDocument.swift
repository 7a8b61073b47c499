import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only place that calls libcmark: parses markdown and hands back its blocks as values.
///
/// Inline nodes are not copied: wiki-links have no node in cmark and its inline positions are unreliable,
/// so the link scanner reads the source bytes of prose blocks itself. The C tree is freed before returning.
public enum CmarkDocument {
    /// Parses `bytes` as CommonMark and returns its blocks in document order, containers first.
    public static func parseBlocks(_ bytes: UnsafeBufferPointer<UInt8>) -> [MarkdownBlock] {
        // cmark takes a length, so a NUL does not end the text, but it reads each NUL as U+FFFD (three bytes),
        // which moves the columns after it on its line. A copy with a one-byte character that cmark also reads
        // as text (neither space nor punctuation, like U+FFFD) keeps columns in the note's bytes.
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil {
            let copy = bytes.map { $0 == 0 ? 0x1A : $0 }
            return copy.withUnsafeBufferPointer { parseBlocks($0) }
        }
        let root = bytes.withMemoryRebound(to: CChar.self) { chars in
            cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
        }
        guard let root else { return [] }
        defer { cmark_node_free(root) }
        return flatten(root)
    }

    /// Parses a string; a convenience for tests.
    public static func parseBlocks(_ text: String) -> [MarkdownBlock] {
        var text = text
        return text.withUTF8 { parseBlocks($0) }
    }

    /// Renders `bytes` to HTML with libcmark's own renderer: how a note looks, for tests that prove an edit
    /// leaves a note's rendering alone.
    ///
    /// Raw HTML is kept as written (`CMARK_OPT_UNSAFE`), not replaced by `<!-- raw HTML omitted -->`, so that text
    /// moved into or out of an HTML block or comment shows in the output. Front matter is the caller's to cut off.
    public static func renderHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let root = bytes.withMemoryRebound(to: CChar.self) { chars in
            cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE)
        }
        guard let root else { return "" }
        defer { cmark_node_free(root) }
        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Renders a string to HTML; see `renderHTML(_:)` for bytes.
    public static func renderHTML(_ text: String) -> String {
        var text = text
        return text.withUTF8 { renderHTML($0) }
    }

    /// Walks the block tree without recursion: a note nested thousands of levels deep must not overflow a stack.
    private static func flatten(_ root: OpaquePointer) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        // Each open container: its node, and the flags its children inherit.
        var stack: [(node: OpaquePointer, depth: Int, inQuote: Bool, inList: Bool)] = []
        var next = cmark_node_first_child(root)
        var depth = 0
        var inQuote = false
        var inList = false
        while true {
            guard let node = next else {
                guard let parent = stack.popLast() else { break }
                next = cmark_node_next(parent.node)
                (depth, inQuote, inList) = (parent.depth, parent.inQuote, parent.inList)
                continue
            }
            let kind = self.kind(of: node)
            blocks.append(
                MarkdownBlock(
                    kind: kind,
                    startLine: Int(cmark_node_get_start_line(node)),
                    startColumn: Int(cmark_node_get_start_column(node)),
                    endLine: Int(cmark_node_get_end_line(node)),
                    endColumn: Int(cmark_node_get_end_column(node)),
                    depth: depth, inQuote: inQuote, inList: inList
                ))
            if kind.isContainer, let child = cmark_node_first_child(node) {
                stack.append((node, depth, inQuote, inList))
                depth += 1
                if kind == .blockQuote { inQuote = true }
                if kind == .item { inList = true }
                next = child
            } else {
                next = cmark_node_next(node)
            }
        }
        return blocks
    }

    private static func kind(of node: OpaquePointer) -> MarkdownBlock.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        default: return .other
        }
    }
}
