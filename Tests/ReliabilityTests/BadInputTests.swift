import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The committed corpus of malformed inputs (`Tests/Fixtures/bad-input/`) plus the ones that cannot be
/// committed (huge, deeply nested, symbolic links, odd file names), each with the message it must give.
@Suite("Bad input: a clear message naming the file, the documented status, no other file changed")
struct BadInputTests {
    static let corpus = Repo.fixtures.appendingPathComponent("bad-input")

    /// A vault holding one bad note and a good note linking to it; orphans are not reported.
    static func vault(with name: String, data: Data, in scratch: Scratch) throws -> URL {
        let root = scratch.url.appendingPathComponent("vault")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("check:\n  severity: {orphan-note: off}\n".utf8).write(
            to: root.appendingPathComponent(".vaultgen.yml"))
        try Data("# Good\n\n[[\(name.replacingOccurrences(of: ".md", with: ""))]]\n".utf8)
            .write(to: root.appendingPathComponent("Good.md"))
        try data.write(to: root.appendingPathComponent(name))
        return root
    }

    /// Findings of `vaultgen check` for one file, as `line:column kind`, and the exit status.
    static func check(_ root: URL, file: String) throws -> (status: Int32, findings: [String], text: String) {
        let result = try CLI.run(["check", root.path, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let findings = (json?["findings"] as? [[String: Any]] ?? []).filter { ($0["path"] as? String) == file }
        let text = try CLI.run(["check", root.path]).out
        return (result.status, findings.map { "\($0["line"]!):\($0["column"]!) \($0["kind"]!)" }, text)
    }

    /// Each committed note case: the findings it must give (`line:column kind`), and one message fragment.
    static let noteCases: [(String, [String], String)] = [
        // The NUL starts line 4.
        ("binary.md", ["4:1 unreadable-note"], "binary.md:4:1: error: unreadable note: contains binary data"),
        ("latin1.md", ["4:1 unreadable-note"], "latin1.md:4:1: error: unreadable note: is not valid UTF-8 text"),
        // A NUL is valid UTF-8, so the note is read; YAML allows no control characters.
        ("nul-in-front-matter.md", ["2:1 front-matter"], "front matter is not valid YAML: 1:9: error: reader: control"),
        ("bom.md", ["6:1 broken-link"], "bom.md:6:1: error: broken link [[Missing after BOM]]"),
        ("crlf.md", ["4:1 broken-link"], "crlf.md:4:1: error: broken link [[Missing in CRLF]]"),
        ("cr-only.md", ["4:1 broken-link"], "cr-only.md:4:1: error: broken link [[Missing in CR]]"),
        ("unterminated-front-matter.md", ["1:1 front-matter"], "has no closing '---' line; it is read as markdown"),
        ("yaml-alias-bomb.md", ["2:1 front-matter"], "nests too deeply or expands too many aliases"),
        ("yaml-deep-nesting.md", ["2:1 front-matter"], "Maximum nesting level reached"),
        (
            "front-matter-list.md", ["2:1 front-matter"],
            "front-matter-list.md:2:1: error: front matter: front matter is not a mapping"
        ),
        ("front-matter-scalar.md", ["2:1 front-matter"], "front matter is not a mapping of properties"),
        (
            "front-matter-invalid.md", ["4:1 front-matter"],
            "front-matter-invalid.md:4:1: error: front matter: front matter is not valid YAML"
        ),
        ("front-matter-tab.md", ["3:1 front-matter"], "found character that cannot start any token"),
        ("front-matter-duplicate-key.md", ["2:1 front-matter"], "duplicated keys: title"),
        ("ragged-table.md", [], ""),
        ("unclosed-wikilinks.md", [], ""),
        ("half-edited-pair-table.md", [], ""),
        ("pair-table-extra-cell.md", [], ""),
        ("empty.md", [], ""),
        ("only-front-matter.md", [], ""),
        (
            "links-outside.md", ["3:1 broken-link", "3:22 broken-link", "3:39 broken-link", "3:64 broken-link"],
            "links-outside.md:3:1: error: broken link [[../../etc/passwd]]: ../../etc/passwd points outside the vault"
        ),
        ("pathological-backticks.md", [], ""),
        ("pathological-brackets.md", [], ""),
        ("pathological-emphasis.md", [], ""),
        ("huge-table.md", [], ""),
        ("control-chars.md", ["3:1 broken-link"], "broken link [[Good\\u{1b}]]: no note named Good\\u{1b}"),
        ("tags-only.md", [], ""),
        ("setext-front-matter.md", [], ""),
        ("comment-never-closed.md", [], ""),
    ]

    @Test(arguments: noteCases)
    func committedNote(_ name: String, findings expected: [String], message: String) throws {
        let scratch = try Scratch("bad-note")
        let data = try Scratch.read(Self.corpus.appendingPathComponent("notes/\(name)"))
        let root = try Self.vault(with: name, data: data, in: scratch)
        let (status, findings, text) = try Self.check(root, file: name)
        #expect(findings == expected)
        #expect(status == (expected.isEmpty || expected.allSatisfy { $0.hasSuffix("orphan-note") } ? 0 : 1))
        #expect(message.isEmpty || text.contains(message), "\(text)")
        // update reads the same vault and changes no file: a bad note is never rewritten.
        let before = scratch.files(root)
        let update = try CLI.run(["update", root.path, "--templates", Repo.templates.path])
        // These vaults have no price folder: a sector note among them makes that one error, exit 1.
        #expect(update.status == (update.err.contains(": no price files (") ? 1 : 0), "\(update.err)")
        #expect(scratch.files(root).filter { !$0.key.hasPrefix(".vaultgen/") } == before)
    }

    @Test func everyCommittedNoteCaseIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.corpus.appendingPathComponent("notes").path)
        #expect(Set(files) == Set(Self.noteCases.map(\.0)))
    }

