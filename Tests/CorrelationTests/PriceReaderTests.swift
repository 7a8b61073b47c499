import Testing

@testable import Correlation

@Suite struct PriceReaderTests {
    /// `2024-01-02:10.0 2024-01-03:10.5`, a compact form to compare series against literals.
    static func dump(_ series: PriceSeries) -> String {
        zip(series.days, series.closes).map { "\($0.iso):\($1)" }.joined(separator: " ")
    }

    static func parse(_ text: String) throws -> PriceSeries {
        try PriceReader.parse(text, ticker: "X", file: "Prices/X.csv")
    }

    @Test func readsDateClose() throws {
        let series = try Self.parse("Date,Close\n2024-01-02,10\n2024-01-03,10.5\n")
        #expect(series.ticker == "X")
        #expect(Self.dump(series) == "2024-01-02:10.0 2024-01-03:10.5")
    }

    @Test func readsYahooFromAdjCloseAndSkipsNullRows() throws {
        let text = """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,10,11,9,10.2,9.8,100
            2024-01-03,null,null,null,null,null,null
            2024-01-04,10,11,9,10.6,10.6,100
            """
        #expect(try Self.dump(Self.parse(text)) == "2024-01-02:9.8 2024-01-04:10.6")
    }

    @Test func readsStooqFromClose() throws {
        let text = "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.2,100\n2024-01-03,10,11,9,10.4,100\n"
        #expect(try Self.dump(Self.parse(text)) == "2024-01-02:10.2 2024-01-03:10.4")
    }

    @Test func toleratesBOMCRLFCaseSpacesAndBlankTrailingLines() throws {
        let text = "\u{FEFF} date , CLOSE \r\n2024-01-02 , 10 \r\n2024-01-03,11\r\n\r\n  \r\n"
        #expect(try Self.dump(Self.parse(text)) == "2024-01-02:10.0 2024-01-03:11.0")
    }

    @Test func acceptsOldMacLineEndsAndQuotedCells() throws {
        let text = "\"Date\",\"Close\"\r2024-01-02,\"10\"\r2024-01-03, \"11.5\" \r"
        #expect(try Self.dump(Self.parse(text)) == "2024-01-02:10.0 2024-01-03:11.5")
    }

    @Test func acceptsATimeAfterTheDate() throws {
        let text = "Date,Close\n2024-01-02 00:00:00,10\n2024-01-03T16:00:00Z,11\n"
        #expect(try Self.dump(Self.parse(text)) == "2024-01-02:10.0 2024-01-03:11.0")
    }

    @Test func sortsUnsortedRows() throws {
        let text = "Date,Close\n2024-01-04,12\n2024-01-02,10\n2024-01-03,11\n"
        #expect(try Self.dump(Self.parse(text)) == "2024-01-02:10.0 2024-01-03:11.0 2024-01-04:12.0")
    }

    @Test(arguments: [
        ("Date,Close\n2024-01-02,10\n2024-01-02,11\n", "Prices/X.csv:3: duplicate date 2024-01-02 (first on line 2)"),
        // Out of order, with a blank line: the duplicate is found among dates read before the order broke.
        (
            "Date,Close\n\n2024-01-01,9\n2024-01-03,10\n2024-01-02,12\n2024-01-03,11\n",
            "Prices/X.csv:6: duplicate date 2024-01-03 (first on line 4)"
        ),
        ("Date,Close\n2024-01-02,0\n", "Prices/X.csv:2: price 0 is not a positive finite number"),
        ("Date,Close\n2024-01-02,-3.5\n", "Prices/X.csv:2: price -3.5 is not a positive finite number"),
        ("Date,Close\n2024-01-02,inf\n", "Prices/X.csv:2: price inf is not a positive finite number"),
        ("Date,Close\n2024-01-02,nan\n", "Prices/X.csv:2: price nan is not a positive finite number"),
        ("Date,Close\n2024-01-02,ten\n", "Prices/X.csv:2: price 'ten' is not a number"),
        ("Date,Close\n2024-01-02,\n", "Prices/X.csv:2: price '' is not a number"),
        ("Date,Close\n2024-01-02\n", "Prices/X.csv:2: expected 2 columns, found 1 in '2024-01-02'"),
        ("Date,Close\n2024-01-02,1,2\n", "Prices/X.csv:2: expected 2 columns, found 3 in '2024-01-02,1,2'"),
        ("Date,Close\n01/02/2024,10\n", "Prices/X.csv:2: bad date '01/02/2024' (expected YYYY-MM-DD)"),
        ("Date,Close\n2024-01-02x,10\n", "Prices/X.csv:2: bad date '2024-01-02x' (expected YYYY-MM-DD)"),
        ("Date,Close\n2023-02-29,10\n", "Prices/X.csv:2: bad date '2023-02-29' (expected YYYY-MM-DD)"),
        (
            "Date;Close\n2024-01-02;10\n",
            "Prices/X.csv:1: unknown header 'Date;Close' (expected Date,Close or Date,Open,High,Low,Close[,Adj Close],Volume)"
        ),
        ("", "Prices/X.csv:1: empty file"),
        ("\n \n", "Prices/X.csv:1: empty file"),
        ("Date,Close\n", "Prices/X.csv:2: no price rows after the header"),
        (
            "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,null,null,null,null,null,null\n",
            "Prices/X.csv:2: no price rows after the header"
        ),
    ])
    func reportsFileLineAndValue(text: String, message: String) {
        let error = #expect(throws: PriceFileError.self) { try Self.parse(text) }
        #expect(error?.description == message)
    }

    @Test func errorsCarryFileAndLine() {
        let error = PriceFileError.duplicateDate(file: "Prices/HUT.csv", line: 14, date: "2024-03-01", firstLine: 9)
        #expect(error.file == "Prices/HUT.csv")
        #expect(error.line == 14)
        #expect(error.description.hasPrefix("Prices/HUT.csv:14: duplicate date 2024-03-01"))
    }
}
