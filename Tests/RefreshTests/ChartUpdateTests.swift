import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

@Suite("update draws the charts sector notes embed")
struct ChartUpdateTests {
    static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func be(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    @Test func chartIsCreatedInTheAttachmentFolderAndNotRewrittenWhenUnchanged() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let first = try vault.update()
        let chart = vault.root.appendingPathComponent("Attachments/crypto-to-ai-sector-chart.png")
        #expect(first.written.contains("Attachments/crypto-to-ai-sector-chart.png"))
        let data = try Data(contentsOf: chart)
        #expect(Self.pngSize(data).map { "\($0.0)x\($0.1)" } == "1400x800")
        let second = try vault.update()
        #expect(second.charts.isEmpty)
        #expect(second.written.isEmpty)
        #expect(try Data(contentsOf: chart) == data)
        // The embed now resolves: the vault's check has no missing attachment.
        let check = LinkChecker(vault: try Vault.load(root: vault.root)).check()
        #expect(!check.findings.contains { $0.kind == .missingAttachment })
    }

    /// Two sector notes that embed one chart file would redraw it every run, each in turn (issue 15, item 8).
    @Test func aChartTwoNotesEmbedIsDrawnOnceForTheFirstWithAWarningNamingBoth() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let peer = vault.root.appendingPathComponent("Sectors/DC REITs.md")
        try (try vault.text("Sectors/DC REITs.md") + "\n![[crypto-to-ai-sector-chart.png]]\n").write(
            to: peer, atomically: true, encoding: .utf8)
        let first = try vault.update()
        #expect(first.charts.map(\.path) == ["Attachments/crypto-to-ai-sector-chart.png"])
        #expect(first.charts.map(\.note) == ["Sectors/Crypto-to-AI.md"])
        let warning =
            "Sectors/DC REITs.md: warning: Attachments/crypto-to-ai-sector-chart.png is embedded by "
            + "Sectors/Crypto-to-AI.md and Sectors/DC REITs.md: drawn for Sectors/Crypto-to-AI.md only "
            + "(give each note a chart file of its own)"
        #expect(first.plan.warnings.map(\.description).contains(warning), "\(first.plan.warnings)")
        let chart = try Data(contentsOf: vault.root.appendingPathComponent("Attachments/crypto-to-ai-sector-chart.png"))
        let second = try vault.update()
        #expect(second.charts.isEmpty)
        #expect(second.written.isEmpty)
        #expect(second.plan.warnings.map(\.description).contains(warning))
        #expect(
            try Data(contentsOf: vault.root.appendingPathComponent("Attachments/crypto-to-ai-sector-chart.png"))
                == chart)
    }

    @Test func missingPriceFileWarnsAndLeavesTheOldChart() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        _ = try vault.update()
        let chart = vault.root.appendingPathComponent("Attachments/crypto-to-ai-sector-chart.png")
        let before = try Data(contentsOf: chart)
        try FileManager.default.removeItem(at: vault.root.appendingPathComponent("Prices/HUT.csv"))
        let outcome = try vault.update(asOf: "2026-01-15")
        #expect(
            outcome.plan.warnings.contains {
                $0.message.hasPrefix("sector chart crypto-to-ai-sector-chart.png left as it was:")
                    && $0.message.contains("Prices/HUT.csv: no such file")
            })
        #expect(try Data(contentsOf: chart) == before)
    }

    @Test func heatMapAndSVGEmbedsAreDrawnAndOtherPicturesAreNot() throws {
        let vault = try FixtureVault("update-crlf")
        defer { vault.remove() }
        let note = vault.root.appendingPathComponent("Miners.md")
        var text = try String(contentsOf: note, encoding: .utf8)
        text += "![[miners-correlation-heatmap.png]]\r\n![[miners-sector-chart.svg]]\r\n![[my-photo.png]]\r\n"
        try text.write(to: note, atomically: true, encoding: .utf8)
        let outcome = try vault.update()
        #expect(outcome.charts.map(\.path).sorted() == ["miners-correlation-heatmap.png", "miners-sector-chart.svg"])
        let svg = try String(contentsOf: vault.root.appendingPathComponent("miners-sector-chart.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("my-photo.png").path))
    }

    @Test(
        arguments: [
            (nil, "Sectors/N.md", ""), ("/", "Sectors/N.md", ""), ("./", "Sectors/N.md", "Sectors"),
            ("./img", "Sectors/N.md", "Sectors/img"), ("Attachments", "Sectors/N.md", "Attachments"),
            ("../outside", "N.md", nil),
        ] as [(String?, String, String?)])
    func newAttachmentFolderFollowsObsidian(setting: String?, note: String, folder: String?) {
        var vault = Vault(texts: [:])
        vault.attachmentFolderSetting = setting
        #expect(vault.newAttachmentFolder(forNoteAt: note) == folder)
    }
}

@Suite("vaultgen chart")
struct ChartCommandTests {
    @Test func drawsTheEmbedsOrOneChartToAFileAndTouchesNoNote() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let before = try vault.files()
        let embeds = try CLI.run([
            "chart", "Crypto-to-AI", "--vault", vault.root.path, "--templates", Repo.templates.path,
        ])
        #expect(embeds.status == 0)
        #expect(
            embeds.out == "drew Attachments/crypto-to-ai-sector-chart.png: sector chart of Sectors/Crypto-to-AI.md\n")
        #expect(try vault.files() == before)
        let out = vault.root.appendingPathComponent("heat.svg")
        let file = try CLI.run([
            "chart", "Sectors/Crypto-to-AI.md", "--vault", vault.root.path, "--out", out.path, "--heatmap",
            "--templates", Repo.templates.path,
        ])
        #expect(file.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("<svg"))
        let missing = try CLI.run([
            "chart", "Nope", "--vault", vault.root.path, "--out", out.path, "--templates", Repo.templates.path,
        ])
        #expect(missing.status == 2)
        #expect(missing.err == "vaultgen: error: Nope: no sector note of that name (a note with tickers: or #sector)\n")
    }
}