    /// A pair table edited by hand keeps every row: readable rows get their own pair's value, a row that is
    /// not a row any more stays byte for byte and is reported; nothing is re-sorted or regenerated.
    @Test(arguments: [
        (
            "half-edited-pair-table.md",
            "half-edited-pair-table.md:11:14: warning: 0.68 not refreshed: the row has 1 cell, not 2 (edited by hand?)",
            ["| HUT - IREN | **0.68** |", "| HUT - WULF 0.68", "| IREN - WULF | 0.67 |"]
        ),
        ("pair-table-extra-cell.md", nil, ["| HUT - IREN | 0.68 | my comment |"]),
    ])
    func handEditedPairTableKeepsItsRows(_ name: String, warning: String?, rows: [String]) throws {
        let scratch = try Scratch("hand-edited")
        let data = try Scratch.read(Self.corpus.appendingPathComponent("notes/\(name)"))
        let root = try Self.vault(with: name, data: data, in: scratch)
        try FileManager.default.copyItem(at: Repo.samplePrices, to: root.appendingPathComponent("Prices"))
        let update = try CLI.run(
            ["update", root.path, "--templates", Repo.templates.path, "--strict", "--as-of", "2026-01-30"])
        if let warning {
            #expect(update.err.contains(warning), "\(update.err)")
            #expect(update.status == 1)
        } else {
            #expect(update.err == "")
            #expect(update.status == 0)
        }
        let after = String(decoding: try Scratch.read(root.appendingPathComponent(name)), as: UTF8.self)
        let table = after.components(separatedBy: "|---|---|\n")[1].split(separator: "\n").map(String.init)
        #expect(table == rows)
    }

    // MARK: Generated cases

    @Test func fiveMegabyteLine() throws {
        let scratch = try Scratch("huge-line")
        let line = String(repeating: "word ", count: 1_000_000) + "[[Missing at the end]]\n"
        let root = try Self.vault(with: "huge-line.md", data: Data(line.utf8), in: scratch)
        let (status, findings, _) = try Self.check(root, file: "huge-line.md")
        #expect(status == 1)
        #expect(findings == ["1:5000001 broken-link"])
    }

