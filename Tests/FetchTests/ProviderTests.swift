import Correlation
import Foundation
import Testing

@testable import Fetch

@Suite("Providers: requests and answers, without a network")
struct ProviderTests {
    @Test(arguments: [
        ("HUT", "hut.us"), ("BTC-USD", "btcusd"), ("BRK-B", "brk-b.us"), ("BRK.B", "brk-b.us"), ("^SPX", "^spx"),
        ("VOD.L", "vod.uk"), ("CDR.PL", "cdr.pl"),
    ])
    func stooqSymbols(ticker: String, symbol: String) {
        #expect(PriceProvider.stooqSymbol(ticker) == symbol)
    }

    @Test func stooqAsksForTheRangeAndTheKey() throws {
        let url = try #require(
            PriceProvider.stooq.url(
                ticker: "HUT", from: Day(iso: "2024-03-19"), through: Day(iso: "2024-03-29")!,
                baseURL: "https://stooq.com/", key: "s3cret"))
        #expect(url.absoluteString == "https://stooq.com/q/d/l/?s=hut.us&i=d&d1=20240319&d2=20240329&apikey=s3cret")
        #expect(
            PriceProvider.redacted(url) == "https://stooq.com/q/d/l/?s=hut.us&i=d&d1=20240319&d2=20240329&apikey=***")
    }

    @Test func yahooEscapesTheTickerAndAsksFromTheDayBefore() throws {
        let url = try #require(
            PriceProvider.yahoo.url(
                ticker: "^GSPC", from: Day(iso: "2024-03-19"), through: Day(iso: "2024-03-29")!,
                baseURL: "http://127.0.0.1:9", key: "ignored"))
        #expect(
            url.absoluteString
                == "http://127.0.0.1:9/v8/finance/chart/%5EGSPC?period1=1710720000&period2=1711756800&interval=1d&events=div,split&includeAdjustedClose=true"
        )
    }

    @Test(arguments: ["ftp://example.com", "example.com", ""])
    func aBaseURLThatIsNotHTTPMakesNoRequest(base: String) {
        #expect(
            PriceProvider.stooq.url(ticker: "HUT", from: nil, through: Day(iso: "2024-03-29")!, baseURL: base, key: nil)
                == nil)
    }

    @Test func stooqCSVWithoutVolumeAndWithCompactDates() throws {
        let bars = try PriceProvider.stooq.bars(
            from: HTTPResponse(status: 200, body: Array("Date,Open,High,Low,Close\n20240102,1,2,0.5,1.5\n".utf8)))
        #expect(bars == [DailyBar(day: Day(iso: "2024-01-02")!, open: 1, high: 2, low: 0.5, close: 1.5)])
    }

    @Test(arguments: [
        ("No data", FetchFailure.noData("Stooq: No data")),
        ("Exceeded the daily hits limit", .quotaExceeded),
        ("Get your apikey:\n\n1. Open https://stooq.com", .needsKey),
        ("  \r\n", .emptyResponse),
        ("\n<html><body>Just a moment...</body></html>", .htmlPage),
        ("Symbol,Date,Close\nHUT,2024-01-02,1\n", .malformed("unexpected header 'Symbol,Date,Close'")),
        (
            "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,0,5\n",
            .malformed("a close on 2024-01-02 is not a positive number")
        ),
        ("Date,Open,High,Low,Close,Volume\n2024-13-02,1,1,1,1,5\n", .malformed("row 2: bad date '2024-13-02'")),
    ])
    func stooqProblemsAnsweredWithStatus200(body: String, failure: FetchFailure) {
        #expect(throws: failure) {
            try PriceProvider.stooq.bars(from: HTTPResponse(status: 200, body: Array(body.utf8)))
        }
    }

    @Test func anErrorStatusIsRejectedWhateverTheBody() {
        let response = HTTPResponse(status: 403, body: Array("Date,Close\n2024-01-02,1\n".utf8))
        #expect(throws: FetchFailure.rejected(status: 403)) { try PriceProvider.stooq.bars(from: response) }
        #expect(throws: FetchFailure.rejected(status: 403)) { try PriceProvider.yahoo.bars(from: response) }
    }

    @Test func yahooUsesAdjustedClosesSkipsNullsAndKeepsTheLaterOfTwinDays() throws {
        // 2024-01-02 and 2024-01-03 at 14:30 UTC, a halted day (null close), and a live twin of 2024-01-03.
        let json = """
            {"chart":{"result":[{"meta":{"gmtoffset":-18000},"timestamp":[1704205800,1704292200,1704378600,1704310000],
            "indicators":{"quote":[{"open":[1,2,null,2.5],"high":[1,2,null,3],"low":[1,2,null,2],"close":[10,20,null,21],
            "volume":[100,200,null,300]}],"adjclose":[{"adjclose":[5,10,null,10.5]}]}}],"error":null}}
            """
        let bars = try PriceProvider.yahoo.bars(from: HTTPResponse(status: 200, body: Array(json.utf8)))
        #expect(
            bars == [
                DailyBar(
                    day: Day(iso: "2024-01-02")!, open: 1, high: 1, low: 1, close: 10, adjustedClose: 5, volume: 100),
                DailyBar(
                    day: Day(iso: "2024-01-03")!, open: 2.5, high: 3, low: 2, close: 21, adjustedClose: 10.5,
                    volume: 300),
            ])
    }

    @Test func yahooCryptoBarsAtMidnightUTCKeepTheirDay() throws {
        let json =
            #"{"chart":{"result":[{"meta":{"gmtoffset":0},"timestamp":[1704153600],"indicators":{"quote":[{"close":[42000.5]}]}}],"error":null}}"#
        let bars = try PriceProvider.yahoo.bars(from: HTTPResponse(status: 200, body: Array(json.utf8)))
        #expect(bars.map(\.day.iso) == ["2024-01-02"])
        #expect(bars.map(\.adjustedClose) == [42000.5])
    }

    @Test(arguments: [
        ("BRK.B", "BRK-B", true), ("brk-b", "BRK-B", true), ("^GSPC", "^GSPC", true), ("HUT", "IREN", false),
    ])
    func yahooSymbolMustNameTheTickerAsYahooWritesIt(ticker: String, symbol: String, taken: Bool) throws {
        let json =
            #"{"chart":{"result":[{"meta":{"symbol":"\#(symbol)","gmtoffset":0},"timestamp":[1704153600],"indicators":{"quote":[{"close":[1.5]}]}}],"error":null}}"#
        let response = HTTPResponse(status: 200, body: Array(json.utf8))
        if taken {
            #expect(try PriceProvider.yahoo.bars(from: response, ticker: ticker).map(\.close) == [1.5])
        } else {
            #expect(throws: FetchFailure.wrongSymbol(asked: ticker, answered: symbol)) {
                try PriceProvider.yahoo.bars(from: response, ticker: ticker)
            }
        }
    }

    @Test func yahooArraysOfDifferentLengthsAreMalformed() {
        let json =
            #"{"chart":{"result":[{"timestamp":[1704205800,1704292200],"indicators":{"quote":[{"close":[1]}]}}],"error":null}}"#
        #expect(throws: FetchFailure.malformed("2 timestamps but not as many closes")) {
            try PriceProvider.yahoo.bars(from: HTTPResponse(status: 200, body: Array(json.utf8)))
        }
    }

    @Test func yahooRangeWithoutBarsIsNoData() {
        let json = #"{"chart":{"result":[{"meta":{},"indicators":{"quote":[{}]}}],"error":null}}"#
        #expect(throws: FetchFailure.noData("Yahoo: no bars in the range")) {
            try PriceProvider.yahoo.bars(from: HTTPResponse(status: 200, body: Array(json.utf8)))
        }
    }
}
