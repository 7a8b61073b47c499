import Foundation
import Testing

@testable import Correlation

/// The renderers of `vaultgen corr`, on a small literal request with one missing ticker.
@Suite struct ReportTests {
    static func report() throws -> CorrelationReport {
        let files = [
            "AAA": "Date,Close\n2024-01-01,10\n2024-01-02,11\n2024-01-03,10\n2024-01-04,12\n2024-01-05,11.5\n",
            "BBB": "Date,Close\n2024-01-01,20\n2024-01-02,21\n2024-01-03,20.5\n2024-01-04,22\n2024-01-05,22.5\n",
            "CCC": "Date,Close\n2024-01-01,30\n2024-01-02,29\n2024-01-03,30\n2024-01-04,28\n2024-01-05,29\n",
        ]
        var prices: [String: Result<PriceSeries, PriceProblem>] = [:]
        for (ticker, text) in files {
            prices[ticker] = .success(try PriceReader.parse(text, ticker: ticker, file: "Prices/\(ticker).csv"))
        }
        prices["NOPE"] = .failure(.missingFile(ticker: "NOPE", file: "Prices/NOPE.csv"))
        let options = CorrelationOptions(since: Day(iso: "2024-01-02"), minOverlap: 3)
        let matrix = CorrelationEngine.matrix(prices, tickers: ["AAA", "BBB", "CCC", "NOPE"], options: options)
        return CorrelationReport(matrix: matrix)
    }