    @Test(arguments: [("quotes", "> "), ("lists", "- ")])
    func tenThousandNestingLevels(_ kind: String, marker: String) throws {
        let scratch = try Scratch("nested-\(kind)")
        var text = ""
        for level in 0..<10_000 {
            text +=
                (kind == "quotes"
                    ? String(repeating: ">", count: level + 1) + " " : String(repeating: "  ", count: level) + marker)
            text += "level \(level)\n"
        }
        text += "\n[[Missing after nesting]]\n"
        let root = try Self.vault(with: "nested.md", data: Data(text.utf8), in: scratch)
        let (status, findings, _) = try Self.check(root, file: "nested.md")
        #expect(status == 1)
        #expect(findings == ["10002:1 broken-link"])
    }

    @Test func symbolicLinksThatLoopLeaveOrLeadNowhere() throws {
        let scratch = try Scratch("symlinks")
        let root = try Self.vault(with: "Plain.md", data: Data("[[Good]]\n".utf8), in: scratch)
        symlink(root.path, root.appendingPathComponent("loop").path)
        symlink("/etc", root.appendingPathComponent("outside").path)
        symlink("/etc/hostname", root.appendingPathComponent("hostname.md").path)
        symlink(root.appendingPathComponent("nowhere.md").path, root.appendingPathComponent("dangling.md").path)
        let result = try CLI.run(["check", root.path])
        #expect(result.out.contains("dangling.md:1:1: warning: skipped file: a symbolic link that leads nowhere"))
        #expect(
            result.out.contains("hostname.md:1:1: warning: skipped file: a symbolic link to a place outside the vault"))
        #expect(result.out.contains("loop:1:1: warning: skipped file: a symbolic link to a folder already read"))
        #expect(result.out.contains("outside:1:1: warning: skipped file: a symbolic link to a place outside the vault"))
        #expect(result.status == 0)
    }

    @Test func fileNamesWithANewlineOrInvalidUTF8() throws {
        let scratch = try Scratch("names")
        let root = try Self.vault(with: "Plain.md", data: Data("[[Good]]\n".utf8), in: scratch)
        try Data("[[Missing]]\n".utf8).write(to: root.appendingPathComponent("two\nlines.md"))
        // A name that is not UTF-8, made with raw bytes.
        var bytes = Array((root.path + "/latin").utf8) + [0xE9] + Array(".md".utf8) + [0]
        let fd = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        if fd >= 0 {
            _ = "[[Missing too]]\n".withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
        let result = try CLI.run(["check", root.path])
        #expect(result.out.contains("two\\u{a}lines.md:1:1: error: broken link [[Missing]]"), "\(result.out)")
        #expect(
            result.out.contains("latin\u{FFFD}.md:1:1: warning: skipped file: the file name is not valid UTF-8"),
            "\(result.out)")
        #expect(result.out.split(separator: "\n").allSatisfy { !$0.isEmpty })
        #expect(result.status == 1)
    }

    // MARK: Price files

    static let priceCases: [(String, String)] = [
        ("DUPDATE", "Prices/DUPDATE.csv:4: duplicate date 2024-01-03"),
        ("ZERO", "Prices/ZERO.csv:3:"),
        ("NEGATIVE", "Prices/NEGATIVE.csv:3:"),
        ("WORDS", "Prices/WORDS.csv:3:"),
        ("NANPRICE", "Prices/NANPRICE.csv:3:"),
        ("INFPRICE", "Prices/INFPRICE.csv:3:"),
        ("COLUMNS", "Prices/COLUMNS.csv:3:"),
        ("HEADER", "Prices/HEADER.csv:1:"),
        ("BADDATE", "Prices/BADDATE.csv:3:"),
        ("EMPTY", "Prices/EMPTY.csv:"),
        ("HEADONLY", "Prices/HEADONLY.csv:"),
        ("BINARY", "Prices/BINARY.csv"),
        ("BLANKS", "Prices/BLANKS.csv:"),
    ]

    @Test(arguments: priceCases)
    func badPriceFile(_ ticker: String, message: String) throws {
        let scratch = try Scratch("bad-price")
        let note = """
            ---
            tickers: [HUT, IREN, \(ticker)]
            ---
            Cluster (0.10 correlation).

            - HUT-IREN correlation: 0.10 (weak)

            """
        let root = try Self.vault(with: "Sector.md", data: Data(note.utf8), in: scratch)
        let prices = root.appendingPathComponent("Prices")
        try FileManager.default.createDirectory(at: prices, withIntermediateDirectories: true)
        for good in ["HUT", "IREN"] {
            try FileManager.default.copyItem(
                at: Repo.samplePrices.appendingPathComponent("\(good).csv"),
                to: prices.appendingPathComponent("\(good).csv"))
        }
        try FileManager.default.copyItem(
            at: Self.corpus.appendingPathComponent("prices/\(ticker).csv"),
            to: prices.appendingPathComponent("\(ticker).csv"))
        let badBefore = try Scratch.read(prices.appendingPathComponent("\(ticker).csv"))
        let update = try CLI.run(["update", root.path, "--templates", Repo.templates.path])
        #expect(update.status == 0)
        #expect(
            update.err.contains(
                "Sector.md:2:1: warning: group figures not refreshed: no usable prices for \(ticker) ("),
            "\(update.err)")
        #expect(update.err.contains(message), "\(update.err)")
        let after = try String(contentsOf: root.appendingPathComponent("Sector.md"), encoding: .utf8)
        #expect(after.contains("Cluster (0.10 correlation)."))
        #expect(after.contains("- HUT-IREN correlation: 0.68 (strong)"))
        #expect(try Scratch.read(prices.appendingPathComponent("\(ticker).csv")) == badBefore)
        let corr = try CLI.run(["corr", "HUT", "IREN", ticker, "--vault", root.path])
        #expect(corr.status == 1)
        #expect(corr.err.contains(message), "\(corr.err)")
        #expect(corr.out.contains("HUT-IREN") && corr.out.contains("  0.68  "))
    }

    @Test func everyCommittedPriceCaseIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.corpus.appendingPathComponent("prices").path)
        #expect(Set(files) == Set(Self.priceCases.map { "\($0.0).csv" }))
    }

    // MARK: Config files

    static let configCases: [(String, String)] = [
        (
            "invalid-yaml.yml",
            ".vaultgen.yml:3: not valid YAML: did not find expected ',' or '}' (while parsing a flow mapping)"
        ),
        ("unknown-key.yml", ".vaultgen.yml:2: unknown key 'price'"),
        ("wrong-type.yml", ".vaultgen.yml:2: min-overlap must be a whole number of at least 2"),
        ("prices-outside.yml", ".vaultgen.yml:1: prices must be a folder inside the vault, not '../../etc'"),
        ("prices-absolute.yml", ".vaultgen.yml:1: prices must be a folder inside the vault, not '/etc'"),
        ("not-a-mapping.yml", ".vaultgen.yml:1: the file must be a mapping of keys"),
    ]

    @Test(arguments: configCases)
    func badConfig(_ name: String, message: String) throws {
        let scratch = try Scratch("bad-config")
        let root = try Self.vault(with: "Plain.md", data: Data("[[Good]]\n".utf8), in: scratch)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".vaultgen.yml"))
        try FileManager.default.copyItem(
            at: Self.corpus.appendingPathComponent("configs/\(name)"), to: root.appendingPathComponent(".vaultgen.yml"))
        let before = scratch.files(root)
        for command in [["check", root.path], ["update", root.path, "--templates", Repo.templates.path]] {
            let result = try CLI.run(command)
            #expect(result.status == 2)
            #expect(result.err.contains(root.path + "/" + message), "\(result.err)")
        }
        #expect(scratch.files(root).filter { !$0.key.hasPrefix(".vaultgen/") } == before)
    }
}
