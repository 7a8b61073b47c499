import Foundation

/// Turns a check result into text for people, JSON for tools, or GitHub workflow annotations.
public enum CheckReport {
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case github
    }

    /// The `schema` of the JSON report: its shape, versioned (docs/schemas/vaultgen.check.schema.json).
    public static let schema = "vaultgen.check/1"

    /// The report; `pathPrefix` is how the vault folder was named on the command line, so paths open from there.
    /// The JSON report gives vault paths instead, and the vault's absolute root, `vault`.
    public static func render(_ result: CheckResult, format: Format, pathPrefix: String = "", vault: String)
        -> String
    {
        switch format {
        case .text: return text(result, pathPrefix: pathPrefix)
        case .json: return json(result, vault: vault)
        case .github: return github(result, pathPrefix: pathPrefix)
        }
    }

    /// `path:line:column: error: broken link [[X]]: no note named X (did you mean [[Y]]?)`
    public static func line(_ finding: Finding, pathPrefix: String = "") -> String {
        var out = "\(join(pathPrefix, finding.path)):\(finding.line):\(finding.column): \(finding.severity.rawValue): "
        out += finding.kind.title
        if let link = finding.link { out += " \(link)" }
        out += ": \(finding.message)"
        if let hint = finding.hint { out += " (\(hint))" }
        return visible(out)
    }

    public static func summary(_ result: CheckResult) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(result.notes, "note")), \(plural(result.links, "link")), "
            + "\(plural(result.attachments, "attachment")): \(plural(result.errors, "error")), "
            + "\(plural(result.warnings, "warning"))"
    }

    static func text(_ result: CheckResult, pathPrefix: String) -> String {
        (result.findings.map { line($0, pathPrefix: pathPrefix) } + [summary(result)]).joined(separator: "\n") + "\n"
    }

    static func json(_ result: CheckResult, vault: String) -> String {
        struct Output: Encodable {
            var schema = CheckReport.schema
            var vault: String
            var notes: Int
            var links: Int
            var attachments: Int
            var errors: Int
            var warnings: Int
            var findings: [Finding]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let output = Output(
            vault: vault, notes: result.notes, links: result.links, attachments: result.attachments,
            errors: result.errors,
            warnings: result.warnings, findings: result.findings)
        let data = (try? encoder.encode(output)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `::error file=…,line=…,col=…,title=…::message`, with the workflow-command escapes.
    static func github(_ result: CheckResult, pathPrefix: String) -> String {
        var lines: [String] = []
        for finding in result.findings {
            let command = finding.severity == .error ? "error" : "warning"
            var message = finding.link.map { "\($0): " } ?? ""
            message += finding.message
            if let hint = finding.hint { message += " (\(hint))" }
            let properties =
                "file=\(escapeProperty(join(pathPrefix, finding.path))),line=\(finding.line),"
                + "col=\(finding.column),title=\(escapeProperty(finding.kind.title))"
            lines.append("::\(command) \(properties)::\(escapeData(message))")
        }
        lines.append(summary(result))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text with control characters escaped: a file name holding a newline stays on one report line, and a
    /// note cannot send escape sequences to the terminal.
    public static func visible(_ text: String) -> String {
        guard
            text.unicodeScalars.contains(where: {
                $0.value < 0x20 || ($0.value >= 0x7F && $0.properties.generalCategory == .control)
            })
        else { return text }
        return text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }

    private static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private static func join(_ prefix: String, _ path: String) -> String {
        if prefix.isEmpty || prefix == "." { return path }
        return prefix.hasSuffix("/") ? prefix + path : prefix + "/" + path
    }
}
