import Yams

/// A note's YAML front matter: where it sits in the text and the properties it holds.
public struct FrontMatter: Sendable, Equatable {
    /// Bytes of the YAML between the two `---` lines.
    public var yamlRange: Range<Int>
    /// The line of the opening `---` (1, or 1 after a byte-order mark).
    public var openingLine: Int
    /// The line of the closing `---` or `...`.
    public var closingLine: Int
    /// Byte offset where the markdown body starts (after the closing line's line ending).
    public var bodyStart: Int
    public var properties: [String: FrontMatterValue]
    /// The property strings that may hold a link (a top-level value or an item of its list with a `[`), in the
    /// order written, with where each starts in the note: what `PropertyLinks` reads.
    public var linkTexts: [PropertyText] = []

    /// The properties' text for a key, looked up without regard to case.
    public func value(_ key: String) -> FrontMatterValue? {
        if let exact = properties[key] { return exact }
        let lowered = key.lowercased()
        return properties.first { $0.key.lowercased() == lowered }?.value
    }
}

/// What can be wrong with front matter; each carries the file line where it shows.
public enum FrontMatterProblem: Error, Sendable, Equatable {
    /// The YAML does not parse.
    case invalidYAML(line: Int, message: String)
    /// The YAML parses to something other than a mapping of properties.
    case notAMapping(line: Int)
    /// An opening `---` has no closing line: Obsidian reads the whole note as markdown.
    case unterminated(line: Int)
    /// The YAML nests too deeply or expands too many aliases to be a note's properties.
    case tooComplex(line: Int)

    public var line: Int {
        switch self {
        case .invalidYAML(let line, _), .notAMapping(let line), .unterminated(let line), .tooComplex(let line):
            return line
        }
    }

    public var message: String {
        switch self {
        case .invalidYAML(_, let message): return "front matter is not valid YAML: \(message)"
        case .notAMapping: return "front matter is not a mapping of properties"
        case .unterminated: return "front matter has no closing '---' line; it is read as markdown"
        case .tooComplex: return "front matter nests too deeply or expands too many aliases"
        }
    }
}

extension FrontMatter {
    /// Where front matter would be: the byte range of its YAML and of the body, or `nil` when the note has none.
    ///
    /// The opening line must be exactly `---` (trailing spaces allowed) at the very start of the note,
    /// after an optional byte-order mark; the closing line is `---` or `...`.
    static func locate(in source: SourceText) -> (yaml: Range<Int>, closingLine: Int, bodyStart: Int)?? {
        let bytes = source.bytes
        let first = source.lineContent(1)
        var start = first.lowerBound
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start += 3 }
        guard isDelimiter(bytes[start..<first.upperBound], allowDots: false) else { return .none }
        guard source.lineCount >= 2 else { return .some(nil) }
        for line in 2...source.lineCount {
            let content = source.lineContent(line)
            if isDelimiter(bytes[content], allowDots: true) {
                let yaml = source.fullLine(2).lowerBound..<source.fullLine(line).lowerBound
                return .some((yaml, line, source.fullLine(line).upperBound))
            }
        }
        return .some(nil)
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed.removeLast() }
        guard trimmed.count == 3 else { return false }
        return trimmed.allSatisfy { $0 == 0x2D } || (allowDots && trimmed.allSatisfy { $0 == 0x2E })
    }

    /// Reads the front matter of a note, if it has any.
    ///
    /// - Returns: the front matter (with empty properties when its YAML is bad) and the problem found, if any.
    static func parse(_ source: SourceText) -> (FrontMatter?, FrontMatterProblem?) {
        guard let located = locate(in: source) else { return (nil, nil) }
        guard let (yamlRange, closingLine, bodyStart) = located else {
            return (nil, .unterminated(line: 1))
        }
        var frontMatter = FrontMatter(
            yamlRange: yamlRange, openingLine: 1, closingLine: closingLine, bodyStart: bodyStart, properties: [:])
        let yaml = source.string(yamlRange)
        // Blank front matter has no properties. Bytes first: Characters are slow, and nearly all YAML is ASCII.
        let blank =
            yaml.utf8.contains(where: { $0 >= 0x80 })
            ? yaml.allSatisfy(\.isWhitespace) : yaml.utf8.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) }
        if blank { return (frontMatter, nil) }
        do {
            // The encoding is given: Yams' default reads the whole process environment on every parse.
            // Values are read as the strings written (never as YAML's bools, numbers or dates), so the resolver
            // needs no rules: the default one runs regular expressions on every scalar, keys included.
            guard let node = try Yams.compose(yaml: yaml, .basic, yamlConstructor, .utf8) else {
                return (frontMatter, nil)
            }
            guard case .mapping(let mapping) = node else { return (frontMatter, .notAMapping(line: 2)) }
            var budget = YAMLBudget()
            var properties: [String: FrontMatterValue] = [:]
            var linkTexts: [PropertyText] = []
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                properties[name] = try budget.convert(value, depth: 1)
                let scalars = value.scalar.map { [$0] } ?? value.sequence?.compactMap(\.scalar) ?? []
                for scalar in scalars where scalar.string.utf8.contains(0x5B) {  // [
                    linkTexts.append(
                        PropertyText(
                            key: name, text: scalar.string,
                            start: scalar.mark.map { offset(of: $0, in: source) } ?? yamlRange.lowerBound))
                }
            }
            frontMatter.properties = properties
            frontMatter.linkTexts = linkTexts
            return (frontMatter, nil)
        } catch let error as YamlError {
            return (frontMatter, .invalidYAML(line: 1 + error.line, message: error.summary))
        } catch is YAMLBudget.Exceeded {
            return (frontMatter, .tooComplex(line: 2))
        } catch {
            return (frontMatter, .invalidYAML(line: 2, message: "\(error)"))
        }
    }
}

