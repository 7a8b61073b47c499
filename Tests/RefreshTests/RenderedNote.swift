import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

/// The test that generated backlinks never change how a note renders: libcmark's HTML of the note before and
/// after `update`'s plan, with the one generated `<h3>Backlinks</h3>` and its `<ul>` taken out, must be equal.
enum RenderedNote {
    static let templates: TemplateSet = {
        do {
            return try TemplateSet.load(folder: Repo.templates)
        } catch {
            fatalError("the repository's templates do not load: \(error)")
        }
    }()

    /// The vault around the note under test: two notes that link to it (one from a folder, one through a
    /// heading), and `Old`, which a stale generated list names.
    static func vault(target: String, linked: Bool) -> [String: String] {
        var texts = ["Target.md": target, "Old.md": "Links nowhere.\n"]
        texts["Linker one.md"] = linked ? "Points at [[Target]].\n" : "Points nowhere.\n"
        texts["b/Zed.md"] = linked ? "See [[Target#Related|the related notes]].\n" : "See nothing.\n"
        return texts
    }

    /// Every note's text after one run of `update`'s planning (the notes it leaves alone as they were).
    static func update(_ texts: [String: String]) -> [String: String] {
        let vault = Vault(texts: texts)
        let sources = vault.notes.map { SourceText(texts[$0.path]!) }
        let plan = VaultUpdater(vault: vault, sources: sources, templates: templates).plan(
            prices: [:], options: .init())
        var out = texts
        for change in plan.changes { out[change.path] = String(decoding: change.updated, as: UTF8.self) }
        return out
    }

    /// A note's HTML as libcmark renders its body: the front matter (or a byte-order mark) cut off first, as
    /// the parser does.
    static func html(_ text: String) -> String {
        let source = SourceText(text)
        let note = NoteParser.parse(source, path: "N.md")
        var start = note.frontMatter?.bodyStart ?? 0
        if note.frontMatter == nil, source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        return source.bytes[start...].withUnsafeBufferPointer { CmarkDocument.renderHTML($0) }
    }

    /// `html` without its first generated subsection (`<h3>Backlinks</h3>` and the `<ul>` right after it), and
    /// how many such subsections it had.
    static func withoutGenerated(_ html: String) -> (html: String, count: Int) {
        let opening = "<h3>Backlinks</h3>\n<ul>\n"
        var count = 0
        var rest = html[...]
        var first: Range<String.Index>?
        while let heading = rest.range(of: opening), let close = rest[heading.upperBound...].range(of: "</ul>\n") {
            count += 1
            if first == nil { first = heading.lowerBound..<close.upperBound }
            rest = rest[close.upperBound...]
        }
        guard let first else { return (html, 0) }
        return (String(html[..<first.lowerBound] + html[first.upperBound...]), count)
    }

    /// What the person wrote: `text` without a generated subsection it already has (the blank line before
    /// `### Backlinks`, the heading and its `- [[Name]]` lines), with a blank line left where text was on both
    /// sides. Written independently of `BacklinkSection`, from lines only.
    static func personText(_ text: String) -> String {
        var lines = Lines(text)
        guard let heading = lines.items.firstIndex(where: { $0.content == "### Backlinks" }) else { return text }
        var last = heading
        while last + 1 < lines.items.count, isItem(lines.items[last + 1].content) { last += 1 }
        let from = heading > 0 && lines.isBlank(heading - 1) ? heading - 1 : heading
        let ending = lines.items[last].ending
        lines.items.removeSubrange(from...last)
        if from > 0, from < lines.items.count, !lines.isBlank(from - 1), !lines.isBlank(from) {
            lines.items.insert((content: "", ending: lines.items[from - 1].ending), at: from)
        } else if from == lines.items.count, from > 0 {
            lines.items[from - 1].ending = ending
        }
        return lines.text
    }

    static func isItem(_ line: String) -> Bool {
        line.hasPrefix("- [[") && line.hasSuffix("]]") && line.dropFirst(4).dropLast(2).range(of: "[[") == nil
            && line.dropFirst(4).dropLast(2).range(of: "]]") == nil
    }

    /// A note's lines with their endings (`\n`, `\r\n` or `\r`).
    struct Lines {
        var items: [(content: String, ending: String)] = []

        init(_ text: String) {
            var content = ""
            var scalars = text.unicodeScalars.makeIterator()
            var pending = scalars.next()
            while let scalar = pending {
                pending = scalars.next()
                if scalar == "\n" {
                    items.append((content, "\n"))
                    content = ""
                } else if scalar == "\r" {
                    if pending == "\n" {
                        pending = scalars.next()
                        items.append((content, "\r\n"))
                    } else {
                        items.append((content, "\r"))
                    }
                    content = ""
                } else {
                    content.unicodeScalars.append(scalar)
                }
            }
            if !content.isEmpty { items.append((content, "")) }
        }

        func isBlank(_ index: Int) -> Bool {
            items[index].content.allSatisfy { $0 == " " || $0 == "\t" }
        }

        var text: String { items.map { $0.content + $0.ending }.joined() }
    }

    /// Checks a note through one `update`: its rendering outside the generated subsection is what the person's
    /// text renders, the subsection is there once when notes link to it, and a second run changes nothing. When
    /// the note had no subsection, taking every backlink away again restores its bytes (`exact`), or at least its
    /// rendering with one more blank line (when vaultgen had to add one after the list).
    ///
    /// - Returns: The note after the run.
    @discardableResult
    static func expectUnchangedRendering(
        _ before: String, linked: Bool = true, exact: Bool = true, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        let texts = vault(target: before, linked: linked)
        let updated = update(texts)
        let after = updated["Target.md"]!
        let (rendered, count) = withoutGenerated(html(after))
        let expected = html(personText(before))
        #expect(count == (linked ? 1 : 0), "generated subsections", sourceLocation: sourceLocation)
        #expect(
            rendered == expected, "\(comment.map { "\($0): " } ?? "")rendering changed; note after the run:\n\(after)",
            sourceLocation: sourceLocation)
        let again = update(updated)
        #expect(
            again["Target.md"] == after, "a second run changes the note: \(comment ?? "")",
            sourceLocation: sourceLocation)
        if linked, !before.contains("### Backlinks") {
            var unlinked = vault(target: after, linked: false)
            unlinked["Target.md"] = after
            let removed = update(unlinked)["Target.md"]!
            if exact {
                #expect(
                    removed == before, "removing does not restore the bytes: \(comment ?? "")",
                    sourceLocation: sourceLocation)
            } else {
                #expect(html(removed) == html(before), "removing changes the rendering", sourceLocation: sourceLocation)
                #expect(
                    [0, 1, 2].contains(removed.utf8.count - before.utf8.count),
                    "removing leaves more than a blank line: \(comment ?? "")", sourceLocation: sourceLocation)
            }
        }
        return after
    }
}
