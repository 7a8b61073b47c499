import Testing

@testable import VaultModel

/// One line per link, as `dump` writes it, with ` @property` for a link read from the front matter.
func propertyDump(_ text: String) -> [String] {
    let note = NoteParser.parse(text, path: "Note.md")
    return zip(dump(note.links), note.links).map { line, link in link.property.map { "\(line) @\($0)" } ?? line }
}

@Suite("Links in front-matter properties, read as Obsidian reads them")
struct PropertyLinkTests {
    @Test func stringsAndListsOfStringsHoldLinks() {
        let text = """
            ---
            up: "[[Parent]]"
            banner: "![[image.webp]]"
            related:
              - "[[N|alias]]"
              - '[[N#Heading]]'
            source: "see [t](N.md) and [[B]]"
            plain: [[Unquoted]]
            nested:
              k: "[[Deep]]"
            url: "[site](https://example.com)"
            ---
            Body [[C]]

            """
        #expect(
            propertyDump(text) == [
                "2:6 wiki Parent @up",
                "3:10 !wiki image.webp @banner",
                "5:6 wiki N|alias @related",
                "6:6 wiki N#Heading @related",
                "7:14 md N.md|t @source",
                "7:28 wiki B @source",
                "13:6 wiki C",
            ])
    }

    /// A property link's bytes are its own bytes in the front matter, never a range of the body.
    @Test func byteRangesAreTheLinksBytesInTheFrontMatter() throws {
        let text = "---\nup: \"[[P]]\"\nsee: [\"[[A]]\", \"[[A]]\"]\n---\n[[A]]\n"
        let note = NoteParser.parse(text, path: "N.md")
        let source = SourceText(text)
        let yaml = try #require(note.frontMatter?.yamlRange)
        let inProperties = note.links.filter { $0.property != nil }
        #expect(inProperties.map { source.string($0.byteRange) } == ["[[P]]", "[[A]]", "[[A]]"])
        #expect(
            inProperties.allSatisfy {
                yaml.contains($0.byteRange.lowerBound) && $0.byteRange.upperBound <= yaml.upperBound
            })
        // Two equal links of one list land on their own bytes.
        #expect(inProperties.map(\.position.description) == ["2:6", "3:8", "3:17"])
        #expect(note.links.last.map { "\($0.position) \($0.property ?? "body")" } == "5:1 body")
    }

    /// Where YAML changed the text (an escape), the link is placed at its string's first byte; columns are
    /// bytes, though libYAML counts Unicode scalars.
    @Test(arguments: [
        ("---\nup: \"\\x5B[A]]\"\n---\n", "2:5 wiki A @up"),
        ("---\nup: '[[It''s]]'\n---\n", "2:5 wiki It's @up"),
        ("---\nключ: \"\\x5B[A]]\"\n---\n", "2:11 wiki A @ключ"),
        ("---\nключ: \"é [[Café]]\"\n---\n", "2:15 wiki Café @ключ"),
        ("---\r\nup: \"[[P]]\"\r\n---\r\n", "2:6 wiki P @up"),
        ("\u{FEFF}---\nup: \"[[P]]\"\n---\n", "2:6 wiki P @up"),
        ("---\nup: >-\n  [[Folded\n  Name]]\n---\n", "2:5 wiki Folded Name @up"),
    ])
    func placedAtTheirBytes(_ text: String, expected: String) {
        #expect(propertyDump(text) == [expected])
    }

    @Test func checkedLikeBodyLinksAtThePropertysLine() {
        let findings = check([
            "A.md": """
            ---
            up: "[[Parnt]]"
            banner: "[[image.webp]]"
            see: ["[[B#Nope]]", "[[B#^blk]]", "[[B]]"]
            ---
            # A

            """,
            "B.md": "## Key\n\n[[A]]\n",
            "Parent.md": "[[A]]\n",
        ])
        #expect(
            findings == [
                "A.md:2:6: error: broken link [[Parnt]]: no note named Parnt (did you mean [[Parent]]?)",
                "A.md:3:10: error: missing attachment [[image.webp]]: no file named image.webp in the vault",
                "A.md:4:8: error: missing heading [[B#Nope]]: B has no heading Nope",
                "A.md:4:22: error: missing block [[B#^blk]]: B has no block ^blk",
                "Parent.md:1:1: warning: orphan note: no other note links to Parent",
            ])
    }

    @Test func aNoteLinkedOnlyFromAPropertyIsNoOrphan() {
        let findings = check([
            "Home.md": "[[Child]]\n",
            "Child.md": "---\nup: \"[[Parent]]\"\n---\n[[Home]]\n",
            "Parent.md": "# Parent\n",
        ])
        #expect(findings == [])
    }
}
