import Foundation
import TestSupport
import Testing
import VaultModel

/// Paths shown relative to the current folder by every command (issue 16, item 3).
@Suite("paths relative to the current folder")
struct RelativePathTests {
    static let templates = ["--templates", Repo.templates.path]

    @Test func updateFromASubfolderShowsPathsFromThereAndTakesThemBack() throws {
        let vault = try FixtureVault("update-backlinks")
        defer { vault.remove() }
        let sub = vault.root.appendingPathComponent("Sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let fromRoot = try CLI.run(["update", "--dry-run"] + Self.templates, in: vault.root)
        let fromSub = try CLI.run(["update", "--dry-run"] + Self.templates, in: sub)
        #expect(fromRoot.status == 0 && fromSub.status == 0, "\(fromSub.err)")
        let rootLines = fromRoot.out.split(separator: "\n").filter { $0.hasPrefix("would update ") }
        let subLines = fromSub.out.split(separator: "\n").filter { $0.hasPrefix("would update ") }
        #expect(rootLines.count >= 3, "\(fromRoot.out)")
        #expect(subLines == rootLines.map { "would update ../" + $0.dropFirst("would update ".count) })
        // The path printed names the note when given back, from the same folder.
        let printed = try #require(subLines.first?.dropFirst("would update ".count).split(separator: ":").first)
        let only = try CLI.run(["update", "--dry-run", "--only", String(printed)] + Self.templates, in: sub)
        #expect(only.status == 0, "\(only.err)")
        #expect(only.out.split(separator: "\n").filter { $0.hasPrefix("would update ") } == [subLines[0]])
    }

    @Test func priceFilesAreShownFromTheCurrentFolderOrInFull() throws {
        let scratch = try Scratch("corr-paths")
        let prices = Repo.samplePrices.path
        let outside = try CLI.run(["corr", "HUT", "NOPE", "--prices", prices], in: scratch.url)
        #expect(outside.status == 1)
        #expect(outside.err.contains("\(prices)/NOPE.csv"), "\(outside.err)")
        let vault = scratch.url.appendingPathComponent("V")
        try FileManager.default.copyItem(at: Repo.sampleVault, to: vault)
        let sectors = vault.appendingPathComponent("Sectors")
        let inside = try CLI.run(["corr", "HUT", "NOPE"], in: sectors)
        #expect(inside.status == 1)
        #expect(inside.err.contains("../Prices/NOPE.csv"), "\(inside.err)")
        let relative = try CLI.run(["corr", "HUT", "NOPE", "--prices", "../Prices"], in: sectors)
        #expect(relative.err.contains("../Prices/NOPE.csv"), "\(relative.err)")
        #expect(!relative.err.contains(vault.path), "\(relative.err)")
    }

    @Test func chartAndNewShowTheirFilesFromASubfolder() throws {
        let scratch = try Scratch("chart-new-paths")
        let vault = scratch.url.appendingPathComponent("V")
        try FileManager.default.copyItem(at: Repo.sampleVault, to: vault)
        try FileManager.default.removeItem(
            at: vault.appendingPathComponent("Attachments/crypto-to-ai-sector-chart.png"))
        let sectors = vault.appendingPathComponent("Sectors")
        let chart = try CLI.run(["chart", "Crypto-to-AI", "--as-of", "2026-01-30"] + Self.templates, in: sectors)
        #expect(chart.status == 0, "\(chart.err)")
        #expect(
            chart.out
                == "drew ../Attachments/crypto-to-ai-sector-chart.png: sector chart of ../Sectors/Crypto-to-AI.md\n")
        let made = try CLI.run(
            ["new", "sector", "Pair", "--tickers", "HUT", "IREN", "--folder", "Sectors", "--as-of", "2026-01-30"]
                + Self.templates, in: sectors)
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out == "wrote ../Sectors/Pair.md\n")
        let again = try CLI.run(
            ["new", "sector", "Pair", "--tickers", "HUT,IREN", "--folder", "Sectors"] + Self.templates, in: sectors)
        #expect(again.status == 2)
        #expect(again.err == "vaultgen: error: ../Sectors/Pair.md exists already; it is never overwritten\n")
    }
}

/// Ticker lists and dates read the same way by every command (issue 16, item 4).
@Suite("ticker lists and dates in every command")
struct OptionFormTests {
    static let prices = ["--prices", Repo.samplePrices.path]

