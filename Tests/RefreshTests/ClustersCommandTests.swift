import Foundation
import TestSupport
import Testing

@Suite("vaultgen clusters on the command line")
struct ClustersCommandTests {
    struct Report: Decodable {
        struct LeftOut: Decodable {
            let ticker: String
            let reason: String
        }
        struct Sector: Decodable {
            let name: String
            let tickers: [String]
            let silhouette: Double?
        }
        struct Finding: Decodable {
            let kind: String
            let sectors: [String]
        }
        let tickers: [String]
        let Z: [[Double]]
        let sectors: [Sector]
        let findings: [Finding]
        let leftOut: [LeftOut]
    }

    struct Reference: Decodable {
        struct Case: Decodable {
            let name: String
            let tickers: [String]
            let Z: [[Double]]
        }
        let cases: [Case]
    }

    @Test func sampleVaultClustersItsSectorNotes() throws {
        let result = try CLI.run(["clusters", Repo.sampleVault.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Average-linkage clusters of 8 tickers, distance 1 - r\n"))
        #expect(result.out.contains("\n  Crypto-to-AI        4"))
        #expect(result.out.contains("\n  DC REITs            4"))
        #expect(result.out.contains("\nFindings\n"))
        #expect(result.err.isEmpty)
    }

    @Test func markdownHasTheSectorTableAndTheTree() throws {
        let result = try CLI.run(["clusters", Repo.sampleVault.path, "--format", "markdown"])
        #expect(result.status == 0)
        #expect(
            result.out.contains(
                "| Sector | Tickers | Cohesion (mean r) | Nearest sector | Separation (mean r) | Mean silhouette |"))
        #expect(result.out.contains("| [[Crypto-to-AI]] | CORZ, HUT, IREN, WULF | "))
        #expect(result.out.contains("## Tree\n\n```text\n"))
    }

    /// The Done-when comparison: the command's Z on every real ticker is scipy's on pandas' matrix.
    @Test(.enabled(if: Repo.hasSharedPrices, "../shared/data/prices is absent beside the package"))
    func jsonOnTheRealPricesIsScipysLinkage() throws {
        let result = try CLI.run([
            "clusters", Repo.sampleVault.path, "--prices", Repo.sharedPrices.path, "--all", "--since", "2024-01-02",
            "--until", "2026-01-30", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.err)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.out.utf8))
        let url = Repo.fixtures.appendingPathComponent("clusters/reference.json")
        let cases = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url)).cases
        let real = try #require(cases.first { $0.name == "real" })
        #expect(report.tickers == real.tickers)
        #expect(report.Z.count == real.Z.count)
        for (row, expected) in zip(report.Z, real.Z) {
            #expect(row[0] == expected[0] && row[1] == expected[1] && row[3] == expected[3], "\(row) \(expected)")
            #expect(abs(row[2] - expected[2]) <= 1e-9, "\(row) \(expected)")
        }
        #expect(report.sectors.map(\.name) == ["Crypto-to-AI", "DC REITs"])
        #expect(report.leftOut.isEmpty)
    }

    @Test func aTickerWithTooFewCommonDaysIsLeftOutWithAWarning() throws {
        let scratch = try Scratch("clusters-na")
        try Scratch.markVault(scratch.url)
        let prices = scratch.url.appendingPathComponent("Prices")
        try FileManager.default.createDirectory(at: prices, withIntermediateDirectories: true)
        var seed: UInt64 = 17
        for (ticker, days) in [("AAA", 120), ("BBB", 120), ("CCC", 120), ("LATE", 30)] {
            var price = 100.0
            var lines = ["Date,Close"]
            for day in 0..<120 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                price *= 1 + (Double(seed >> 11) / Double(1 << 53) - 0.5) / 20
                guard day >= 120 - days else { continue }
                let date = Calendar(identifier: .gregorian).date(
                    byAdding: .day, value: day, to: Date(timeIntervalSince1970: 1_704_067_200))!
                lines.append(
                    "\(ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: .withFullDate)),\(price)")
            }
            try (lines.joined(separator: "\n") + "\n").write(
                to: prices.appendingPathComponent("\(ticker).csv"), atomically: true, encoding: .utf8)
        }
        let result = try CLI.run([
            "clusters", scratch.url.path, "--tickers", "AAA,LATE,BBB,CCC", "--format", "json",
        ])
        #expect(result.status == 1)
        #expect(
            result.err
                == "vaultgen: warning: LATE left out: no correlation with AAA (only 29 common days (minimum 60)) and 2 more n/a pairs\n"
        )
        let report = try JSONDecoder().decode(Report.self, from: Data(result.out.utf8))
        #expect(report.tickers == ["AAA", "BBB", "CCC"])
        #expect(report.leftOut.map(\.ticker) == ["LATE"])
        #expect(report.Z.count == 2)
    }

    @Test func tickersAndAllDoNotGoTogether() throws {
        let result = try CLI.run(["clusters", Repo.sampleVault.path, "--tickers", "HUT,IREN", "--all"])
        #expect(result.status == 2)
        #expect(result.err.contains("--tickers and --all cannot be used together."))
    }
}
