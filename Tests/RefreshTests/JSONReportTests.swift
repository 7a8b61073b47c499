import Foundation
import TestSupport
import Testing

/// Every `--format json` report of the built binary: its values, and that it fits its schema in docs/schemas/.
@Suite("JSON reports and their schemas")
struct JSONReportTests {
    /// The report printed on stdout, which must be the JSON object alone.
    static func object(_ result: CLI.Result) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    static func expectFits(
        _ result: CLI.Result, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let problems = try SchemaValidator.problems(result.out, schema: schema)
        #expect(problems == [], "vaultgen.\(schema).schema.json", sourceLocation: sourceLocation)
    }

    /// The seed notes of the sample vault with its prices: every sector figure is stale.
    static func staleVault(_ scratch: Scratch) throws -> URL {
        let root = scratch.url.appendingPathComponent("vault")
        try FileManager.default.copyItem(at: Repo.fixtures.appendingPathComponent("update-seed/input"), to: root)
        try FileManager.default.copyItem(at: Repo.samplePrices, to: root.appendingPathComponent("Prices"))
        return root
    }

    @Test func updateCheckListsEveryEditWithItsPlaceAndSubject() throws {
        let scratch = try Scratch("update-json")
        let vault = try Self.staleVault(scratch)
        let result = try CLI.run(["update", vault.path, "--check", "--as-of", "2026-01-30", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.err == "")
        try Self.expectFits(result, "update")
        let report = try Self.object(result)
        #expect(report["schema"] as? String == "vaultgen.update/1")
        #expect(report["vault"] as? String == vault.path)
        #expect(report["mode"] as? String == "check")
        #expect(report["exitReason"] as? String == "would-change")
        #expect(report["exitStatus"] as? Int == 1)
        let summary = try #require(report["summary"] as? [String: Int])
        #expect(
            summary == [
                "notesRead": 18, "sectorNotes": 3, "changed": 16, "figuresRefreshed": 8, "backlinkLists": 16,
                "charts": 1, "warnings": 0, "notWritten": 0,
            ])
        let changes = try #require(report["changes"] as? [[String: Any]])
        #expect(changes.count == 16)
        let sector = try #require(changes.first { $0["path"] as? String == "Sectors/Crypto-to-AI.md" })
        #expect(sector["written"] as? Bool == false)
        let edits = try #require(sector["edits"] as? [[String: Any]])
        let average = try #require(edits.first)
        #expect(average["line"] as? Int == 8)
        #expect(average["column"] as? Int == 74)
        #expect(average["figure"] as? String == "group average in prose")
        #expect(average["subject"] as? String == "group average")
        #expect(average["old"] as? String == "0.61")
        #expect(average["new"] as? String == "0.64")
        let bitdeer = try #require(changes.first { $0["path"] as? String == "Companies/Bitdeer.md" })
        let backlinks = try #require((bitdeer["edits"] as? [[String: Any]])?.first)
        #expect(backlinks["figure"] as? String == "backlinks")
        #expect(backlinks["subject"] is NSNull)
        #expect(backlinks["new"] as? String == "\n\n### Backlinks\n- [[Crypto-to-AI]]")
        let charts = try #require(report["charts"] as? [[String: Any]])
        #expect(charts.first?["path"] as? String == "Attachments/crypto-to-ai-sector-chart.png")
        #expect(charts.first?["kind"] as? String == "sector chart")
    }

    @Test func updateWritesAndSaysWhatItWrote() throws {
        let scratch = try Scratch("update-json-write")
        let vault = try Self.staleVault(scratch)
        let write = try CLI.run(["update", vault.path, "--as-of", "2026-01-30", "--format", "json"])
        #expect(write.status == 0)
        try Self.expectFits(write, "update")
        let report = try Self.object(write)
        #expect(report["mode"] as? String == "write")
        let changes = try #require(report["changes"] as? [[String: Any]])
        #expect(changes.count == 16)
        #expect(changes.allSatisfy { $0["written"] as? Bool == true })
        #expect((report["charts"] as? [[String: Any]])?.first?["written"] as? Bool == true)

        let again = try CLI.run(["update", vault.path, "--check", "--as-of", "2026-01-30", "--format", "json"])
        #expect(again.status == 0)
        try Self.expectFits(again, "update")
        let quiet = try Self.object(again)
        #expect(quiet["exitReason"] as? String == "ok")
        #expect((quiet["changes"] as? [Any])?.isEmpty == true)
    }

    @Test func updateWarningsCarryTheirPlaceAndKind() throws {
        let vault = try FixtureVault("update-missing-prices")
        defer { vault.remove() }
        let result = try CLI.run(["update", vault.root.path, "--dry-run", "--strict", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.err == "")
        try Self.expectFits(result, "update")
        let report = try Self.object(result)
        #expect(report["exitReason"] as? String == "warnings")
        let warnings = try #require(report["warnings"] as? [[String: Any]])
        let gap = try #require(warnings.first { ($0["message"] as? String)?.hasPrefix("0.50 not refreshed") == true })
        #expect(gap["path"] as? String == "Gap.md")
        #expect(gap["line"] as? Int == 7)
        #expect(gap["column"] as? Int == 18)
        #expect(gap["kind"] as? String == "figure")
        #expect(
            gap["message"] as? String
                == "0.50 not refreshed: the sentence names no pair and no word for the whole group (average, cluster, "
                + "group…)")
    }

