import Mustache

/// The Mustache templates that lay out what vaultgen writes, loaded and checked before any note is touched.
///
/// Templates are logic-less: they receive view models of preformatted strings and can include only each
/// other (partials come from this set, never from the file system).
public struct TemplateSet: Sendable {
    /// The templates vaultgen renders; each must exist in the folder.
    public static let required = ["pair-table", "backlinks", "sector-note"]

    let library: MustacheLibrary

    /// A template that cannot be used, named by its file and line.
    public struct TemplateError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// Parses templates given as texts keyed by name (without `.mustache`).
    ///
    /// - Parameters:
    ///   - files: Where each template came from, for messages; a name not in it is `folder/NAME.mustache`.
    public init(texts: [String: String], files: [String: String] = [:], folder: String = "Templates")
        throws(TemplateError)
    {
        var library = MustacheLibrary()
        for name in Self.required where texts[name] == nil {
            throw TemplateError(file: "\(folder)/\(name).mustache", line: 1, message: "template is missing")
        }
        let file = { (name: String) in files[name] ?? "\(folder)/\(name).mustache" }
        var outlines: [String: TemplateOutline] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let file = file(name)
            guard text.hasPrefix("{{% CONTENT_TYPE: TEXT}}") || text.hasPrefix("{{%CONTENT_TYPE:TEXT}}") else {
                throw TemplateError(
                    file: file, line: 1,
                    message: "must start with {{% CONTENT_TYPE: TEXT}} (otherwise Mustache escapes text as HTML)")
            }
            // Read before swift-mustache parses it: its parser recurses once per nested section.
            let outline = TemplateOutline(text)
            try Self.check(outline, file: file)
            outlines[name] = outline
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(
                    file: file, line: error.context.lineNumber,
                    message: "does not parse: \(error.error) near '\(error.context.line)'")
            } catch {
                throw TemplateError(file: file, line: 1, message: "does not parse: \(error)")
            }
        }
        try Self.checkIncludes(outlines, file: file)
        self.library = library
    }

    /// Whether the set holds the template `name` (one not in `required` may be missing).
    func contains(_ name: String) -> Bool {
        library.getTemplate(named: name) != nil
    }

    /// Renders a template with a view model of stored, preformatted strings.
    func render(_ name: String, _ model: Any) -> String {
        library.render(model, withTemplate: name) ?? ""
    }
}
