import Foundation

/// A shell example of the documentation: a command, where it stands, and what it must do.
///
/// The convention (CONTRIBUTING.md, "The documentation's examples are tested"): fenced `sh` blocks hold one
/// command a line; `console` blocks hold commands after `$ ` and, on the lines after each, the output it must
/// print. A command must exit 0 unless its line ends with a comment `# exit N`. A block preceded by
/// `<!-- not tested: REASON -->` is skipped with that reason. Other blocks are not examples.
struct DocumentationExample: Sendable, Equatable {
    /// The command as the shell gets it.
    var command: String
    /// The 1-based line of the command in its page.
    var line: Int
    var expectedStatus: Int32
    /// The output shown under the command (`console` blocks), one string a line; nil when none is shown.
    var expectedOutput: [String]?
    /// Why the example is not run, from the marker before its block; nil when it is run.
    var skipReason: String?

    /// The examples of a page, in order.
    static func parse(_ markdown: String) -> [DocumentationExample] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [DocumentationExample] = []
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("```") else {
                index += 1
                continue
            }
            let language = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
            let indent = lines[index].prefix { $0 == " " }.count
            var end = index + 1
            while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("```") { end += 1 }
            let body = lines[(index + 1)..<min(end, lines.count)].map {
                String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count)))
            }
            let reason = skipReason(before: index, in: lines)
            switch language {
            case "sh": examples += shellBlock(body, firstLine: index + 2, skipReason: reason)
            case "console": examples += consoleBlock(body, firstLine: index + 2, skipReason: reason)
            default: break
            }
            index = end + 1
        }
        return examples
    }

    /// The reason of a `<!-- not tested: REASON -->` line right before the fence (blank lines between allowed).
    private static func skipReason(before fence: Int, in lines: [String]) -> String? {
        var index = fence - 1
        while index >= 0, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index -= 1 }
        guard index >= 0 else { return nil }
        let line = lines[index].trimmingCharacters(in: .whitespaces)
        let prefix = "<!-- not tested:"
        guard line.hasPrefix(prefix), line.hasSuffix("-->") else { return nil }
        return String(line.dropFirst(prefix.count).dropLast(3)).trimmingCharacters(in: .whitespaces)
    }

    private static func shellBlock(_ body: [String], firstLine: Int, skipReason: String?) -> [DocumentationExample] {
        body.enumerated().compactMap { offset, text in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            return example(text, line: firstLine + offset, output: nil, skipReason: skipReason)
        }
    }

    private static func consoleBlock(_ body: [String], firstLine: Int, skipReason: String?) -> [DocumentationExample] {
        var examples: [DocumentationExample] = []
        for (offset, text) in body.enumerated() {
            if text.hasPrefix("$ ") {
                examples.append(
                    example(String(text.dropFirst(2)), line: firstLine + offset, output: [], skipReason: skipReason))
            } else if !examples.isEmpty {
                examples[examples.count - 1].expectedOutput?.append(text)
            }
        }
        for index in examples.indices where examples[index].expectedOutput?.isEmpty == true {
            examples[index].expectedOutput = nil
        }
        return examples
    }

    /// A command with its `# exit N` comment read (the comment stays: the shell ignores it).
    private static func example(_ command: String, line: Int, output: [String]?, skipReason: String?)
        -> DocumentationExample
    {
        var status: Int32 = 0
        if let match = command.firstMatch(of: /#\s*exit\s+(\d+)\s*$/) { status = Int32(match.1) ?? 0 }
        return DocumentationExample(
            command: command.trimmingCharacters(in: .whitespaces), line: line, expectedStatus: status,
            expectedOutput: output, skipReason: skipReason)
    }

    /// The folder a `cd DIR` command moves to, or nil when the command is not one.
    var changedFolder: String? {
        guard let match = command.wholeMatch(of: /cd\s+(\S+)/) else { return nil }
        return String(match.1)
    }

    /// Whether the printed lines are the expected ones: trailing spaces ignored, a line `...` standing for any
    /// number of lines.
    static func output(_ actual: [String], matches expected: [String]) -> Bool {
        let actual = actual.map(trimmingTrailingSpace)
        let expected = expected.map(trimmingTrailingSpace)
        // matched[i][j]: expected[i...] matches actual[j...].
        var matched = Array(repeating: Array(repeating: false, count: actual.count + 1), count: expected.count + 1)
        matched[expected.count][actual.count] = true
        for i in stride(from: expected.count - 1, through: 0, by: -1) {
            for j in stride(from: actual.count, through: 0, by: -1) {
                if expected[i] == "..." {
                    matched[i][j] = matched[i + 1][j] || (j < actual.count && matched[i][j + 1])
                } else {
                    matched[i][j] = j < actual.count && expected[i] == actual[j] && matched[i + 1][j + 1]
                }
            }
        }
        return matched[0][0]
    }

    /// The lines of a command's output: no empty last line for the final line end, trailing blank lines kept.
    static func lines(of output: String) -> [String] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func trimmingTrailingSpace(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
