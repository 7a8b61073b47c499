import Foundation
import Refresh
import Testing
import VaultModel

/// Renaming from strings: a vault of texts in, the texts after the rename out.
@Suite("Renaming a note, an attachment or a folder keeps every link whole")
struct RenamePlannerTests {
    /// The vault after applying `plan` in memory: rewritten notes, then moved files.
    static func apply(_ plan: RenamePlan, to texts: [String: String]) -> [String: String] {
        var out = texts
        for rewrite in plan.rewrites { out[rewrite.path] = String(decoding: rewrite.updated, as: UTF8.self) }
        for move in plan.moves where out[move.from] != nil { out[move.to] = out.removeValue(forKey: move.from) }
        return out
    }

    static func rename(
        _ texts: [String: String], attachments: [String] = [], _ old: String, _ new: String,
        options: RenamePlanner.Options = .init()
    ) throws -> (texts: [String: String], plan: RenamePlan) {
        let vault = Vault(texts: texts, attachments: attachments)
        let planner = RenamePlanner(vault: vault, sources: vault.notes.map { SourceText(texts[$0.path]!) })
        let plan = try planner.plan(old: old, new: new, options: options)
        return (apply(plan, to: texts), plan)
    }

    static let companies: [String: String] = [
        "Companies/IREN.md": "---\nticker: IREN\n---\n# IREN\n\n## Strategy\nHosting. ^plan\n",
        "Companies/Hut 8.md": "# Hut 8\n\nPeer of [[IREN]] and [[IREN#Strategy|its plan]].\n",
        "Sectors/Miners.md": """
        ---
        up: "[[IREN]]"
        ---
        | Company | Ticker |
        |---|---|
        | [[IREN\\|Iris]] | IREN |
        | [[IREN]] | IREN |

        See ![[IREN#Strategy]], [[IREN#^plan]], [[Companies/IREN.md]], [text](../Companies/IREN.md#Strategy),
        [angle](<../Companies/IREN.md>) and [plain](IREN.md).

        """,
    ]

