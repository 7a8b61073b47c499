import Foundation
import TestSupport
import Testing

/// Every relative link of README.md, CONTRIBUTING.md and docs/ leads to a file of the repository, and every
/// `#anchor` into a markdown page to one of its headings: the reference is split over pages that link to each
/// other, so a renamed page or heading must not leave a dead link.
@Suite struct DocumentationLinkTests {
    static let pages: [String] = {
        let docs = Repo.root.appendingPathComponent("docs")
        var pages = ["README.md", "CONTRIBUTING.md"]
        let enumerator = FileManager.default.enumerator(atPath: docs.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".md") { pages.append("docs/\(path)") }
        }
        return pages.sorted()
    }()

    @Test(arguments: pages)
    func relativeLinksResolve(page: String) throws {
        let url = Repo.root.appendingPathComponent(page)
        let text = try String(contentsOf: url, encoding: .utf8)
        for target in Self.links(in: text) where !target.contains("://") && !target.hasPrefix("mailto:") {
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let file = parts[0].isEmpty ? url : url.deletingLastPathComponent().appendingPathComponent(parts[0])
            // A folder the integration adds later (docs/schemas/) is named with a trailing slash; check files.
            guard !parts[0].hasSuffix("/") else { continue }
            #expect(FileManager.default.fileExists(atPath: file.path), "\(page): \(target): no such file")
            if parts.count == 2, file.pathExtension == "md",
                let linked = try? String(contentsOf: file, encoding: .utf8)
            {
                #expect(Self.anchors(in: linked).contains(parts[1]), "\(page): \(target): no such heading")
            }
        }
    }

    @Test func anchorsAreGitHubs() {
        let page =
            "# `vaultgen new`\n## `vaultgen new sector-map NAME`\n## What `--explain` shows\n<a id=\"explain\"></a>"
        #expect(
            Self.anchors(in: page) == [
                "vaultgen-new", "vaultgen-new-sector-map-name", "what---explain-shows", "explain",
            ])
        #expect(
            Self.links(in: "see [a](b.md#c), `[t](x.md)` and\n```sh\n[y](z.md)\n```\n![p](q.png)") == [
                "b.md#c", "q.png",
            ])
    }

    /// The targets of `[text](target)` outside code spans and fenced blocks.
    static func links(in markdown: String) -> [String] {
        var prose = markdown.replacing(/```.*?```/.dotMatchesNewlines(), with: "")
        prose = prose.replacing(/`[^`\n]*`/, with: "")
        return prose.matches(of: /\]\(([^)\s]+)\)/).map { String($0.1) }
    }

    /// GitHub's anchors: headings lowercased, punctuation dropped, spaces as dashes; and `<a id>` names.
    static func anchors(in markdown: String) -> [String] {
        var anchors: [String] = []
        for line in markdown.split(separator: "\n") {
            if let heading = line.wholeMatch(of: /#+ (.*)/) {
                let words = heading.1.lowercased().filter {
                    $0.isLetter || $0.isNumber || $0 == "-" || $0 == " " || $0 == "_"
                }
                anchors.append(words.replacingOccurrences(of: " ", with: "-"))
            }
            anchors += line.matches(of: /<a id="([^"]+)"/).map { String($0.1) }
        }
        return anchors
    }
}
