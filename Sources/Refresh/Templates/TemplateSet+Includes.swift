extension TemplateSet {
    /// Refuses a template whose sections nest too deeply, or that includes a partial named by a value.
    static func check(_ outline: TemplateOutline, file: String) throws(TemplateError) {
        if outline.depth > TemplateOutline.maximumDepth {
            throw TemplateError(
                file: file, line: outline.depthLine,
                message: "sections nest more than \(TemplateOutline.maximumDepth) deep")
        }
        if let line = outline.dynamicPartialLine {
            throw TemplateError(
                file: file, line: line,
                message: "a dynamic partial ({{>*name}}) would include a template named by a note's text; name it")
        }
    }

    /// Refuses partials that include each other in a cycle, and nesting past the maximum through partials.
    ///
    /// Includes of names that are not templates render empty and are left alone. Templates are visited in name
    /// order, so the same set always gives the same message.
    static func checkIncludes(_ outlines: [String: TemplateOutline], file: (String) -> String) throws(TemplateError) {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        // The deepest nesting of each template with its partials in place.
        var total: [String: Int] = [:]
        // Depth-first with an explicit stack: a long chain of partials must not overflow this one either.
        for root in outlines.keys.sorted() where marks[root] == nil {
            var stack: [(name: String, next: Int)] = [(root, 0)]
            marks[root] = .visiting
            while let top = stack.last {
                let includes = outlines[top.name]!.includes.filter { outlines[$0.name] != nil }
                if top.next < includes.count {
                    stack[stack.count - 1].next += 1
                    let include = includes[top.next]
                    switch marks[include.name] {
                    case .visiting:
                        let cycle = stack.map(\.name).drop { $0 != include.name } + [include.name]
                        throw TemplateError(
                            file: file(top.name), line: include.line,
                            message: "partials include each other in a cycle: \(cycle.joined(separator: " → "))")
                    case .done:
                        continue
                    case nil:
                        marks[include.name] = .visiting
                        stack.append((include.name, 0))
                    }
                    continue
                }
                var deepest = outlines[top.name]!.depth
                for include in includes { deepest = max(deepest, include.depth + total[include.name, default: 0]) }
                total[top.name] = deepest
                if deepest > TemplateOutline.maximumDepth {
                    throw TemplateError(
                        file: file(top.name), line: 1,
                        message: "sections nest more than \(TemplateOutline.maximumDepth) deep with its partials")
                }
                marks[top.name] = .done
                stack.removeLast()
            }
        }
    }
}
