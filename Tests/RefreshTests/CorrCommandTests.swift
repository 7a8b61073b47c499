import Foundation
import TestSupport
import Testing

@Suite("vaultgen corr on the command line")
struct CorrCommandTests {
    @Test func timingPrintsOneLineWithEveryStage() throws {
        let result = try CLI.run([
            "corr", "HUT", "IREN", "WULF", "--prices", Repo.samplePrices.path, "--format", "csv", "--timing",
        ])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("ticker,HUT,IREN,WULF\n"))
        let lines = result.err.split(separator: "\n").filter { $0.hasPrefix("timing: ") }
        let line = try #require(lines.count == 1 ? lines.first : nil, "\(result.err)")
        let stages = line.dropFirst("timing: ".count).split(separator: ", ").map { stage in
            stage.split(separator: " ").map(String.init)
        }
        #expect(stages.map { $0.first ?? "" } == ["read", "matrix", "figures", "write", "total"])
        for stage in stages {
            #expect(stage.count == 3 && stage[2] == "s", "\(stage)")
            let seconds = try #require(Double(stage[1]), "\(stage)")
            #expect(seconds >= 0)
        }
    }

    @Test func noTimingLineWithoutTheFlag() throws {
        let result = try CLI.run(["corr", "HUT", "IREN", "--prices", Repo.samplePrices.path, "--format", "csv"])
        #expect(result.status == 0)
        #expect(!result.err.contains("timing:"))
    }

    /// corr reads the vault's `correlation:` settings, as update does, so both print the same number.
    @Test func corrAndUpdateAgreeUnderTheVaultsConfig() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        try Data("correlation:\n  returns: log\n  min-overlap: 30\n".utf8).write(
            to: vault.root.appendingPathComponent(".vaultgen.yml"))
        let corr = try CLI.run([
            "corr", "EQIX", "CORZ", "--vault", vault.root.path, "--since", "2024-01", "--as-of", "2026-01-30",
            "--format", "json",
        ])
        #expect(corr.status == 0, "\(corr.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(corr.out.utf8)) as? [String: Any])
        #expect(json["returns"] as? String == "log")
        #expect(json["minOverlap"] as? Int == 30)
        let r = try #require((json["pairs"] as? [[String: Any]])?.first?["r"] as? Double)
        let update = try CLI.run([
            "update", vault.root.path, "--templates", Repo.templates.path, "--as-of", "2026-01-30",
        ])
        #expect(update.status == 0, "\(update.err)")
        let note = try String(contentsOf: vault.root.appendingPathComponent("Sectors/Crypto-to-AI.md"), encoding: .utf8)
        #expect(note.contains("EQIX-CORZ correlation: \(String(format: "%.2f", r)) ("))
        // A flag overrides the config.
        let simple = try CLI.run(["corr", "EQIX", "CORZ", "--vault", vault.root.path, "--returns", "simple"])
        #expect(simple.out.hasPrefix("Correlation of daily simple returns"))
    }
}