    /// With no price file at all, the report says so once, and the one error line stays on stderr.
    @Test func updateWithoutPricesSaysSoOnce() throws {
        let scratch = try Scratch("update-json-no-prices")
        let vault = try Self.staleVault(scratch)
        try FileManager.default.removeItem(at: vault.appendingPathComponent("Prices"))
        let result = try CLI.run(["update", vault.path, "--dry-run", "--format", "json"])
        #expect(result.status == 1)
        try Self.expectFits(result, "update")
        let report = try Self.object(result)
        #expect(report["exitReason"] as? String == "prices-missing")
        #expect(report["pricesMissing"] as? String == "Prices")
        #expect(report["mode"] as? String == "dry-run")
        #expect((report["warnings"] as? [Any])?.isEmpty == true)
        #expect(
            result.err
                == "vaultgen: error: \(vault.path)/Prices: no price files (the config's `prices:` names this folder, "
                + "default Prices); no figure or chart was refreshed\n")
    }

    @Test func updateRefusesJSONWithDiffOrExplain() throws {
        for option in ["--diff", "--explain"] {
            let result = try CLI.run(["update", Repo.sampleVault.path, option, "--format", "json"])
            #expect(result.status == 2)
            #expect(
                result.err.contains("--format json is a report of its own; it does not go with --diff or --explain"))
        }
    }

    @Test func checkNamesTheVaultAndFitsItsSchema() throws {
        let input = Repo.fixtures.appendingPathComponent("check-basic/input")
        let result = try CLI.run(["check", input.path, "--format", "json"])
        #expect(result.status == 1)
        try Self.expectFits(result, "check")
        let report = try Self.object(result)
        #expect(report["schema"] as? String == "vaultgen.check/1")
        #expect(report["vault"] as? String == input.path)
        #expect(report["errors"] as? Int == 8)
    }

    /// `check --fix --diff` prints a patch on stdout, which a JSON report cannot share.
    @Test func checkRefusesJSONWithAPatch() throws {
        let result = try CLI.run(["check", Repo.sampleVault.path, "--fix", "--diff", "--format", "json"])
        #expect(result.status == 2)
        #expect(result.err.contains("--fix --diff prints a patch, not a report; it does not go with --format json"))
    }

    @Test func corrNamesTheVaultOrNullForPricesAlone() throws {
        let withVault = try CLI.run([
            "corr", "HUT", "IREN", "NOPE", "--vault", Repo.sampleVault.path, "--format", "json",
        ])
        #expect(withVault.status == 1)
        try Self.expectFits(withVault, "corr")
        let report = try Self.object(withVault)
        #expect(report["schema"] as? String == "vaultgen.corr/1")
        #expect(report["vault"] as? String == Repo.sampleVault.path)
        #expect((report["leftOut"] as? [String: String])?.keys.sorted() == ["NOPE"])

        let alone = try CLI.run(["corr", "HUT", "IREN", "--prices", Repo.samplePrices.path, "--format", "json"])
        #expect(alone.status == 0)
        try Self.expectFits(alone, "corr")
        #expect(try Self.object(alone)["vault"] is NSNull)
        let pairs = try #require(try Self.object(alone)["pairs"] as? [[String: Any]])
        #expect(pairs.first?["a"] as? String == "HUT")
        #expect(pairs.first?["overlap"] as? Int == 771)
    }

    @Test func corrRollingFitsItsSchema() throws {
        let result = try CLI.run([
            "corr", "HUT", "IREN", "WULF", "--vault", Repo.sampleVault.path, "--rolling", "20", "--format", "json",
        ])
        #expect(result.status == 0)
        try Self.expectFits(result, "corr-rolling")
        let report = try Self.object(result)
        #expect(report["schema"] as? String == "vaultgen.corr-rolling/1")
        #expect(report["vault"] as? String == Repo.sampleVault.path)
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(rows.last?["date"] as? String == "2026-01-30")
        #expect(rows.last?["pairCount"] as? Int == 3)
    }

    @Test func clustersNamesTheVaultAndFitsItsSchema() throws {
        let result = try CLI.run(["clusters", Repo.sampleVault.path, "--format", "json"])
        #expect(result.status == 0)
        try Self.expectFits(result, "clusters")
        let report = try Self.object(result)
        #expect(report["schema"] as? String == "vaultgen.clusters/1")
        #expect(report["vault"] as? String == Repo.sampleVault.path)
        // The sector notes' tickers: the sample vault's three sectors hold 8 of its 12 price files.
        #expect((report["tickers"] as? [String])?.count == 8)
    }

    /// The schemas are strict: a report with a key more, a key less or a value of the wrong type does not fit.
    @Test func aReportThatDriftsFromItsSchemaIsCaught() throws {
        let scratch = try Scratch("schema-drift")
        let vault = try Self.staleVault(scratch)
        let result = try CLI.run(["update", vault.path, "--dry-run", "--as-of", "2026-01-30", "--format", "json"])
        let report = try Self.object(result)
        func problems(_ changed: [String: Any]) throws -> [String] {
            let data = try JSONSerialization.data(withJSONObject: changed)
            return try SchemaValidator.problems(String(decoding: data, as: UTF8.self), schema: "update")
        }
        #expect(try problems(report) == [])
        var extra = report
        extra["extra"] = 1
        #expect(try problems(extra) == ["(top): Additional properties are not allowed ('extra' was unexpected)"])
        var missing = report
        missing["vault"] = nil
        #expect(try problems(missing) == ["(top): 'vault' is a required property"])
        var summary = try #require(report["summary"] as? [String: Any])
        summary["changed"] = "16"
        var wrong = report
        wrong["summary"] = summary
        #expect(try problems(wrong) == ["summary/changed: '16' is not of type 'integer'"])
    }
}
