import Foundation
import Testing

@testable import VaultModel

func check(_ texts: [String: String], attachments: [String] = [], config: VaultConfig = VaultConfig()) -> [String] {
    let vault = Vault(texts: texts, attachments: attachments, config: config)
    return LinkChecker(vault: vault).check().findings.map { CheckReport.line($0) }
}

@Suite("vaultgen check findings")
struct LinkCheckerTests {
    @Test func brokenLinkWithClosestNameHint() {
        let findings = check([
            "A.md": "[[B]] [[Hut8]] [[Hut 8]]\n",
            "Hut 8.md": "[[A]]\n",
            "B.md": "[[A]]\n",
        ])
        #expect(
            findings == [
                "A.md:1:7: error: broken link [[Hut8]]: no note named Hut8 (did you mean [[Hut 8]]?)"
            ])
    }

    @Test func aliasIsNotALinkTarget() {
        let findings = check([
            "A.md": "[[Crypto pivots]] [[Crypto-to-AI]]\n",
            "Crypto-to-AI.md": "---\naliases: [Crypto pivots]\n---\n[[A]]\n",
        ])
        #expect(
            findings == [
                "A.md:1:1: error: broken link [[Crypto pivots]]: no note named Crypto pivots (Crypto pivots is an alias: did you mean [[Crypto-to-AI|Crypto pivots]]?)"
            ])
    }

    @Test func missingAttachmentHeadingAndBlock() {
        let findings = check(
            [
                "A.md":
                    "![[chart.png]]\n[[B#Key actor]]\n[[B#^blk]]\n[[B#Key actors]] [[B#^block]] ![[pic.png#interface]]\n",
                "B.md": "## Key actors\n\npara ^block\n\n[[A]]\n",
            ], attachments: ["pic.png"])
        #expect(
            findings == [
                "A.md:1:1: error: missing attachment ![[chart.png]]: no file named chart.png in the vault",
                "A.md:2:1: error: missing heading [[B#Key actor]]: B has no heading Key actor (did you mean #Key actors?)",
                "A.md:3:1: error: missing block [[B#^blk]]: B has no block ^blk",
            ])
    }

    @Test func sameNoteHeadingLinks() {
        let findings = check(
            ["A.md": "# Top\n[[#Top]] [[#Bottom]]\n[x](#Top)\n"],
            config: {
                var c = VaultConfig(); c.check.severity[.orphanNote] = .off; return c
            }())
        #expect(findings == ["A.md:2:10: error: missing heading [[#Bottom]]: A has no heading Bottom"])
    }

    @Test func orphansAreWarningsAndSelfLinksDoNotCount() {
        let findings = check(["A.md": "[[B]] [[A]]\n", "B.md": "[[A]]\n", "Lonely.md": "[[Lonely]] [[A]]\n"])
        #expect(findings == ["Lonely.md:1:1: warning: orphan note: no other note links to Lonely"])
    }

    @Test func ambiguousLinkIsAWarningNamingTheWinner() {
        let findings = check(["Notes/A.md": "[[N]]\n", "Notes/N.md": "[[A]]\n", "Other/N.md": "[[A]]\n"])
        #expect(
            findings == [
                "Notes/A.md:1:1: warning: ambiguous link [[N]]: N matches 2 files (Notes/N.md, Other/N.md); Notes/N.md wins because it is in the linking note's folder (write its path to be sure: [[Notes/N]])",
                "Other/N.md:1:1: warning: orphan note: no other note links to N",
            ])
    }

    @Test func configSetsSeverityAndIgnores() {
        var config = VaultConfig()
        config.check.severity[.brokenLink] = .warning
        config.check.severity[.orphanNote] = .off
        config.check.ignoreTargets = ["Daily/*"]
        let findings = check(["A.md": "[[Nope]] [[Daily/2026-01-01]]\n"], config: config)
        #expect(findings == ["A.md:1:1: warning: broken link [[Nope]]: no note named Nope"])
    }

    @Test func frontMatterErrorIsAFindingAndTheRestIsChecked() {
        let findings = check(
            ["A.md": "---\nbad: [x\n---\n[[Missing]]\n", "B.md": "[[A]]\n"],
            config: {
                var c = VaultConfig(); c.check.severity[.orphanNote] = .off; return c
            }())
        #expect(findings.count == 2)
        #expect(findings[0].hasPrefix("A.md:3:1: error: front matter: front matter is not valid YAML"))
        #expect(findings[1] == "A.md:4:1: error: broken link [[Missing]]: no note named Missing")
    }

    @Test func githubAnnotationsAndSummary() {
        let vault = Vault(texts: ["A.md": "[[B, c]]\n"])
        let report = CheckReport.render(LinkChecker(vault: vault).check(), format: .github, pathPrefix: "Vault")
        #expect(
            report == """
                ::error file=Vault/A.md,line=1,col=1,title=broken link::[[B, c]]: no note named B, c
                ::warning file=Vault/A.md,line=1,col=1,title=orphan note::no other note links to A
                1 note, 1 link, 0 attachments: 1 error, 1 warning

                """)
    }
}