    @Test func corrTakesTickersSplitByCommasSpacesOrBoth() throws {
        let spaced = try CLI.run(["corr", "HUT", "IREN", "WULF", "--format", "csv"] + Self.prices)
        #expect(spaced.status == 0, "\(spaced.err)")
        #expect(spaced.out.hasPrefix("ticker,HUT,IREN,WULF\n"))
        for words in [["HUT,IREN,WULF"], ["HUT, IREN WULF"], ["HUT,IREN", "WULF"]] {
            let other = try CLI.run(["corr"] + words + ["--format", "csv"] + Self.prices)
            #expect(other.status == 0, "\(other.err)")
            #expect(other.out == spaced.out, "\(words)")
        }
        let bad = try CLI.run(["corr", "HUT,../x"] + Self.prices)
        #expect(bad.status == 2)
        #expect(bad.err.contains("'../x' is not a ticker"), "\(bad.err)")
    }

    @Test func clustersAndFetchTakeTheSameLists() throws {
        let scratch = try Scratch("ticker-lists")
        let vault = scratch.url.appendingPathComponent("V")
        try FileManager.default.copyItem(at: Repo.sampleVault, to: vault)
        let clusters = try CLI.run(["clusters", "--tickers", "HUT,IREN,WULF", "--format", "json"], in: vault)
        #expect(clusters.status == 0, "\(clusters.err)")
        for words in [["HUT", "IREN", "WULF"], ["HUT IREN, WULF"]] {
            let other = try CLI.run(["clusters", "--tickers"] + words + ["--format", "json"], in: vault)
            #expect(other.out == clusters.out, "\(words)")
        }
        let fetch = try CLI.run(["fetch", "--dry-run", "--tickers", "HUT,IREN"], in: vault)
        #expect(fetch.status == 0, "\(fetch.err)")
        #expect(fetch.out.contains("HUT") && fetch.out.contains("IREN"), "\(fetch.out)")
        for words in [["HUT", "IREN"], ["HUT IREN"], ["HUT, IREN"]] {
            let other = try CLI.run(["fetch", "--dry-run", "--tickers"] + words, in: vault)
            #expect(other.out == fetch.out, "\(words)")
        }
    }

    @Test func aPartialDateNamesAPeriod() throws {
        func corr(_ options: [String]) throws -> String {
            let run = try CLI.run(["corr", "HUT", "IREN", "--format", "json"] + Self.prices + options)
            #expect(run.status == 0, "\(run.err)")
            return run.out
        }
        #expect(try corr(["--until", "2025-06"]) == corr(["--until", "2025-06-30"]))
        #expect(try corr(["--until", "2025-06"]) != corr(["--until", "2025-06-01"]))
        #expect(try corr(["--as-of", "2025"]) == corr(["--as-of", "2025-12-31"]))
        #expect(try corr(["--since", "2025"]) == corr(["--since", "2025-01-01"]))
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        func update(_ asOf: String) throws -> String {
            let run = try CLI.run(
                ["update", "--diff", "--as-of", asOf, "--templates", Repo.templates.path], in: vault.root)
            #expect(run.status == 0, "\(run.err)")
            return run.out
        }
        #expect(try update("2025-06") == update("2025-06-30"))
        #expect(try update("2025-06") != update("2025-06-01"))
    }

    @Test(arguments: [
        (["update", "--as-of", "2025-6"], "--as-of '2025-6'"),
        (["corr", "HUT", "IREN", "--since", "June"], "--since 'June'"),
        (["corr", "HUT", "IREN", "--until", "2025-13"], "--until '2025-13'"),
        (["clusters", "--as-of", "30.01.2026"], "--as-of '30.01.2026'"),
        (["chart", "Crypto-to-AI", "--as-of", "tomorrow"], "--as-of 'tomorrow'"),
        (["new", "sector", "Pair", "--tickers", "HUT,IREN", "--since", "24"], "--since '24'"),
        (["new", "sector-map", "Map", "--as-of", "2025/06"], "--as-of '2025/06'"),
    ])
    func aBadDateIsAUsageErrorNamingTheOptionAndTheForms(_ arguments: [String], _ named: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2)
        #expect(run.err.contains("\(named) is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"), "\(run.err)")
        #expect(run.out == "")
    }
}
