import Testing

@testable import VaultModel

/// Resolves `target` written in `from` and names the file it lands on, or what went wrong.
func resolve(_ target: String, from: String = "Notes/Here.md", in paths: [String]) -> String {
    let notes = paths.filter { $0.hasSuffix(".md") }
    let vault = Vault(
        texts: Dictionary(uniqueKeysWithValues: notes.map { ($0, "") }),
        attachments: paths.filter { !$0.hasSuffix(".md") })
    let resolver = LinkResolver(index: VaultIndex(vault))
    switch resolver.resolve(target, from: from) {
    case .missing: return "missing"
    case .outsideVault: return "outside"
    case .file(let i, let ambiguity):
        let path = resolver.index.files[i].path
        return ambiguity.map { "\(path) (ambiguous: \($0.reason))" } ?? path
    }
}

@Suite("Link resolution, as Obsidian resolves")
struct LinkResolverTests {
    let files = ["Notes/Here.md", "a/b/N.md", "Attachments/chart.png", "Sectors/DC REITs.md", "Café.md"]

    @Test func mdExtensionIsOptionalForNotes() {
        #expect(resolve("DC REITs", in: files) == "Sectors/DC REITs.md")
        #expect(resolve("DC REITs.md", in: files) == "Sectors/DC REITs.md")
    }

    @Test func otherFilesNeedTheirExtension() {
        #expect(resolve("chart.png", in: files) == "Attachments/chart.png")
        #expect(resolve("chart", in: files) == "missing")
    }

    @Test func pathSuffixMatchesAtFolderBoundaries() {
        #expect(resolve("b/N", in: files) == "a/b/N.md")
        #expect(resolve("a/b/N", in: files) == "a/b/N.md")
        #expect(resolve("/a/b/N", in: files) == "a/b/N.md")
        #expect(resolve("x/N", in: files) == "missing")
        #expect(resolve("/b/N", in: files) == "missing")
    }

    @Test func caseAndUnicodeNormalisationDoNotMatter() {
        #expect(resolve("dc reits", in: files) == "Sectors/DC REITs.md")
        #expect(resolve("Cafe\u{301}", in: files) == "Café.md")  // NFD typed, NFC on disk
        #expect(resolve("Café", in: ["Notes/Here.md", "Cafe\u{301}.md"]) == "Cafe\u{301}.md")
    }

    @Test func relativePathsHaveNoFallback() {
        #expect(resolve("../a/b/N", in: files) == "a/b/N.md")
        #expect(resolve("./N", in: files) == "missing")
        #expect(resolve("../../../etc/passwd", in: files) == "outside")
    }

    @Test func dotsAndDoubleSlashesInsideAPathAreNormalised() {
        #expect(resolve("a//b/N", in: files) == "a/b/N.md")
        #expect(resolve("a/./b/N", in: files) == "a/b/N.md")
        #expect(resolve("a/b/N/", in: files) == "a/b/N.md")
        #expect(resolve("a/x/../b/N", in: files) == "a/b/N.md")
        #expect(resolve("a/b/N/.", in: files) == "a/b/N.md")
        #expect(resolve("a/../../N", in: files) == "outside")
        #expect(resolve("a/b.c/N", in: files) == "missing")  // a dot inside a name is not a component
    }

    @Test func ambiguityPrefersExactPathThenOwnFolderThenShortest() {
        let many = ["Notes/Here.md", "N.md", "Notes/N.md", "x/y/N.md"]
        #expect(resolve("N", in: many) == "N.md (ambiguous: its vault path is exactly the link's)")
        let noRoot = ["Notes/Here.md", "Notes/N.md", "x/y/N.md", "z/N.md"]
        #expect(resolve("N", in: noRoot) == "Notes/N.md (ambiguous: it is in the linking note's folder)")
        let elsewhere = ["Notes/Here.md", "x/y/N.md", "z/N.md"]
        #expect(resolve("N", in: elsewhere) == "z/N.md (ambiguous: its path is the shortest)")
    }

    @Test func headingMatchIgnoresCasePunctuationAndSpaces() {
        #expect(VaultIndex.headingKey("Why  this cluster: exists!") == VaultIndex.headingKey("why this cluster exists"))
        #expect(VaultIndex.headingKey("Key actors") != VaultIndex.headingKey("Key factors"))
        // The ASCII fast path and the Unicode path agree on what counts.
        #expect(VaultIndex.headingKey("  Hello,  World 42! ") == "hello world 42")
        #expect(VaultIndex.headingKey("Ärger: Über 42 — Straße") == "ärger über 42 straße")
    }
}
