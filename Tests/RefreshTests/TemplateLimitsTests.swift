import Foundation
import TestSupport
import Testing

@testable import Refresh

/// Templates that would overflow swift-mustache's recursion (issue 15, item 11): refused when loading, with
/// the template's file and line, before any note is touched.
@Suite("Templates: partial cycles and deep nesting are refused when loading")
struct TemplateLimitsTests {
    static let pragma = "{{% CONTENT_TYPE: TEXT}}"

    /// The error loading the required templates plus `extra` gives, as `file:line: message`, or nil.
    static func loadError(_ extra: [String: String]) -> String? {
        var texts = ["pair-table": pragma, "backlinks": pragma, "sector-note": pragma]
        texts.merge(extra) { _, new in new }
        do {
            _ = try TemplateSet(texts: texts)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aPartialThatIncludesItself() {
        #expect(
            Self.loadError(["pair-table": Self.pragma + "\n{{#rows}}{{> pair-table}}{{/rows}}\n"])
                == "Templates/pair-table.mustache:2: partials include each other in a cycle: pair-table → pair-table")
    }

    @Test func twoPartialsThatIncludeEachOther() {
        #expect(
            Self.loadError([
                "backlinks": Self.pragma + "\n{{> links}}\n",
                "links": Self.pragma + "\n\n{{#links}}{{> backlinks}}{{/links}}\n",
            ])
                == "Templates/links.mustache:3: partials include each other in a cycle: backlinks → links → backlinks")
    }

    @Test func aHundredThousandNestedSections() {
        let text =
            Self.pragma + String(repeating: "{{#a}}", count: 100_000) + String(repeating: "{{/a}}", count: 100_000)
        #expect(
            Self.loadError(["sector-note": text])
                == "Templates/sector-note.mustache:1: sections nest more than 100 deep")
    }

    @Test func nestingAddsUpThroughPartials() {
        let sixty = String(repeating: "{{#a}}", count: 60) + "{{> inner}}" + String(repeating: "{{/a}}", count: 60)
        let inner = String(repeating: "{{^b}}", count: 60) + String(repeating: "{{/b}}", count: 60)
        #expect(
            Self.loadError(["pair-table": Self.pragma + sixty, "inner": Self.pragma + inner])
                == "Templates/pair-table.mustache:1: sections nest more than 100 deep with its partials")
    }

    @Test func changedDelimitersStillShowTheIncludes() {
        #expect(
            Self.loadError(["backlinks": Self.pragma + "{{=<% %>=}}\n<%> backlinks%>\n"])
                == "Templates/backlinks.mustache:2: partials include each other in a cycle: backlinks → backlinks")
    }

    @Test func theShippedTemplatesAndAcyclicPartialsLoad() throws {
        _ = try TemplateSet.load(folder: Repo.templates)
        #expect(
            Self.loadError([
                "pair-table": Self.pragma + "{{> row}}{{> row}}", "row": Self.pragma + "{{> cell}}",
                "cell": Self.pragma,
            ]) == nil)
    }

    @Test func updateWithACyclicTemplateExitsTwoNamingIt() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let templates = vault.root.appendingPathComponent(".templates")
        try FileManager.default.copyItem(at: Repo.templates, to: templates)
        try (Self.pragma + "\n{{> backlinks}}\n").write(
            to: templates.appendingPathComponent("backlinks.mustache"), atomically: true, encoding: .utf8)
        let before = try vault.files()
        let result = try CLI.run(["update", vault.root.path, "--templates", templates.path])
        #expect(result.status == 2)
        #expect(
            result.err.contains(
                "backlinks.mustache:2: partials include each other in a cycle: backlinks → backlinks"), "\(result.err)")
        #expect(try vault.files() == before)
    }
}
