/// The part of Yahoo's chart JSON that vaultgen reads; every other key is ignored.
struct YahooChart: Decodable {
    var chart: Chart

    struct Chart: Decodable {
        var result: [ChartResult]?
        var error: ChartError?
    }

    struct ChartError: Decodable {
        var code: String?
        var description: String?
    }

    struct ChartResult: Decodable {
        var meta: Meta?
        var timestamp: [Int]?
        var indicators: Indicators
    }

    struct Meta: Decodable {
        var symbol: String?
        var gmtoffset: Int?
    }

    struct Indicators: Decodable {
        var quote: [Quote]
        var adjclose: [AdjustedClose]?
    }

    struct Quote: Decodable {
        var open: [Double?]?
        var high: [Double?]?
        var low: [Double?]?
        var close: [Double?]?
        var volume: [Double?]?
    }

    struct AdjustedClose: Decodable {
        var adjclose: [Double?]?
    }
}
