import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

@Suite("vaultgen update end to end: input folder → expected folder")
struct UpdateFixtureTests {
    @Test func seedNoteIsRefreshedAndASecondRunChangesNothing() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let first = try vault.update()
        #expect(first.failures.isEmpty)
        #expect(first.plan.warnings.isEmpty)
        #expect(first.written.contains("Sectors/Crypto-to-AI.md"))
        try vault.expectMatchesExpected()
        let before = try vault.files()
        let second = try vault.update()
        #expect(second.plan.changes.isEmpty)
        #expect(second.written.isEmpty)
        #expect(try vault.files() == before)
    }

    @Test func notesWithNothingToRefreshStayByteIdentical() throws {
        let vault = try FixtureVault("update-untouched")
        defer { vault.remove() }
        let outcome = try vault.update()
        #expect(outcome.plan.changes.isEmpty)
        #expect(outcome.plan.sectorNotes == 0)
        try vault.expectMatchesExpected()
    }

    @Test func userEditsOutsideTheOwnedPartsAreKept() throws {
        let vault = try FixtureVault("update-user-edit")
        defer { vault.remove() }
        let outcome = try vault.update()
        // No .obsidian/app.json in this vault: a new attachment goes to the vault root, as in Obsidian.
        #expect(outcome.written == ["Sectors/Crypto-to-AI.md", "crypto-to-ai-sector-chart.png"])
        #expect(outcome.plan.changes.first?.figures == ["group average in prose"])
        try vault.expectMatchesExpected()
    }

    @Test func backlinksAreAddedKeptSortedAndRemoved() throws {
        let vault = try FixtureVault("update-backlinks", prices: nil)
        defer { vault.remove() }
        let outcome = try vault.update()
        #expect(outcome.written.sorted() == ["Empty.md", "Fresh.md", "Hub.md"])
        try vault.expectMatchesExpected()
        #expect(try vault.update().plan.changes.isEmpty)
    }

    @Test func crlfLineEndingsAreKeptInWhatIsWritten() throws {
        let vault = try FixtureVault("update-crlf")
        defer { vault.remove() }
        _ = try vault.update()
        try vault.expectMatchesExpected()
        let bytes = try Data(contentsOf: vault.root.appendingPathComponent("Miners.md"))
        let lone = zip(bytes, bytes.dropFirst()).filter { $0.1 == 0x0A && $0.0 != 0x0D }.count
        #expect(lone == 0 && bytes.first != 0x0A)
    }

    @Test func missingPriceFileWarnsAndKeepsTheOldFigures() throws {
        let vault = try FixtureVault("update-missing-prices")
        defer { vault.remove() }
        let outcome = try vault.update()
        try vault.expectMatchesExpected()
        #expect(
            outcome.plan.warnings.map(\.description) == [
                "Gap.md:2:1: warning: group figures not refreshed: no usable prices for NOPE (Prices/NOPE.csv: no such file) (tickers from front matter, line 2)",
                "Gap.md:7:18: warning: 0.50 not refreshed: the sentence names no pair and no word for the whole group (average, cluster, group…)",
            ])
    }

    @Test func lookingWritesNothing() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let before = try vault.files()
        let outcome = try vault.update(mode: .look)
        #expect(outcome.plan.changes.count == 16)
        #expect(outcome.written.isEmpty)
        #expect(try vault.files() == before)
    }

    @Test func onlyTheNamedNotes() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let outcome = try vault.update(only: ["Crypto-to-AI"])
        #expect(outcome.written == ["Sectors/Crypto-to-AI.md", "Attachments/crypto-to-ai-sector-chart.png"])
    }
}
