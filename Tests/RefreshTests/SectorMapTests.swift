import Correlation
import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

@Suite("A sector map note: its table rows and pictures, and nothing else")
struct SectorMapTests {
    static let header =
        "| Sector | Tickers | Avg r | Nearest | Cross r | Silhouette | Findings |\n|---|---|---|---|---|---|---|\n"

    /// A third sector mixing a miner and a REIT: its tickers sit closer to their own sectors than to each other.
    static let mixed = "---\ntickers: [CORZ, EQIX]\n---\n# Mixed\n\nOne miner, one landlord.\n"

    static func write(_ text: String, _ path: String, in vault: FixtureVault) throws {
        let url = vault.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The cells of the rows that start with a link, by sector name.
    static func rows(_ text: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| [[") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            out[cells[0]] = cells
        }
        return out
    }

    @Test func tableRowsAreTheClusteringsFiguresForEverySectorNote() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        try Self.write(Self.mixed, "Sectors/Mixed.md", in: vault)
        try Self.write(
            "---\nvaultgen: sector-map\nsince: 2024-01\n---\n# Map\n\n" + Self.header + "| stale | row | | | | | |\n",
            "Map.md", in: vault)
        let outcome = try vault.update()
        #expect(outcome.written.contains("Map.md"))
        let rows = Self.rows(try vault.text("Map.md"))
        #expect(rows.keys.sorted() == ["[[Crypto-to-AI]]", "[[DC REITs]]", "[[Mixed]]"])
        // Independently of the map code: the same matrix and sectors given to the clustering code.
        let crypto = ["CORZ", "HUT", "IREN", "WULF"]
        let reits = ["EQIX", "DLR", "AMT", "IRM"]
        let prices = PriceFolderLoader.load(vault.root, crypto + reits)
        let options = CorrelationOptions(since: Day(iso: "2024-01-01"), until: Day(iso: "2026-01-30"))
        let matrix = CorrelationEngine.matrix(prices, tickers: crypto + reits, options: options)
        let analysis = ClusterAnalysis(
            distances: DistanceMatrix(matrix: matrix),
            sectors: [
                Sector(name: "Crypto-to-AI", tickers: crypto), Sector(name: "DC REITs", tickers: reits),
                Sector(name: "Mixed", tickers: ["CORZ", "EQIX"]),
            ])
        let two = { (x: Double?) in x.map { String(format: "%.2f", $0) } ?? "n/a" }
        for fit in analysis.sectors {
            let cells = try #require(rows["[[\(fit.name)]]"])
            #expect(cells[1] == fit.tickers.joined(separator: ", "))
            #expect(cells[2] == two(fit.cohesion), "\(fit.name) avg r")
            #expect(cells[3] == "[[\(fit.nearest ?? "")]]", "\(fit.name) nearest")
            #expect(cells[4] == two(fit.separation), "\(fit.name) cross r")
            #expect(cells[5] == two(fit.silhouette), "\(fit.name) silhouette")
        }
        // The seed notes' averages, checked against pandas (Tests/Fixtures/update-seed/reference.py).
        #expect(rows["[[Crypto-to-AI]]"]?[2] == "0.64")
        #expect(rows["[[DC REITs]]"]?[2] == "0.53")
        let mixed = try #require(analysis.sector(named: "Mixed")?.silhouette)
        #expect(mixed < 0)
        #expect(
            rows["[[Mixed]]"]?[6]
                == "CORZ closer to [[Crypto-to-AI]]; EQIX closer to [[DC REITs]]; not a cluster (silhouette "
                + two(mixed) + ")")
        #expect(rows["[[Crypto-to-AI]]"]?[6] == "none")
    }

