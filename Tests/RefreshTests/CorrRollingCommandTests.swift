import Foundation
import TestSupport
import Testing

@Suite("vaultgen corr --rolling")
struct CorrRollingCommandTests {
    static let synthetic = Repo.root.appendingPathComponent("Tests/CorrelationTests/Fixtures/synthetic")

    struct Printed: Decodable {
        struct Row: Decodable {
            let date: String
            let average: Double
            let pairCount: Int
        }
        let schema: String
        let window: Int
        let pairs: [[String]]
        let rows: [Row]
        var days: [String] { rows.map(\.date) }
        var values: [Double] { rows.map(\.average) }
        var pairCounts: [Int] { rows.map(\.pairCount) }
    }

    @Test func jsonEqualsPandasReference() throws {
        let result = try CLI.run([
            "corr", "ALFA", "BRAV", "ECHO", "FOXT", "--prices", Self.synthetic.path, "--rolling", "60", "--since",
            "2024-02-01", "--until", "2024-07-19", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.err)")
        let printed = try JSONDecoder().decode(Printed.self, from: Data(result.out.utf8))
        let file =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.synthetic.appendingPathComponent("rolling.json"))) as? [String: Any]
        let variants = try #require(file?["variants"] as? [[String: Any]])
        let reference = try #require(variants.first { $0["name"] as? String == "stocks-60-window" })
        #expect(printed.schema == "vaultgen.corr-rolling/1")
        #expect(printed.window == 60)
        #expect(printed.pairs.count == 6)
        #expect(printed.days == reference["days"] as? [String])
        #expect(printed.pairCounts == reference["pairCounts"] as? [Int])
        let values = try #require(reference["values"] as? [Double])
        try #require(values.count == printed.values.count)
        #expect(zip(values, printed.values).allSatisfy { abs($0 - $1) <= 1e-9 })
    }

    /// The columns are date, average and pairCount in every format.
    @Test func everyFormatNamesTheColumnsAlike() throws {
        let common = ["corr", "ALFA", "BRAV", "--prices", Self.synthetic.path, "--rolling", "20"]
        let csv = try CLI.run(common + ["--format", "csv"])
        #expect(csv.out.hasPrefix("date,average,pairCount\n"))
        let markdown = try CLI.run(common + ["--format", "markdown"])
        #expect(markdown.out.contains("\n| Date | Average | Pair count |\n"))
        let table = try CLI.run(common)
        #expect(table.out.contains("\ndate        average  pair count\n"))
        let json = try CLI.run(common + ["--format", "json"])
        let rows = try JSONDecoder().decode(Printed.self, from: Data(json.out.utf8)).rows
        #expect(rows.first?.date == "2024-01-31")
        #expect(rows.first?.pairCount == 1)
        #expect(rows.count == csv.out.split(separator: "\n").count - 1)
    }

    @Test func aMissingTickerIsAWarningAndExitOne() throws {
        let result = try CLI.run(["corr", "ALFA", "NOPE", "--prices", Self.synthetic.path, "--rolling", "20"])
        #expect(result.status == 1)
        #expect(result.err.contains("warning: NOPE left out:"))
    }

    @Test(arguments: [
        ["--rolling", "1"], ["--rolling", "20", "--method", "spearman"], ["--rolling", "20", "--weekly"],
    ])
    func optionsItCannotHonourAreUsageErrors(_ options: [String]) throws {
        let result = try CLI.run(["corr", "ALFA", "BRAV", "--prices", Self.synthetic.path] + options)
        #expect(result.status == 2)
    }
}
