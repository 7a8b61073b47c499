/// What a Mustache template includes and how deeply its sections nest, read from its text with a loop.
///
/// swift-mustache parses a section by recursion and renders a partial by recursion, so 100,000 nested sections
/// or a partial that includes itself overflow the stack (SIGSEGV, no message). `TemplateSet` reads this outline
/// of every template before handing any to the parser, and refuses deep nesting and include cycles.
struct TemplateOutline {
    /// An include of another template: `{{> name}}`, or `{{< name}}` (a parent, with inheritance).
    struct Include {
        var name: String
        var line: Int
        /// Sections open around the include; the included template's nesting adds to it.
        var depth: Int
    }

    /// The deepest nesting of sections (`#`, `^`, `$`, `<`) the templates may have, partials included.
    static let maximumDepth = 100

    private(set) var includes: [Include] = []
    /// The deepest nesting found, and the line of the tag that reached it; reading stops past the maximum.
    private(set) var depth = 0
    private(set) var depthLine = 1
    /// The line of a dynamic partial (`{{>*name}}`), whose template would be named by a value from the notes.
    private(set) var dynamicPartialLine: Int?

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var line = 1
        var position = 0
        var current = 0
        func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
            index + delimiter.count <= bytes.count && bytes[index..<index + delimiter.count].elementsEqual(delimiter)
        }
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            guard matches(open, at: position) else {
                position += 1
                continue
            }
            let start = position + open.count
            var end = start
            while end < bytes.count, !matches(close, at: end) { end += 1 }
            let tagLine = line
            for byte in bytes[position..<min(end, bytes.count)] where byte == UInt8(ascii: "\n") { line += 1 }
            position = min(end + close.count, bytes.count)
            let content = String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self)
                .trimmingPrefix(while: \.isWhitespace)
            guard let kind = content.first else { continue }
            let name = String(content.dropFirst().trimmingPrefix(while: \.isWhitespace))
                .trimmingSuffix(while: \.isWhitespace)
            switch kind {
            case "#", "^", "$", "<":
                if kind == "<" { includes.append(Include(name: name, line: tagLine, depth: current)) }
                current += 1
                if current > depth {
                    depth = current
                    depthLine = tagLine
                }
                // Past the maximum the template is refused anyway; reading on would only cost time.
                if depth > Self.maximumDepth { return }
            case "/":
                current = max(0, current - 1)
            case ">":
                if name.hasPrefix("*") {
                    dynamicPartialLine = dynamicPartialLine ?? tagLine
                } else {
                    includes.append(Include(name: name, line: tagLine, depth: current))
                }
            case "=":
                // `{{=<% %>=}}`: new delimiters for the rest of the template.
                let parts = content.dropFirst().split(whereSeparator: \.isWhitespace)
                if parts.count == 2, parts[1].hasSuffix("=") {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].dropLast().utf8)
                    if open.isEmpty || close.isEmpty { return }
                }
            default:
                continue
            }
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var text = self
        while let last = text.last, predicate(last) { text.removeLast() }
        return text
    }
}