    /// Miners outside Crypto-to-AI: the tree does not separate the two sectors, which the Findings cells say.
    @Test func findingsNameSectorsTheTreeDoesNotSeparate() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        try Self.write("---\ntickers: [CRWV, BTDR, CIFR]\n---\n# Hosts\n", "Sectors/Hosts.md", in: vault)
        try Self.write("---\nvaultgen: sector-map\nsince: 2024-01\n---\n" + Self.header, "Map.md", in: vault)
        _ = try vault.update()
        let rows = Self.rows(try vault.text("Map.md"))
        let crypto = ["CORZ", "HUT", "IREN", "WULF"]
        let hosts = ["CRWV", "BTDR", "CIFR"]
        let reits = ["EQIX", "DLR", "AMT", "IRM"]
        let prices = PriceFolderLoader.load(vault.root, crypto + reits + hosts)
        let options = CorrelationOptions(since: Day(iso: "2024-01-01"), until: Day(iso: "2026-01-30"))
        let analysis = ClusterAnalysis(
            distances: DistanceMatrix(
                matrix: CorrelationEngine.matrix(prices, tickers: crypto + reits + hosts, options: options)),
            sectors: [
                Sector(name: "Crypto-to-AI", tickers: crypto), Sector(name: "DC REITs", tickers: reits),
                Sector(name: "Hosts", tickers: hosts),
            ])
        #expect(analysis.notDistinct(from: "Crypto-to-AI") == ["Hosts"])
        #expect(rows["[[Crypto-to-AI]]"]?[6] == "not distinct from [[Hosts]]")
        #expect(rows["[[Hosts]]"]?[6].hasSuffix("; not distinct from [[Crypto-to-AI]]") == true)
        #expect(rows["[[DC REITs]]"]?[6] == "none")
    }

    @Test func onlyTheRowsAndPicturesChangeAndASecondRunChangesNothing() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let before = "---\nvaultgen: sector-map\ntags: [sector]\n---\n# Map\n\nMy own words, [[Crypto-to-AI]].\n\n"
        let after =
            "Typed right under the table.\n\n![[x-sector-map-heatmap.png]]\n\n![[x-sector-dendrogram.png]]\n\n"
            + "![[my-photo.png]]\n\nMore of mine.\n"
        try Self.write(before + Self.header + "| old | row |\n" + after, "Map.md", in: vault)
        let first = try vault.update()
        let text = try vault.text("Map.md")
        #expect(text.hasPrefix(before + Self.header + "| [[Crypto-to-AI]] | CORZ, HUT, IREN, WULF | 0.64 |"))
        #expect(text.hasSuffix("| none |\n" + after))
        #expect(text.components(separatedBy: "\n| [[").count == 3)
        // Tagged #sector or not, the map is no sector note (the seed has three: Data Centers has no tickers).
        #expect(first.plan.sectorNotes == 3)
        #expect(
            first.charts.filter { $0.note == "Map.md" }.map(\.kind).map(\.rawValue).sorted() == [
                "sector dendrogram", "sector map heat map",
            ])
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("my-photo.png").path))
        // The table's links are generated: never backlinks (they would reach the lists one run late).
        #expect(!(try vault.text("Sectors/DC REITs.md")).contains("[[Map]]"))
        #expect(try vault.text("Sectors/Crypto-to-AI.md").contains("- [[Map]]"))
        let pictures = first.charts.map(\.path)
        let bytes = try pictures.map { try Data(contentsOf: vault.root.appendingPathComponent($0)) }
        let second = try vault.update()
        #expect(second.written.isEmpty)
        #expect(second.charts.isEmpty)
        #expect(try vault.text("Map.md") == text)
        #expect(try pictures.map { try Data(contentsOf: vault.root.appendingPathComponent($0)) } == bytes)
    }

    /// A price file gone for a night (a failed download, a folder not synced yet) must not turn the map's rows
    /// into "(left out: …)" and n/a: the table and pictures stay as they were, the tickers named once.
    @Test func aMissingPriceFileLeavesTheMapAsItWas() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let map =
            "---\nvaultgen: sector-map\n---\n# Map\n\n" + Self.header
            + "| [[Crypto-to-AI]] | CORZ, HUT, IREN, WULF | 0.64 | [[DC REITs]] | 0.12 | 0.59 | none |\n"
            + "\n![[x-sector-map-heatmap.png]]\n"
        try Self.write(map, "Map.md", in: vault)
        try FileManager.default.removeItem(at: vault.root.appendingPathComponent("Prices/IREN.csv"))
        let outcome = try vault.update()
        #expect(try vault.text("Map.md") == map)
        #expect(!outcome.written.contains("Map.md"))
        #expect(!outcome.charts.contains { $0.note == "Map.md" })
        let warnings = outcome.plan.warnings.filter { $0.path == "Map.md" }.map(\.description)
        #expect(warnings == ["Map.md:6: warning: sector map left as it was: no prices for IREN"], "\(warnings)")
    }

    @Test func aTableWithoutBodyRowsGetsThemAndASectorNoteDoesNotDrawTheMapsPictures() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        try Self.write("---\nvaultgen: sector-map\n---\n# Map\n\n" + Self.header + "\nAfter.\n", "Map.md", in: vault)
        let crypto = try vault.text("Sectors/Crypto-to-AI.md")
        try Self.write(crypto + "\n![[y-sector-dendrogram.png]]\n", "Sectors/Crypto-to-AI.md", in: vault)
        let outcome = try vault.update()
        let rows = Self.rows(try vault.text("Map.md"))
        #expect(rows.count == 2)
        #expect(try vault.text("Map.md").hasSuffix("| none |\n\nAfter.\n"))
        #expect(!outcome.charts.contains { $0.path.hasSuffix("y-sector-dendrogram.png") })
    }

    @Test func newSectorMapIsCurrentAndNeverOverwrites() throws {
        let vault = try FixtureVault("update-seed")
        defer { vault.remove() }
        let common = ["--templates", Repo.templates.path, "--as-of", "2026-01-30"]
        let made = try CLI.run(["new", "sector-map", "Sector map", "--vault", vault.root.path] + common)
        #expect(made.status == 0, "\(made.err)")
        let text = try vault.text("Sector map.md")
        #expect(text.contains("vaultgen: sector-map"))
        #expect(text.contains("![[vault-sector-map-heatmap.png]]") && text.contains("![[vault-sector-dendrogram.png]]"))
        #expect(Self.rows(text).count == 2)
        let update = try CLI.run(["update", vault.root.path] + common)
        #expect(update.status == 0, "\(update.err)")
        #expect(update.out.contains("drew") && update.out.contains("vault-sector-dendrogram.png"))
        #expect(try vault.text("Sector map.md") == text)
        let again = try CLI.run(["new", "sector-map", "Sector map", "--vault", vault.root.path] + common)
        #expect(again.status == 2)
        #expect(again.err.contains("exists already; it is never overwritten"), "\(again.err)")
        #expect(try vault.text("Sector map.md") == text)
    }
}
