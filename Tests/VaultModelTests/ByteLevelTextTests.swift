import Foundation
import Testing

@testable import VaultModel

/// The helpers that read separators, line ends and encodings from UTF-8 bytes instead of Characters.
@Suite struct ByteLevelTextTests {
    @Test func pathPartsAreSplitAtTheirAsciiSeparators() {
        #expect(VaultPath.fileName(of: "Zürich/Öl werke.md") == "Öl werke.md")
        #expect(VaultPath.fileName(of: "Note.md") == "Note.md")
        #expect(VaultPath.folder(of: "a/b/Ñame.md") == "a/b")
        #expect(VaultPath.folder(of: "Ñame.md") == "")
        #expect(VaultPath.stem(of: "Sectors/Crème Brûlée.MD") == "Crème Brûlée")
        #expect(VaultPath.stem(of: "Attachments/chart.png") == "chart.png")
        #expect(VaultPath.fileExtension(of: "Attachments/Chart.PNG") == "png")
        #expect(VaultPath.fileExtension(of: "a.b/.hidden") == "")
        #expect(VaultPath.fileExtension(of: "a.b/none") == "")
    }

    @Test func markdownExtensionIsDotMdInAnyCase() {
        for yes in ["a.md", "a.MD", "a.Md", "ü.md", "Folder/x.mD"] { #expect(VaultPath.hasMarkdownExtension(yes)) }
        for no in [".md", "md", "a.mdx", "a.m", "a_md", "a.ｍｄ", "a.md\u{301}", "a.nd", "a.me"] {
            #expect(!VaultPath.hasMarkdownExtension(no), "\(no)")
        }
    }

    @Test func normalisingDropsDotsAndEmptyParts() {
        #expect(VaultPath.normalize("a/./b//c") == "a/b/c")
        #expect(VaultPath.normalize("a/b/../ü") == "a/ü")
        #expect(VaultPath.normalize("../x") == nil)
        #expect(VaultPath.normalize("a/..") == "")
        #expect(VaultPath.normalize("a.b/..c/.d") == "a.b/..c/.d")
    }

    @Test func aSchemeMakesALinkExternal() {
        for external in ["https://x.org/a", "mailto:a@b.c", "obsidian://open?vault=v", "a+b-c.d:rest", "Z9:x"] {
            #expect(ProseScanner.isExternal(external), "\(external)")
        }
        for local in ["Note.md", ":x", "9p:x", "a b:c", "ü:x", "Folder/Note.md#Time: 10", "a_b:c"] {
            #expect(!ProseScanner.isExternal(local), "\(local)")
        }
    }

    @Test func aFragmentSplitsAtItsFirstHash() {
        #expect(ProseScanner.splitFragment("Note#Head#Sub") == ("Note", "Head#Sub"))
        #expect(ProseScanner.splitFragment(" Ñote # Ü ") == ("Ñote", "Ü"))
        #expect(ProseScanner.splitFragment("Note") == ("Note", nil))
    }

    @Test func anchorsAreHeadingChainsOrBlocks() {
        func anchor(_ fragment: String?) -> Link.Anchor {
            Link(
                style: .wiki, isEmbed: false, target: "N", fragment: fragment, display: nil, raw: "",
                position: SourcePosition(line: 1, column: 1), byteRange: 0..<0
            ).anchor
        }
        #expect(anchor("A#B") == .headings(["A", "B"]))
        #expect(anchor(" Über \t# B ") == .headings(["Über", "B"]))
        #expect(anchor("##A") == .headings(["A"]))
        #expect(anchor("# \t#") == .none)
        #expect(anchor("^id-1") == .block("id-1"))
        #expect(anchor("") == .none)
        #expect(anchor(nil) == .none)
    }

    /// Line starts with and without carriage returns (two paths: memchr for `\n` only, a byte loop otherwise).
    @Test(arguments: [
        ("", [0]), ("a", [0]), ("a\n", [0, 2]), ("a\nbc\n\nd", [0, 2, 5, 6]), ("\n\n", [0, 1, 2]),
        ("a\r\nb", [0, 3]), ("a\rb\nc", [0, 2, 4]), ("a\r", [0, 2]), ("ü\nö\r\n", [0, 3, 7]),
    ])
    func lineStartsFollowEveryKindOfLineEnd(text: String, starts: [Int]) {
        #expect(SourceText(text).lineStarts == starts)
    }

    @Test func utf8IsValidatedAfterALongAsciiStart() {
        let ascii = Array(repeating: UInt8(0x61), count: 37)
        #expect(Vault.isValidUTF8([]))
        #expect(Vault.isValidUTF8(ascii))
        #expect(Vault.isValidUTF8(ascii + Array("é€😀".utf8) + ascii))
        for bad: [UInt8] in [
            [0xC3, 0x28], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF],
        ] {
            #expect(!Vault.isValidUTF8(ascii + bad), "\(bad)")
            #expect(!Vault.isValidUTF8(ascii + Array("é".utf8) + bad + ascii), "\(bad)")
            #expect(!Vault.isValidUTF8(bad + ascii), "\(bad)")
        }
    }
}
