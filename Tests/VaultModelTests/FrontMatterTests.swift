import Testing

@testable import VaultModel

@Suite("Front matter")
struct FrontMatterTests {
    @Test func aliasesAndTagsAsListsOrSingleStrings() {
        let list = NoteParser.parse(
            "---\naliases: [Crypto to AI, Crypto pivots]\ntags:\n  - a\n  - b\n---\n", path: "N.md")
        #expect(list.aliases == ["Crypto to AI", "Crypto pivots"])
        #expect(list.tags == ["a", "b"])
        let single = NoteParser.parse("---\naliases: One alias\ntags: x, y\n---\n", path: "N.md")
        #expect(single.aliases == ["One alias"])
        #expect(single.tags == ["x", "y"])
    }

    @Test func propertiesKeepTheirText() throws {
        let note = NoteParser.parse(
            "---\nticker: CORZ\nsince: 2024-01\nnested:\n  a: [1, 2]\n---\nbody\n", path: "N.md")
        #expect(note.property("ticker") == .scalar("CORZ"))
        #expect(note.property("Since") == .scalar("2024-01"))
        #expect(note.property("nested") == .map(["a": .list([.scalar("1"), .scalar("2")])]))
    }

    @Test func invalidYAMLIsAProblemWithTheFileLine() throws {
        let note = NoteParser.parse("---\ntitle: ok\nbad: [unclosed\nmore: x\n---\n[[Still read]]\n", path: "N.md")
        let problem = try #require(note.problems.first)
        guard case .invalidYAML(let line, _) = problem else {
            Issue.record("expected invalid YAML, got \(problem)")
            return
        }
        #expect(line >= 3 && line <= 5)
        #expect(dump(note.links) == ["6:1 wiki Still read"])
    }

    @Test func frontMatterThatIsNotAMapping() {
        let note = NoteParser.parse("---\n- a\n- b\n---\ntext\n", path: "N.md")
        #expect(note.problems == [.notAMapping(line: 2)])
    }

    @Test func unterminatedFrontMatterIsReadAsMarkdown() {
        let note = NoteParser.parse("---\ntitle: x\n\n[[A]]\n", path: "N.md")
        #expect(note.problems == [.unterminated(line: 1)])
        #expect(dump(note.links) == ["4:1 wiki A"])
    }

    @Test func aliasBombIsRefused() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let note = NoteParser.parse("---\n" + yaml + "---\nbody\n", path: "N.md")
        #expect(note.problems == [.tooComplex(line: 2)])
    }

    @Test func dotsCloseFrontMatterAndCRLFWorks() {
        let note = NoteParser.parse("---\r\nticker: HUT\r\n...\r\n[[A]]\r\n", path: "N.md")
        #expect(note.property("ticker") == .scalar("HUT"))
        #expect(dump(note.links) == ["4:1 wiki A"])
    }

    @Test func byteOrderMarkBeforeFrontMatter() {
        let note = NoteParser.parse("\u{FEFF}---\nticker: HUT\n---\n[[A]]\n", path: "N.md")
        #expect(note.property("ticker") == .scalar("HUT"))
        #expect(dump(note.links) == ["4:1 wiki A"])
    }

    @Test func thematicBreakLaterIsNotFrontMatter() {
        let note = NoteParser.parse("text\n---\nticker: X\n---\n", path: "N.md")
        #expect(note.frontMatter == nil)
        #expect(note.problems.isEmpty)
    }
}
