import Testing

@testable import VaultModel

/// One line per link: `line:column [!]wiki|md target#fragment|display`.
func dump(_ links: [Link]) -> [String] {
    links.map { link in
        var out =
            "\(link.position.line):\(link.position.column) \(link.isEmbed ? "!" : "")\(link.style == .wiki ? "wiki" : "md") \(link.target)"
        if let fragment = link.fragment { out += "#\(fragment)" }
        if let display = link.display { out += "|\(display)" }
        return out
    }
}

func links(_ text: String) -> [String] { dump(NoteParser.parse(text, path: "Note.md").links) }

@Suite("Every link form Obsidian reads, with its position")
struct LinkFormTests {
    @Test(arguments: [
        ("See [[N]].", "1:5 wiki N"),
        ("[[N.md]]", "1:1 wiki N.md"),
        ("[[ N ]]", "1:1 wiki N"),
        ("x [[N|alias]]", "1:3 wiki N|alias"),
        ("[[N#Heading]]", "1:1 wiki N#Heading"),
        ("[[N#A#B]]", "1:1 wiki N#A#B"),
        ("[[N#^block-1]]", "1:1 wiki N#^block-1"),
        ("[[#Heading]]", "1:1 wiki #Heading"),
        ("[[Sq]uare]]", "1:1 wiki Sq]uare"),
        ("![[file.png]]", "1:1 !wiki file.png"),
        ("![[img.png|100x145]]", "1:1 !wiki img.png|100x145"),
        ("![[doc.pdf#page=3]]", "1:1 !wiki doc.pdf#page=3"),
        ("![[N#Heading]]", "1:1 !wiki N#Heading"),
        ("![[N#^id]]", "1:1 !wiki N#^id"),
        ("[t](My%20Note.md)", "1:1 md My Note.md|t"),
        ("[t](<My Note.md>)", "1:1 md My Note.md|t"),
        ("[t](../N.md#H)", "1:1 md ../N.md#H|t"),
        ("![pic](a/b.png)", "1:1 !md a/b.png|pic"),
        ("é [[Café]]", "1:4 wiki Café"),
    ])
    func readsForm(text: String, expected: String) {
        #expect(links(text) == [expected])
    }

    @Test func escapedPipeInTableRowSeparatesAlias() {
        let text = "| Company | Ticker |\n|---|---|\n| [[Core Scientific\\|CORZ]] | CORZ |\n"
        #expect(links(text) == ["3:3 wiki Core Scientific|CORZ"])
    }

    @Test func linksOnLaterLinesAndInsideEmphasisKeepTheirPositions() {
        let text = "# Title\n\nSome *[[A *b* c]]* text\nand [[B]] then [[C|c]]\n"
        #expect(links(text) == ["3:7 wiki A *b* c", "4:5 wiki B", "4:16 wiki C|c"])
    }

    @Test func referenceDefinitionDoesNotHideWikiLink() {
        let text = "[[Note]] here.\n\n[Note]: /x\n"
        #expect(links(text) == ["1:1 wiki Note"])
    }

    @Test func positionsCountFrontMatterLines() {
        let text = "---\naliases: [A]\n---\n# H\n\n[[X]]\n"
        #expect(links(text) == ["6:1 wiki X"])
    }

    @Test func linksInListsAndQuotes() {
        let text = "- item [[A]]\n  - nested [[B]]\n\n> quote [[C]]\n"
        #expect(links(text) == ["1:8 wiki A", "2:12 wiki B", "4:9 wiki C"])
    }

    @Test(arguments: [
        "[ext](https://example.com/a.md)",
        "[mail](mailto:a@b.c)",
        "[o](obsidian://open?vault=x)",
        "<https://example.com>",
    ])
    func externalURLsAreNotVaultLinks(text: String) {
        #expect(links(text) == [])
    }

    @Test func markdownLinkToSameNoteHeading() {
        #expect(links("[up](#Top)") == ["1:1 md #Top|up"])
    }
}

@Suite("What does not count as a link")
struct ExclusionTests {
    @Test(arguments: [
        ("fenced code", "```\n[[A]]\n```\n"),
        ("tilde fence", "~~~md\n[[A]]\n~~~\n"),
        ("indented code", "para\n\n    [[A]]\n"),
        ("inline code", "see `[[A]]` here"),
        ("double backtick code", "see `` `[[A]]` `` here"),
        ("html block", "<div>\n[[A]]\n</div>\n"),
        ("comment", "text %%[[A]]%% text"),
        ("block comment over paragraphs", "%%\n[[A]]\n\n[[B]]\n%%\n"),
        ("math block", "$$\n[[A]]\n$$\n"),
        ("escaped brackets", "\\[\\[A]]"),
        ("unclosed wiki-link", "[[A never closes"),
        ("wiki-link across lines", "[[A\nB]]"),
        ("empty wiki-link", "[[]]"),
    ])
    func notALink(_ name: String, text: String) {
        #expect(links(text) == [], "\(name)")
    }

    @Test func textAfterACommentStillCounts() {
        #expect(links("%% hidden [[A]] %% [[B]]") == ["1:20 wiki B"])
    }

    @Test func unclosedBacktickIsLiteral() {
        #expect(links("a ` b [[A]]") == ["1:7 wiki A"])
    }
}

