import Correlation
import Testing

@testable import Fetch

@Suite("Price files: merging new bars into the bytes already there")
struct PriceFileTests {
    func file(_ text: String) throws -> PriceFile {
        try PriceFile(bytes: Array(text.utf8), ticker: "HUT", name: "Prices/HUT.csv")
    }

    func bar(_ date: String, _ close: Double, adjusted: Double? = nil) -> DailyBar {
        DailyBar(
            day: Day(iso: date)!, open: close - 1, high: close + 1, low: close - 2, close: close,
            adjustedClose: adjusted, volume: 1500)
    }

    @Test func pricesAreComparedAtThePrecisionTheFileWroteThem() throws {
        let cents = try file("Date,Close\n2024-01-02,4.09\n")
        #expect(cents.matches(4.0899999, on: Day(iso: "2024-01-02")!) == true)
        #expect(cents.matches(4.096, on: Day(iso: "2024-01-02")!) == false)
        #expect(cents.matches(4.09, on: Day(iso: "2024-01-03")!) == nil)
        let full = try file("Date,Close\n2024-01-02,4.090000152587891\n")
        #expect(full.matches(4.09, on: Day(iso: "2024-01-02")!) == true)
        #expect(full.matches(4.0901, on: Day(iso: "2024-01-02")!) == false)
    }

    @Test func mergeAppendsCorrectsTheLastDayOrAsksForARewrite() throws {
        let price = try file("Date,Close\n2024-01-02,10\n2024-01-03,11\n2024-01-04,12\n")
        #expect(price.merge([bar("2024-01-03", 11), bar("2024-01-04", 12)]) == .upToDate)
        #expect(
            price.merge([bar("2024-01-04", 12), bar("2024-01-05", 13)])
                == .append([bar("2024-01-05", 13)], corrects: nil))
        #expect(
            price.merge([bar("2024-01-04", 12.9), bar("2024-01-05", 13)])
                == .append([bar("2024-01-04", 12.9), bar("2024-01-05", 13)], corrects: Day(iso: "2024-01-04")))
        #expect(
            price.merge([bar("2024-01-02", 5), bar("2024-01-03", 5.5), bar("2024-01-05", 6.5)])
                == .rewrite(firstDifference: Day(iso: "2024-01-02")!))
    }

    @Test func appendingKeepsCRLFAndAddsAMissingFinalLineEnd() throws {
        let price = try file("Date,Close\r\n2024-01-02,10\r\n2024-01-03,11")
        let bytes = try #require(price.appending([bar("2024-01-04", 12)], replacingLastRow: false))
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "Date,Close\r\n2024-01-02,10\r\n2024-01-03,11\r\n2024-01-04,12.0\r\n")
    }

    @Test func replacingTheLastRowCutsOnlyThatLine() throws {
        let price = try file("Date,Close\n2024-01-02,10\n2024-01-03,11\n\n")
        let bytes = try #require(
            price.appending([bar("2024-01-03", 11.5), bar("2024-01-04", 12)], replacingLastRow: true))
        #expect(
            String(decoding: bytes, as: UTF8.self) == "Date,Close\n2024-01-02,10\n2024-01-03,11.5\n2024-01-04,12.0\n")
    }

    @Test func anUnsortedFileCannotHaveItsLastDayCutOff() throws {
        let price = try file("Date,Close\n2024-01-03,11\n2024-01-02,10\n")
        #expect(price.appending([bar("2024-01-03", 11.5)], replacingLastRow: true) == nil)
    }

    @Test func aRewriteKeepsTheHeaderAsWrittenTheByteOrderMarkAndTheLineEnds() throws {
        let price = try file("\u{FEFF}date , CLOSE\r\n2024-01-02,10\r\n")
        let bytes = price.rewritten(with: [bar("2024-01-02", 20, adjusted: 5), bar("2024-01-03", 22, adjusted: 5.5)])
        #expect(
            String(decoding: bytes, as: UTF8.self) == "\u{FEFF}date , CLOSE\r\n2024-01-02,5.0\r\n2024-01-03,5.5\r\n")
    }

    @Test func yahooLayoutRowsKeepCloseAndAdjustedCloseApart() throws {
        let price = try file("Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,1.25,100\n")
        #expect(price.layout == .yahoo)
        let bytes = try #require(price.appending([bar("2024-01-03", 20, adjusted: 10)], replacingLastRow: false))
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("\n2024-01-03,19.0,21.0,18.0,20.0,10.0,1500\n"))
    }

    @Test func stooqLayoutRowsAreAdjustedAsAWhole() throws {
        let price = try file("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,100\n")
        #expect(price.layout == .stooq)
        // Yahoo's bar: close 20, adjusted 10, so open, high and low are halved too.
        let bytes = try #require(price.appending([bar("2024-01-03", 20, adjusted: 10)], replacingLastRow: false))
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("\n2024-01-03,9.5,10.5,9.0,10.0,1500\n"))
    }

    @Test func aNewFileIsDateCloseWithTheAdjustedClose() {
        let bytes = PriceFile.newFile([bar("2024-01-02", 20, adjusted: 10)])
        #expect(String(decoding: bytes, as: UTF8.self) == "Date,Close\n2024-01-02,10.0\n")
    }

    @Test func volumesAreWholeNumbersUnlessTheyAreNot() {
        #expect(PriceFileLayout.volume(12_097_775_227) == "12097775227")
        #expect(PriceFileLayout.volume(0.5) == "0.5")
        #expect(PriceFileLayout.volume(nil) == "")
    }

    @Test func aFileTheReaderRejectsIsReportedWithItsLine() {
        #expect(throws: FetchFailure.badPriceFile("Prices/HUT.csv:2: price 'n/a' is not a number")) {
            try file("Date,Close\n2024-01-02,n/a\n")
        }
    }
}
