import Testing

/// Ways people write a Related section, each a whole note, for the rendering test.
///
/// Notes marked `exact: false` have text right after the place the list goes (no blank line): vaultgen adds
/// one after its list, and taking the list away again leaves that blank line (same rendering, one more line).
enum RelatedLayouts {
    struct Layout: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var exact = true
        var testDescription: String { name }
    }

    static func layout(_ name: String, _ text: String, exact: Bool = true) -> Layout {
        Layout(name: name, text: text, exact: exact)
    }

    static let all: [Layout] = [
        layout("list then paragraph (U1)", "# T\n\n## Related\n- [[Old]]\n\nA closing paragraph.\n"),
        layout("list then multi-line comment (U2)", "## Related\n- [[Old]]\n\n<!--\nnote\nto self\n-->\n"),
        layout("only a multi-line comment", "## Related\n\n<!--\nnote\n-->\n"),
        layout("setext heading, empty (U3)", "Intro.\n\nRelated\n-------\n"),
        layout("setext heading with a list", "Related\n-------\n\n- [[Old]]\n- other\n\n*Created 2026-01-30*\n"),
        layout("item ending in a fence (U4)", "## Related\n- [[Old]]\n  ```\n  code\n  ```\n\nAfter the code.\n"),
        layout(
            "seed layout", "## Related\n\n### Parent\n- [[Old]] — parent\n\n### Concepts\n- x\n\n*Created 2026-01-30*\n"
        ),
        layout("new sector layout", "# N\n\n## Related\n\n*Created 2026-01-30*\n"),
        layout("nested lists", "## Related\n- [[Old]]\n  - child\n    - grandchild\n\nfooter\n"),
        layout("nested list last", "## Related\n- a\n  - b\n    - c\n"),
        layout("list, paragraph, list, footer", "## Related\n- a\n\nBetween.\n\n- b\n- c\n\n*footer*\n"),
        layout("ordered list", "## Related\n1. [[Old]]\n2. two\n\nfooter\n"),
        layout("star and plus lists", "## Related\n* [[Old]]\n\n+ other\n\nfooter\n"),
        layout("loose list", "## Related\n- a\n\n  more of a\n\n- b\n\n*footer*\n"),
        layout("lazy footer already in the list", "## Related\n- a\n*Created 2026-01-30*\n"),
        layout("percent comment", "## Related\n- a\n\n%% hidden %%\n"),
        layout("multi-line percent comment", "## Related\n- a\n\n%%\nhidden\n%%\n\nfooter\n"),
        layout("callout only", "## Related\n> [!note]\n> - [[Old]]\n> - other\n\nfooter\n", exact: false),
        layout("list then callout", "## Related\n- a\n\n> [!tip] Later\n> quoted\n"),
        layout("table only", "## Related\n| Note | Why |\n|---|---|\n| [[Old]] | old |\n", exact: false),
        layout("list then table", "## Related\n- a\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"),
        layout("code fence at the end", "## Related\n- a\n\n```\ncode\n```\n"),
        layout("code fence left open", "## Related\n- a\n\n```\nnever closed\n"),
        layout("only an open fence", "## Related\n```\nnever closed\n", exact: false),
        layout("indented code", "## Related\n\n    code\n\nfooter\n"),
        layout("CRLF", "## Related\r\n\r\n- [[Old]]\r\n\r\n*Created 2026-01-30*\r\n"),
        layout("CR only", "## Related\r\r- [[Old]]\r\r*Created 2026-01-30*\r"),
        layout("no final newline", "## Related\n- a\n\n*Created 2026-01-30*"),
        layout("no final newline after a list", "## Related\n- a"),
        layout("byte-order mark", "\u{FEFF}# T\n\n## Related\n- [[Old]]\n\nfooter\n"),
        layout("front matter", "---\ntags: [a]\nup: x\n---\n# T\n\n## Related\n- [[Old]]\n\nfooter\n"),
        layout("two Related sections", "## Related\n- a\n\nfirst\n\n## Other\ntext\n\n## Related\n- b\n\nsecond\n"),
        layout("Related last, empty", "# T\n\nBody.\n\n## Related\n"),
        layout("Related last, no newline", "# T\n\nBody.\n\n## Related"),
        layout("next section right after", "## Related\n- a\n## Next\ntext\n", exact: false),
        layout("next section after a blank", "## Related\n- a\n\n## Next\ntext\n"),
        layout("empty Related then next", "## Related\n## Next\n", exact: false),
        layout("next section is setext", "## Related\n- a\n\nNext\n----\ntext\n"),
        layout("next section is level 1", "## Related\n- a\n\n# Top\n"),
        layout("stale generated list", "## Related\n- a\n\n### Backlinks\n- [[Old]]\n- [[Older]]\n\nfooter\n"),
        layout("current generated list", "## Related\n- a\n\n### Backlinks\n- [[Linker one]]\n- [[Zed]]\n"),
        layout("generated list without a blank before", "## Related\n- a\n### Backlinks\n- [[Old]]\n\nfooter\n"),
        layout("generated list with text right after", "## Related\n- a\n\n### Backlinks\n- [[Old]]\nmine\n"),
        layout("own subsection with prose", "## Related\n\n### See also\nSome prose.\n"),
        layout("thematic break", "## Related\n- a\n\n---\n\nfooter\n"),
        layout("one-line HTML", "## Related\n- a\n\n<div>x</div>\n"),
        layout("multi-line HTML", "## Related\n- a\n\n<div>\nx\n</div>\n\nfooter\n"),
        layout("whitespace blank lines", "## Related\n- a\n   \n\t\nfooter\n"),
        layout("two blank lines", "## Related\n- a\n\n\nfooter\n"),
        layout("block ids", "## Related\n- a ^item\n\nfooter ^end\n"),
        layout("setext footer trap", "## Related\n- a\n\nCreated\n---\n"),
        layout("reference definition", "## Related\n- [x]\n\n[x]: https://example.com\n\nfooter\n"),
        layout("unicode", "## Related\n- [[Ölé]] — 日本語 ✓\n\n*Créé le 30*\n"),
        layout("closing hashes", "## Related ##\n- a\n"),
        layout("indented ordered footer", "## Related\n1. a\n\n  indented footer\n"),
        layout("item ending in an open fence", "## Related\n- a\n  ```\n  code\n\n*Created*\n"),
        layout(
            "nested item ending in a fence", "## Related\n- a\n  - b\n    ```\n    c\n    ```\nlazy?\n\nend\n",
            exact: false),
        layout("Related in a quote is not the section", "> ## Related\n> - a\n\n## Related\n- b\n"),
        layout("list inside a quote only", "## Related\n> - a\n> - b\n", exact: false),
        layout("heading then list in section", "## Related\n### Mine\n- a\n### More\nprose\n", exact: false),
    ]
}