    @Test func everyStyleOfLinkFollowsTheNote() throws {
        let (after, plan) = try Self.rename(Self.companies, "IREN", "Iris Energy")
        #expect(plan.moves == [.init(from: "Companies/IREN.md", to: "Companies/Iris Energy.md")])
        #expect(plan.warnings == [])
        #expect(
            after["Companies/Hut 8.md"] == "# Hut 8\n\nPeer of [[Iris Energy]] and [[Iris Energy#Strategy|its plan]].\n"
        )
        #expect(
            after["Sectors/Miners.md"] == """
                ---
                up: "[[Iris Energy]]"
                ---
                | Company | Ticker |
                |---|---|
                | [[Iris Energy\\|Iris]] | IREN |
                | [[Iris Energy]] | IREN |

                See ![[Iris Energy#Strategy]], [[Iris Energy#^plan]], [[Iris Energy.md]], [text](../Companies/Iris%20Energy.md#Strategy),
                [angle](<../Companies/Iris Energy.md>) and [plain](Iris%20Energy.md).

                """)
        #expect(after["Companies/Iris Energy.md"] == Self.companies["Companies/IREN.md"])
        #expect(after["Companies/IREN.md"] == nil)
        #expect(plan.linksRewritten == 11)
    }

    @Test func keepTextAndAliasKeepTheOldNameVisible() throws {
        let (after, _) = try Self.rename(
            Self.companies, "Companies/IREN.md", "Iris Energy", options: .init(keepText: true, addAlias: true))
        #expect(
            after["Companies/Hut 8.md"]
                == "# Hut 8\n\nPeer of [[Iris Energy|IREN]] and [[Iris Energy#Strategy|its plan]].\n")
        #expect(after["Sectors/Miners.md"]!.contains("| [[Iris Energy\\|IREN]] | IREN |"))
        #expect(after["Companies/Iris Energy.md"]!.hasPrefix("---\nticker: IREN\naliases: [IREN]\n---\n"))
    }

    @Test(arguments: [
        ("# N\n", "---\naliases: [Old]\n---\n# N\n"),
        ("---\naliases: [A, B]\n---\n", "---\naliases: [A, B, Old]\n---\n"),
        ("---\naliases: []\n---\n", "---\naliases: [Old]\n---\n"),
        ("---\naliases:\n  - A\ntags: [x]\n---\n", "---\naliases:\n  - A\n  - Old\ntags: [x]\n---\n"),
        ("---\naliases: A\n---\n", "---\naliases: [A, Old]\n---\n"),
        ("---\naliases: [old]\n---\n", "---\naliases: [old]\n---\n"),
    ])
    func theOldNameJoinsTheAliasesInTheNotesOwnStyle(_ before: String, _ expected: String) throws {
        let (after, _) = try Self.rename(["Old.md": before], "Old", "New", options: .init(addAlias: true))
        #expect(after["New.md"] == expected)
    }

    /// A note named like one elsewhere would capture links to that one: they are written in path form.
    @Test func aLinkTheNewNameWouldCaptureKeepsItsTarget() throws {
        let texts = [
            "A/Note.md": "# Note in A\n",
            "B/Other.md": "# Other\n",
            "B/Reader.md": "[[Note]] and [[Other]]\n",
        ]
        let (after, plan) = try Self.rename(texts, "B/Other.md", "Note")
        #expect(after["B/Reader.md"] == "[[A/Note]] and [[B/Note]]\n")
        #expect(plan.warnings == [])
    }

    @Test func aFolderMovesWithEveryLinkIntoAndOutOfIt() throws {
        let texts = [
            "Companies/IREN.md": "[up](../Index.md) and [[Index]]\n",
            "Index.md": "[[Companies/IREN]], [[IREN]], [md](Companies/IREN.md)\n",
        ]
        let (after, plan) = try Self.rename(texts, "Companies", "Firms/Listed")
        #expect(plan.moves == [.init(from: "Companies/IREN.md", to: "Firms/Listed/IREN.md")])
        #expect(after["Firms/Listed/IREN.md"] == "[up](../../Index.md) and [[Index]]\n")
        #expect(after["Index.md"] == "[[IREN]], [[IREN]], [md](Firms/Listed/IREN.md)\n")
    }

    @Test func anAttachmentKeepsItsSize() throws {
        let texts = ["N.md": "![[chart.png|100x145]] and ![alt](chart.png)\n"]
        let (after, plan) = try Self.rename(texts, attachments: ["chart.png"], "chart.png", "Charts/miners")
        #expect(plan.moves == [.init(from: "chart.png", to: "Charts/miners.png")])
        #expect(after["N.md"] == "![[miners.png|100x145]] and ![alt](miners.png)\n")
    }

    @Test func aBrokenLinkThatNowResolvesIsReported() throws {
        let texts = ["Old.md": "# Old\n", "Reader.md": "[[New]] was never written\n"]
        let (after, plan) = try Self.rename(texts, "Old", "New")
        #expect(after["Reader.md"] == texts["Reader.md"])
        #expect(plan.warnings == ["Reader.md:1: warning: [[New]] was broken and now resolves to New.md"])
    }

    @Test func aConfigEntryNamingTheOldPathIsReported() throws {
        var config = VaultConfig()
        config.check.ignoreOrphans = ["Inbox.md"]
        let texts = ["Inbox.md": "# Inbox\n"]
        let vault = Vault(texts: texts, config: config)
        let plan = try RenamePlanner(vault: vault, sources: [SourceText(texts["Inbox.md"]!)]).plan(
            old: "Inbox", new: "Later")
        #expect(
            plan.warnings == [
                ".vaultgen.yml: warning: check: ignore-orphans names Inbox.md, which becomes Later.md; edit the config by hand"
            ])
    }

    @Test func wrongNamesChangeNothing() throws {
        let texts = ["A/N.md": "", "B/N.md": "", "Taken.md": ""]
        #expect(throws: RenameError.noSuchFile("Nope")) { try Self.rename(texts, "Nope", "X") }
        #expect(throws: RenameError.ambiguous("N", candidates: ["A/N.md", "B/N.md"])) {
            try Self.rename(texts, "N", "X")
        }
        #expect(throws: RenameError.exists("Taken.md")) { try Self.rename(texts, "A/N.md", "/Taken") }
        #expect(throws: RenameError.badName("../out")) { try Self.rename(texts, "A/N.md", "../out") }
        #expect(throws: RenameError.badName(".hidden")) { try Self.rename(texts, "A/N.md", ".hidden") }
    }

    // MARK: Headings and blocks

    static let anchored: [String: String] = [
        "IREN.md": "# IREN\n\n## AI Strategy ##\nHosting. ^plan\n\nSee [[#AI strategy]] and [[#^plan]].\n\n## Risks\n",
        "Hub.md": """
        [[IREN#AI Strategy]], [[IREN#AI Strategy#Sub|x]], ![[IREN#ai  strategy]], [[IREN#Risks]],
        [md](IREN.md#AI%20Strategy), [angle](<IREN.md#AI Strategy>), [[IREN#^plan]], [[IREN]]

        """,
    ]

    @Test func aHeadingRenameRewritesTheHeadingAndEveryLinkToIt() throws {
        let (after, plan) = try Self.rename(Self.anchored, "IREN#AI strategy", "Hosting plan")
        #expect(plan.moves == [])
        #expect(
            after["IREN.md"]
                == "# IREN\n\n## Hosting plan ##\nHosting. ^plan\n\nSee [[#Hosting plan]] and [[#^plan]].\n\n## Risks\n"
        )
        #expect(
            after["Hub.md"] == """
                [[IREN#Hosting plan]], [[IREN#Hosting plan#Sub|x]], ![[IREN#Hosting plan]], [[IREN#Risks]],
                [md](IREN.md#Hosting%20plan), [angle](<IREN.md#Hosting plan>), [[IREN#^plan]], [[IREN]]

                """)
        #expect(plan.linksRewritten == 6)
    }

    @Test func aBlockRenameRewritesTheIdAndEveryLinkToIt() throws {
        let (after, _) = try Self.rename(Self.anchored, "IREN#^plan", "hosting-2026")
        #expect(after["IREN.md"]!.contains("Hosting. ^hosting-2026\n"))
        #expect(after["IREN.md"]!.contains("[[#^hosting-2026]]"))
        #expect(after["Hub.md"]!.contains("[[IREN#^hosting-2026]], [[IREN]]"))
    }

    @Test func anchorsThatCannotBeRenamed() throws {
        #expect(throws: RenameError.exists("IREN#risks")) {
            try Self.rename(Self.anchored, "IREN#AI Strategy", "risks")
        }
        #expect(throws: RenameError.noSuchFile("IREN#Nope")) { try Self.rename(Self.anchored, "IREN#Nope", "X") }
        #expect(throws: RenameError.badName("a|b")) { try Self.rename(Self.anchored, "IREN#Risks", "a|b") }
        #expect(throws: RenameError.badName("no spaces")) { try Self.rename(Self.anchored, "IREN#^plan", "no spaces") }
    }

    // MARK: The invariant, on generated vaults

    /// Every link resolves after the rename where it did before (the moved file at its new path), and no link
    /// that was unambiguous becomes ambiguous.
    @Test(arguments: 0..<500)
    func everyLinkResolvesWhereItDidBefore(_ seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed))
        let folders = ["", "A/", "B/", "A/C/"]
        let names = ["Alpha", "Beta", "Gamma", "Delta", "Note", "Iris Energy"]
        var paths: [String] = []
        for _ in 0..<8 {
            let path = folders[rng.next(folders.count)] + names[rng.next(names.count)] + ".md"
            if !paths.contains(path) { paths.append(path) }
        }
        var texts: [String: String] = [:]
        for path in paths {
            var body = "# \(VaultPath.stem(of: path))\n\n## Part\n"
            for _ in 0..<6 {
                let target = paths[rng.next(paths.count)]
                let stem = String(target.dropLast(3))
                let name = VaultPath.stem(of: target)
                let encoded = stem.replacingOccurrences(of: " ", with: "%20")
                let forms = [
                    "[[\(name)]]", "[[\(stem)]]", "[[\(name)#Part]]", "[[\(name)|shown]]", "![[\(stem).md]]",
                    "[md](\(encoded).md)", "[rel](\(LinkRewriterFixture.relative(from: path, to: target)))",
                    "[angle](<\(stem).md>)",
                ]
                body += "- " + forms[rng.next(forms.count)] + "\n"
            }
            texts[path] = body
        }
        // One rename in four moves a whole folder.
        let folderMove = rng.next(4) == 0
        let old = folderMove ? ["A", "B", "A/C"][rng.next(3)] : paths[rng.next(paths.count)]
        let new =
            folderMove
            ? ["D", "A/E", "B/C"][rng.next(3)] : folders[rng.next(folders.count)] + names[rng.next(names.count)] + "2"
        let vault = Vault(texts: texts)
        let planner = RenamePlanner(vault: vault, sources: vault.notes.map { SourceText(texts[$0.path]!) })
        guard let plan = try? planner.plan(old: old, new: new) else { return }  // a taken name: nothing to check
        let after = Self.apply(plan, to: texts)
        let mapping = Dictionary(uniqueKeysWithValues: plan.moves.map { ($0.from, $0.to) })
        let resolverBefore = LinkResolver(index: VaultIndex(vault))
        let movedVault = Vault(texts: after)
        let resolverAfter = LinkResolver(index: VaultIndex(movedVault))
        for note in vault.notes {
            let finalPath = mapping[note.path] ?? note.path
            let moved = try #require(movedVault.notes.first { $0.path == finalPath })
            #expect(moved.links.count == note.links.count, "seed \(seed): \(note.path)")
            for (a, b) in zip(note.links, moved.links) {
                guard case .file(let was, let ambiguityBefore) = resolverBefore.resolve(a.target, from: note.path)
                else { continue }
                let wanted = mapping[resolverBefore.index.files[was].path] ?? resolverBefore.index.files[was].path
                let now = resolverAfter.resolve(b.target, from: finalPath)
                guard case .file(let file, let ambiguityAfter) = now else {
                    Issue.record(
                        "seed \(seed): \(old) → \(new): \(note.path): \(a.raw) → \(b.raw) no longer resolves; \(plan.warnings) \(texts.keys.sorted())"
                    )
                    continue
                }
                #expect(
                    resolverAfter.index.files[file].path == wanted,
                    "seed \(seed): \(old) → \(new): \(note.path): \(a.raw) → \(b.raw) \(plan.warnings)")
                #expect(ambiguityAfter == nil || ambiguityBefore != nil, "seed \(seed): \(a.raw) → \(b.raw) ambiguous")
                #expect(a.fragment == b.fragment && a.display == b.display && a.isEmbed == b.isEmbed)
            }
        }
    }
}

enum LinkRewriterFixture {
    /// A relative markdown destination from one note to another, percent-encoded.
    static func relative(from path: String, to target: String) -> String {
        let from = VaultPath.folder(of: path).split(separator: "/").map(String.init)
        let to = target.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        let joined = parts.joined(separator: "/").replacingOccurrences(of: " ", with: "%20")
        return joined.hasPrefix("..") ? joined : "./" + joined
    }
}

/// A small seeded generator: the same vaults every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next(_ bound: Int) -> Int {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