@Suite("Inline HTML comments: `<!--` up to the first `-->` in the block, as CommonMark 0.31 reads them")
struct InlineCommentTests {
    @Test(arguments: [
        ("inside a paragraph", "Text <!-- [[x]] --> more [[B]]", ["1:26 wiki B"]),
        ("over lines of one paragraph", "Text <!-- a\n[[x]] and\n[[y]] --> [[B]]\n", ["3:11 wiki B"]),
        ("an embed and a markdown link", "a <!-- ![[p.png]] [t](N.md) --> b", []),
        ("two comments", "a <!--[[x]]--> [[A]] <!-- [[y]] -->", ["1:16 wiki A"]),
        ("in a heading", "# Title <!-- [[x]] -->\n", []),
        ("in a list item", "- item <!-- [[x]] --> [[A]]\n", ["1:23 wiki A"]),
        ("in a table cell", "| a | b |\n|---|---|\n| <!-- [[x]] --> | [[A]] |\n", ["3:20 wiki A"]),
        ("hides a tag and a %% opener", "a <!-- #tag %% --> [[A]]", ["1:20 wiki A"]),
        // A line that starts with `<!--` opens an HTML block, which runs to the end of the line holding `-->`.
        ("an HTML block, not inline", "<!-- [[x]] --> [[y]]\n\n[[A]]", ["3:1 wiki A"]),
        // `<!-->` and `<!--->` are whole comments: what follows is text.
        ("empty comment <!-->", "a <!--> [[A]] -->", ["1:9 wiki A"]),
        ("empty comment <!--->", "a <!---> [[A]] -->", ["1:10 wiki A"]),
        ("<!---->", "a <!----> [[A]]", ["1:11 wiki A"]),
        // Without a `-->` in the same paragraph, `<!--` is literal text (CommonMark): the link counts.
        ("unclosed", "Text <!-- [[x]] more", ["1:11 wiki x"]),
        ("closed only in the next paragraph", "a <!-- [[x]]\n\n[[A]] -->\n", ["1:8 wiki x", "3:1 wiki A"]),
        ("escaped", "\\<!-- [[A]] -->", ["1:7 wiki A"]),
        ("in a code span", "`<!--` [[A]] `-->`", ["1:8 wiki A"]),
        ("not a comment opener", "a <! [[A]] <- [[B]] <!- [[C]]", ["1:6 wiki A", "1:15 wiki B", "1:25 wiki C"]),
    ])
    func inlineComment(_ name: String, text: String, expected: [String]) {
        #expect(links(text) == expected, "\(name)")
    }
}

@Suite("Headings, block ids and tags")
struct NoteElementTests {
    @Test func headingsWithLevelTextAndLine() {
        let note = NoteParser.parse(
            "# One\n\ntext\n\n## Two words ##\n\nSetext\n---\n\n### Three [[L]]\n", path: "N.md")
        let headings = note.headings.map { "\($0.level) \($0.text) @\($0.line)" }
        #expect(headings == ["1 One @1", "2 Two words @5", "2 Setext @7", "3 Three [[L]] @10"])
    }

    /// ATX heading text: an ASCII line is read from its bytes, any other by Characters; both follow one rule.
    @Test(arguments: [
        ("# Plain", "Plain"), ("##   Spaced  \t", "Spaced"), ("## Closed ##", "Closed"), ("## Closed ## \t", "Closed"),
        ("## Hash#", "Hash#"), ("## C# and F#", "C# and F#"), ("## Tab\t#", "Tab"), ("## ###", ""), ("#", ""),
        ("###", ""), ("# #a", "#a"), ("## Ünïcode ##", "Ünïcode"), ("## Ünï#", "Ünï#"),
        ("# \u{3000}Wide\u{3000}", "Wide"),
        ("   ## Indented ##", "Indented"),
    ])
    func atxHeadingTextDropsMarksAndAClosingSequence(line: String, text: String) {
        #expect(NoteParser.parse(line + "\n", path: "N.md").headings.map(\.text) == [text])
    }

    @Test func headingsInsideCodeAreNotHeadings() {
        let note = NoteParser.parse("```\n# Not\n```\n# Yes\n", path: "N.md")
        #expect(note.headings.map(\.text) == ["Yes"])
    }

    @Test func blockIDsAtParagraphEndOrOnTheirOwnLine() {
        let text =
            "First para ^first\n\n- item\n- item two ^in-list\n\n^after-list\n\n| a | b |\n|---|---|\n\n^tbl\n\nnot^anid here\n"
        let ids = NoteParser.parse(text, path: "N.md").blockIDs.map { "\($0.id)@\($0.line)" }
        #expect(ids == ["first@1", "in-list@4", "after-list@6", "tbl@11"])
    }

    @Test func tagsInTextAndFrontMatter() {
        let text =
            "---\ntags: [fm, \"x/y\"]\n---\n#sector #data-center #a/b not#tag #1984 #2024q1\n`#code` https://x.com/#frag\n"
        #expect(NoteParser.parse(text, path: "N.md").tags == ["fm", "x/y", "sector", "data-center", "a/b", "2024q1"])
    }

    @Test func tagPositions() {
        let note = NoteParser.parse("text\n  #one and #two\n", path: "N.md")
        #expect(note.tags == ["one", "two"])
        let tags = ProseScannerProbe.tags("text\n  #one and #two\n")
        #expect(tags == ["one@2:3", "two@2:12"])
    }
}

/// Scans a note's prose and returns its tags with positions.
enum ProseScannerProbe {
    static func tags(_ text: String) -> [String] {
        let source = SourceText(text)
        var scanner = ProseScanner(source: source)
        for block in CmarkDocument.parseBlocks(text) where block.kind == .paragraph {
            scanner.scan(NoteParser.proseRange(of: block, in: source))
        }
        return scanner.tags.map { "\($0.name)@\($0.position)" }
    }
}