extension FrontMatter {
    /// The byte offset in the note of a place libYAML reports in the front matter (line 1 is the line after the
    /// opening `---`; columns count Unicode scalars).
    static func offset(of mark: Mark, in source: SourceText) -> Int {
        let line = min(max(mark.line + 1, 1), source.lineCount)
        let content = source.lineContent(line)
        var offset = content.lowerBound
        var scalars = 1
        while offset < content.upperBound, scalars < mark.column {
            offset += 1
            // Continuation bytes (10xxxxxx) do not start a scalar.
            while offset < content.upperBound, source.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        return offset
    }
}

/// A string written as a front-matter value, with the byte where YAML says it starts (its quote, if quoted).
public struct PropertyText: Sendable, Equatable {
    /// The property's key.
    public var key: String
    /// The string as YAML reads it (quotes removed, escapes applied).
    public var text: String
    public var start: Int

    public init(key: String, text: String, start: Int) {
        self.key = key
        self.text = text
        self.start = start
    }
}

/// One constructor for every parse: Yams' `.default` builds a new one, with three dictionaries of closures, on
/// each call. Composing only reads it (it is not even consulted: values are read as written).
private nonisolated(unsafe) let yamlConstructor = Constructor.default

/// Bounds the work of turning YAML into values: alias bombs expand exponentially, and nesting costs stack.
private struct YAMLBudget {
    struct Exceeded: Error {}
    var nodesLeft = 100_000
    let maxDepth = 64
    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    mutating func convert(_ node: Node, depth: Int) throws -> FrontMatterValue {
        nodesLeft -= 1
        guard nodesLeft >= 0, depth <= maxDepth else { throw Exceeded() }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain && Self.nulls.contains(scalar.string) {
                return .null
            }
            return .scalar(scalar.string)
        case .sequence(let sequence):
            var items: [FrontMatterValue] = []
            for item in sequence { items.append(try convert(item, depth: depth + 1)) }
            return .list(items)
        case .mapping(let mapping):
            var entries: [String: FrontMatterValue] = [:]
            for (key, value) in mapping {
                entries[key.scalar?.string ?? "\(key)"] = try convert(value, depth: depth + 1)
            }
            return .map(entries)
        case .alias:
            return .null
        }
    }
}