@Suite("The vault config file")
struct VaultConfigTests {
    @Test func readsEveryKey() throws {
        let config = try VaultConfig.parse(
            """
            exclude: [Templates, "Archive/**"]
            prices: Data/prices
            check:
              severity: {orphan-note: off, ambiguous-link: error}
              ignore-targets: ["Daily/*"]
              ignore-orphans: [Inbox]
            correlation: {min-overlap: 40, returns: log, method: spearman}
            labels:
              correlation: {high: 0.5, low: -1}
            update: {related-heading: See also, backlinks-heading: Linked from, backlinks: false}
            fetch: {provider: yahoo, base-url: "http://127.0.0.1:8080", tickers: [SPY], timeout: 5, retries: 2, rate: 4, key-env: PRICES_KEY}
            """, file: ".vaultgen.yml")
        #expect(config.exclude == ["Templates", "Archive/**"])
        #expect(config.prices == "Data/prices")
        #expect(config.check.severity[.orphanNote] == .off)
        #expect(config.check.severity[.ambiguousLink] == .error)
        #expect(config.check.severity[.brokenLink] == .error)
        #expect(config.check.ignoreTargets == ["Daily/*"])
        #expect(config.correlation == .init(minOverlap: 40, returns: "log", method: "spearman"))
        #expect(config.labels.correlation == [.init(label: "high", minimum: 0.5), .init(label: "low", minimum: -1)])
        #expect(config.update.relatedHeading == "See also")
        #expect(config.update.backlinks == false)
        #expect(config.fetch.provider == "yahoo")
        #expect(config.fetch.baseURL == "http://127.0.0.1:8080")
        #expect(config.fetch.tickers == ["SPY"])
        #expect(config.fetch.timeout == 5 && config.fetch.retries == 2 && config.fetch.rate == 4)
        #expect(config.fetch.keyEnvironment == "PRICES_KEY")
    }

    @Test func unknownKeyNamesFileAndLine() {
        #expect(
            throws: ConfigError(
                file: "v/.vaultgen.yml", line: 2,
                message: "unknown key 'severty' in 'check'; see docs/configuration.md")
        ) {
            try VaultConfig.parse("check:\n  severty: {}\n", file: "v/.vaultgen.yml")
        }
    }

    @Test func badSeverityValue() {
        #expect(throws: ConfigError(file: "c", line: 1, message: "severity must be error, warning or off, not 'loud'"))
        {
            try VaultConfig.parse("check: {severity: {broken-link: loud}}", file: "c")
        }
    }

    @Test func patternsMatchFoldersAndGlobs() {
        #expect(PathPattern("Templates").matches("Templates/Sector.md"))
        #expect(PathPattern("Templates/").matches("Templates/a/b.md"))
        #expect(PathPattern("Archive/**").matches("Archive/2024/x.md"))
        #expect(PathPattern("*.excalidraw.md").matches("drawing.excalidraw.md"))
        #expect(!PathPattern("*.excalidraw.md").matches("sub/drawing.excalidraw.md"))
        #expect(!PathPattern("Temp").matches("Templates/x.md"))
    }
}
