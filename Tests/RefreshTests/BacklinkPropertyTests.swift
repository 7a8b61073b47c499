import Testing

/// Notes composed at random from a fixed menu of blocks (seeded, so every run builds the same notes), each
/// through the rendering test of `RenderedNote`.
@Suite("Backlinks: generated notes render as before")
struct BacklinkPropertyTests {
    /// SplitMix64: small, and the same numbers on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Blocks a person writes in a Related section. `safeAfterGenerated` marks those that may follow an existing
    /// generated list: a `-` list or indented text there would continue it, and any list there would join a list
    /// of its kind before the subsection once the subsection goes (no placement can undo either).
    static let menu: [(text: String, safeAfterGenerated: Bool)] = [
        ("- [[Old]]\n- item", false),
        ("* star item", false),
        ("1. one\n2. two", false),
        ("- a\n  - nested\n    - deeper", false),
        ("- item\n  ```\n  code\n  ```", false),
        ("- [ ] task\n- [x] done", false),
        ("Some paragraph text.", true),
        ("*Created 2026-01-30*", true),
        ("<!--\ncomment\n-->", true),
        ("<!-- one line -->", true),
        ("%% hidden %%", true),
        ("> [!note]\n> - [[Old]]\n> quoted", true),
        ("| A | B |\n|---|---|\n| 1 | 2 |", true),
        ("```\ncode\n```", true),
        ("### Sub", true),
        ("---", true),
        ("    indented code", false),
        ("  two-space paragraph", false),
        ("<div>\nblock\n</div>", true),
    ]

    /// One note: optional front matter or byte-order mark, a Related heading (ATX or setext), a few blocks with
    /// zero to two blank lines between them, sometimes an existing generated list, sometimes a next section;
    /// `\n`, `\r\n` or `\r` line endings, with or without a final one.
    static func note(_ random: inout SeededGenerator) -> String {
        var lines: [String] = []
        let start = Int.random(in: 0..<4, using: &random)
        if start == 0 { lines += ["---", "tags: [x]", "---"] }
        if Bool.random(using: &random) { lines += ["# Title", "", "Intro.", ""] }
        lines += Bool.random(using: &random) ? ["## Related"] : ["Related", "-------"]
        let count = Int.random(in: 0...5, using: &random)
        let staleAt = Int.random(in: 0...(count + 3), using: &random)
        var afterGenerated = false
        for index in 0...count {
            if index == staleAt {
                lines += ["", "### Backlinks", "- [[Old]]"]
                if Bool.random(using: &random) { lines += ["- [[Linker one]]"] }
                afterGenerated = true
            }
            guard index < count else { break }
            let choices = menu.filter { !afterGenerated || $0.safeAfterGenerated }
            let block = choices.randomElement(using: &random)!.text
            var blanks = [0, 1, 1, 1, 2].randomElement(using: &random)!
            // A thematic break right under text would underline it as a heading; a block after a generated list
            // with no blank line between would be its lazy continuation (a case of its own).
            if block == "---" || afterGenerated { blanks = max(blanks, 1) }
            lines += [String](repeating: "", count: blanks)
            lines += block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            afterGenerated = false
        }
        if Bool.random(using: &random) { lines += ["", "## After", "text"] }
        let ending = ["\n", "\n", "\r\n", "\r"].randomElement(using: &random)!
        var text = lines.joined(separator: ending)
        if Int.random(in: 0..<4, using: &random) > 0 { text += ending }
        if start == 1 { text = "\u{FEFF}" + text }
        return text
    }

    @Test func fourHundredGeneratedNotes() {
        var random = SeededGenerator(state: 14)
        for number in 0..<400 {
            let text = Self.note(&random)
            let linked = number % 4 != 3
            RenderedNote.expectUnchangedRendering(
                text, linked: linked, exact: false, "note \(number): \(text.debugDescription)")
        }
    }
}