    @Test func table() throws {
        #expect(
            try Self.report().render(.table) == """
                Correlation of daily simple returns, Pearson, pairwise-complete dates, 2024-01-02 to 2024-01-05, \
                minimum 3 common days

                         AAA    BBB    CCC   NOPE
                AAA     1.00   0.95  -0.99    n/a
                BBB     0.95   1.00  -0.89    n/a
                CCC    -0.99  -0.89   1.00    n/a
                NOPE     n/a    n/a    n/a    n/a

                Pairs, high to low
                  AAA-BBB    0.95  4 common days
                  BBB-CCC   -0.89  4 common days
                  AAA-CCC   -0.99  4 common days
                  AAA-NOPE    n/a  NOPE left out: Prices/NOPE.csv: no such file
                  BBB-NOPE    n/a  NOPE left out: Prices/NOPE.csv: no such file
                  CCC-NOPE    n/a  NOPE left out: Prices/NOPE.csv: no such file

                Average  -0.31  mean of 3 unrounded pairs; 3 n/a pairs excluded
                Lowest   -0.99  AAA-CCC
                Highest  0.95  AAA-BBB

                Mean to others
                  AAA    -0.02
                  BBB     0.03
                  CCC    -0.94
                  NOPE     n/a

                """)
    }

    @Test func markdown() throws {
        #expect(
            try Self.report().render(.markdown) == """
                Correlation of daily simple returns, Pearson, pairwise-complete dates, 2024-01-02 to 2024-01-05, \
                minimum 3 common days.

                | | AAA | BBB | CCC | NOPE |
                | --- | ---: | ---: | ---: | ---: |
                | **AAA** | 1.00 | 0.95 | -0.99 | n/a |
                | **BBB** | 0.95 | 1.00 | -0.89 | n/a |
                | **CCC** | -0.99 | -0.89 | 1.00 | n/a |
                | **NOPE** | n/a | n/a | n/a | n/a |

                | Pair | r | Overlap |
                | --- | ---: | --- |
                | AAA - BBB | 0.95 | 4 |
                | BBB - CCC | -0.89 | 4 |
                | AAA - CCC | -0.99 | 4 |
                | AAA - NOPE | n/a | NOPE left out: Prices/NOPE.csv: no such file |
                | BBB - NOPE | n/a | NOPE left out: Prices/NOPE.csv: no such file |
                | CCC - NOPE | n/a | NOPE left out: Prices/NOPE.csv: no such file |

                | Figure | Value |
                | --- | --- |
                | **Average** | **-0.31** (mean of 3 unrounded pairs; 3 n/a pairs excluded) |
                | Lowest | -0.99 (AAA-CCC) |
                | Highest | 0.95 (AAA-BBB) |
                | Mean to others, AAA | -0.02 |
                | Mean to others, BBB | 0.03 |
                | Mean to others, CCC | -0.94 |
                | Mean to others, NOPE | n/a |

                """)
    }

    /// Full precision: the values are pandas' for the same closes.
    @Test func csv() throws {
        #expect(
            try Self.report().render(.csv) == """
                ticker,AAA,BBB,CCC,NOPE
                AAA,1.0,0.9472809084992788,-0.985919492190054,
                BBB,0.9472809084992788,1.0,-0.8854502527591726,
                CCC,-0.985919492190054,-0.8854502527591726,1.0,
                NOPE,,,,

                a,b,r,overlap,reason
                AAA,BBB,0.9472809084992788,4,
                BBB,CCC,-0.8854502527591726,4,
                AAA,CCC,-0.985919492190054,4,
                AAA,NOPE,,0,NOPE left out: Prices/NOPE.csv: no such file
                BBB,NOPE,,0,NOPE left out: Prices/NOPE.csv: no such file
                CCC,NOPE,,0,NOPE left out: Prices/NOPE.csv: no such file

                figure,subject,value
                average,,-0.3080296121499826
                excludedPairs,,3
                lowest,AAA-CCC,-0.985919492190054
                highest,AAA-BBB,0.9472809084992788
                meanToOthers,AAA,-0.01931929184538761
                meanToOthers,BBB,0.030915327870053133
                meanToOthers,CCC,-0.9356848724746133
                meanToOthers,NOPE,

                """)
    }

    @Test func csvQuotesCellsWithCommas() {
        #expect(CorrelationReport.csvCell("a,b") == "\"a,b\"")
        #expect(CorrelationReport.csvCell("say \"x\", y") == "\"say \"\"x\"\", y\"")
        #expect(CorrelationReport.csvCell("plain") == "plain")
    }

    @Test func csvQuotesTickersWithCommasInEverySection() throws {
        let text = "Date,Close\n2024-01-01,10\n2024-01-02,11\n2024-01-03,10\n2024-01-04,12\n"
        var prices: [String: Result<PriceSeries, PriceProblem>] = [:]
        for ticker in ["A,B", "C"] {
            prices[ticker] = .success(try PriceReader.parse(text, ticker: ticker, file: "Prices/\(ticker).csv"))
        }
        let options = CorrelationOptions(minOverlap: 2)
        let matrix = CorrelationEngine.matrix(prices, tickers: ["A,B", "C"], options: options)
        let lines = CorrelationReport(matrix: matrix).render(.csv).split(
            separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count > 5)
        #expect(lines[0] == "ticker,\"A,B\",C")
        #expect(lines[1].hasPrefix("\"A,B\",1.0,"))
        #expect(lines[4] == "a,b,r,overlap,reason")
        #expect(lines[5].hasPrefix("\"A,B\",C,") && lines[5].hasSuffix(",3,"))
        #expect(lines.contains { $0.hasPrefix("meanToOthers,\"A,B\",") })
    }

    @Test func jsonKeepsEveryKeyWithNullForNotAvailable() throws {
        let text = try Self.report().render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            object.keys.sorted() == [
                "alignment", "average", "excludedPairs", "frequency", "from", "highest", "leftOut", "lowest", "matrix",
                "meanToOthers", "method", "minOverlap", "pairs", "returns", "schema", "tickers", "to", "vault",
            ])
        #expect(object["schema"] as? String == "vaultgen.corr/1")
        #expect(object["vault"] is NSNull)
        // Numbers are checked in the text: Foundation's JSON parser on Linux can be off in the last digit.
        #expect(text.contains("\"average\" : -0.3080296121499826,"))
        #expect(text.contains("      0.9472809084992788,\n"))
        #expect(object["from"] as? String == "2024-01-02")
        #expect(object["to"] as? String == "2024-01-05")
        #expect(object["leftOut"] as? [String: String] == ["NOPE": "Prices/NOPE.csv: no such file"])
        let matrix = try #require(object["matrix"] as? [[Any]])
        #expect(matrix[0][0] as? Double == 1)
        #expect(matrix[0][3] is NSNull)
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(
            pairs.map { "\($0["a"]!)-\($0["b"]!)" } == [
                "AAA-BBB", "BBB-CCC", "AAA-CCC", "AAA-NOPE", "BBB-NOPE", "CCC-NOPE",
            ])
        #expect(pairs[3]["r"] is NSNull)
        #expect(text.contains("\"reason\" : \"NOPE left out: Prices/NOPE.csv: no such file\""))
    }

    /// Every format names a thing alike: JSON keys and CSV headers are the same words, and table and markdown
    /// spell them spaced and capitalised (`excludedPairs`, `Excluded pairs`).
    @Test func everyFormatNamesTheFiguresAlike() throws {
        let report = try Self.report()
        func words(_ name: String) -> String {
            name.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1 $2", options: .regularExpression).lowercased()
        }
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any])
        let pairKeys = try #require((object["pairs"] as? [[String: Any]])?.first?.keys.sorted())
        let csv = report.render(.csv).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let csvPairHeader = try #require(csv.first { $0.hasPrefix("a,b,") })
        #expect(csvPairHeader.split(separator: ",").map(String.init).sorted() == pairKeys)
        let figures = csv.drop { $0 != "figure,subject,value" }.dropFirst().compactMap {
            $0.split(separator: ",").first
        }
        let csvFigures = Set(figures.map(String.init))
        #expect(csvFigures == ["average", "excludedPairs", "lowest", "highest", "meanToOthers"])
        #expect(csvFigures.allSatisfy { object[$0] != nil })
        // Table and markdown: the same words, spaced and capitalised.
        let table = report.render(.table)
        let markdown = report.render(.markdown)
        for name in csvFigures where name != "excludedPairs" {
            let spaced = words(name).prefix(1).uppercased() + words(name).dropFirst()
            #expect(table.contains("\n\(spaced)"), "\(spaced) in the table")
            #expect(markdown.contains("| \(spaced)") || markdown.contains("| **\(spaced)**"), "\(spaced) in markdown")
        }
        #expect(markdown.contains("| Pair | r | Overlap |"))
        #expect(pairKeys.contains("overlap") && pairKeys.contains("r"))
    }

    @Test func twoDecimalsNeverPrintsNegativeZero() {
        #expect(CorrelationReport.twoDecimals(-0.001) == "0.00")
        #expect(CorrelationReport.twoDecimals(0.7036600096596813) == "0.70")
        #expect(CorrelationReport.twoDecimals(-0.526) == "-0.53")
        #expect(CorrelationReport.twoDecimals(nil) == "n/a")
    }

    @Test func warnsAboutTickersLeftOut() throws {
        let report = try Self.report()
        #expect(report.warnings == ["warning: NOPE left out: Prices/NOPE.csv: no such file"])
        #expect(report.hasDataProblems)
    }
}
