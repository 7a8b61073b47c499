import Foundation
import Testing

@testable import Correlation

@Suite struct EngineTests {
    /// A deterministic stream of numbers in [0, 1), so generated prices are the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func series(_ ticker: String, start: Int, closes: [Double]) -> PriceSeries {
        PriceSeries(
            ticker: ticker, days: closes.indices.map { Day(daysSince1970: 19_723 + start + $0) }, closes: closes)
    }

    /// The last case is above `CrossProducts.blasThreshold`, so OpenBLAS computes it.
    @Test(arguments: [(7, 5, 13), (70, 67, 300), (1, 1, 1), (66, 3, 257), (130, 130, 500)])
    func crossProductsMatchPlainLoops(rowsA: Int, rowsB: Int, length: Int) {
        var generator = Generator(state: UInt64(rowsA * 1000 + length))
        let a = (0..<rowsA * length).map { _ in generator.next() - 0.5 }
        let b = (0..<rowsB * length).map { _ in generator.next() - 0.5 }
        let c = CrossProducts.compute(a, rowsA: rowsA, b, rowsB: rowsB, length: length)
        let s = CrossProducts.compute(a, rowsA: rowsA, a, rowsB: rowsA, length: length, symmetric: true)
        let upper = CrossProducts.compute(
            a, rowsA: rowsA, a, rowsB: rowsA, length: length, symmetric: true, mirrored: false)
        var worst = 0.0
        for i in 0..<rowsA {
            for j in 0..<rowsB {
                let plain = (0..<length).reduce(0.0) { $0 + a[i * length + $1] * b[j * length + $1] }
                worst = max(worst, abs(c[i * rowsB + j] - plain))
            }
            for j in 0..<rowsA {
                let plain = (0..<length).reduce(0.0) { $0 + a[i * length + $1] * a[j * length + $1] }
                worst = max(worst, abs(s[i * rowsA + j] - plain))
                if j >= i { worst = max(worst, abs(upper[i * rowsA + j] - plain)) }
            }
        }
        #expect(worst <= 1e-12)
    }

    /// `make` installs libopenblas-dev; if vaultgen could not open the library, large products would quietly run
    /// in the portable loop (correct, several times slower).
    @Test func openBLASOpensOnAMachineSetUpByMake() {
        #expect(CrossProducts.OpenBLAS.shared != nil, "libopenblas.so.0 did not open: run `make deps`")
    }

    /// The CPU check reads /proc/cpuinfo with its own loop (the file's size reads as 0); it must agree with the
    /// vendor and flags lines read here through FileHandle.
    @Test func amdWithAVX512ReadsTheRealCPUInfo() throws {
        let info = try String(
            decoding: FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/cpuinfo")).readToEnd() ?? Data(),
            as: UTF8.self)
        let amd = info.contains("AuthenticAMD")
        let flags = Set(info.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ") ?? [])
        let avx512 = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy { flags.contains($0[...]) }
        #expect(CrossProducts.OpenBLAS.amdWithAVX512() == (amd && avx512))
    }

    /// Many tickers with scattered gaps, so the masked sums run over several tiles, against exact per-pair sums.
    @Test(arguments: [CorrelationOptions.Method.pearson, .spearman])
    func maskedSumsMatchExactPairwiseComputation(method: CorrelationOptions.Method) throws {
        var generator = Generator(state: 42)
        var prices: [String: Result<PriceSeries, PriceProblem>] = [:]
        let tickers = (0..<75).map { "T\($0)" }
        let market = (0..<200).map { _ in generator.next() - 0.5 }
        for (index, ticker) in tickers.enumerated() {
            var days: [Day] = []
            var closes: [Double] = []
            var close = 100.0
            for t in 0..<200 where index % 3 == 0 || generator.next() > 0.15 {
                // Every third ticker has every day, so pairs mix the fast path, masked sums and exact fallback.
                close *= 1 + 0.02 * market[t] + 0.01 * (generator.next() - 0.5) + (index == 7 ? 0.3 : 0)
                days.append(Day(daysSince1970: 19_723 + t + (index == 5 ? 120 : 0)))
                closes.append(close)
            }
            prices[ticker] = .success(PriceSeries(ticker: ticker, days: days, closes: closes))
        }
        let options = CorrelationOptions(method: method, minOverlap: 30)
        let matrix = CorrelationEngine.matrix(prices, tickers: tickers, options: options)
        var compared = 0
        for a in tickers {
            for b in tickers where a < b {
                let x = try #require(try? prices[a]?.get())
                let y = try #require(try? prices[b]?.get())
                let expected = Self.exactPairwise(x, y, method: method)
                let pair = matrix.pair(a, b)
                #expect(pair.overlap == expected.overlap, "\(a)-\(b)")
                if expected.overlap < 30 {
                    #expect(pair.r == nil)
                } else {
                    let r = try #require(pair.r, "\(a)-\(b): \(pair.reason ?? "")")
                    #expect(abs(r - expected.r) <= 1e-11, "\(a)-\(b)")
                    compared += 1
                }
            }
        }
        #expect(compared > 2000)
    }

    /// The textbook computation: returns per ticker, common dates by lookup, two-pass Pearson on them.
    static func exactPairwise(_ x: PriceSeries, _ y: PriceSeries, method: CorrelationOptions.Method) -> (
        r: Double, overlap: Int
    ) {
        func returns(_ s: PriceSeries) -> [Day: Double] {
            Dictionary(
                uniqueKeysWithValues: s.days.indices.dropFirst().map {
                    (s.days[$0], s.closes[$0] / s.closes[$0 - 1] - 1)
                })
        }
        let rx = returns(x)
        let ry = returns(y)
        let common = rx.keys.filter { ry[$0] != nil }.sorted()
        var a = common.map { rx[$0]! }
        var b = common.map { ry[$0]! }
        if method == .spearman {
            a = Statistics.averageRanks(a)
            b = Statistics.averageRanks(b)
        }
        guard case .value(let r) = Statistics.pearson(a, b) else { return (.nan, common.count) }
        return (r, common.count)
    }

    /// A ticker whose early returns dwarf its later ones: over a late lister's dates its standardised values
    /// are nearly constant, so the masked sums would cancel; the pair must be recomputed exactly.
    @Test func nearlyConstantOverTheCommonDatesFallsBackToExactSums() throws {
        var generator = Generator(state: 7)
        var wild: [Double] = [100]
        for t in 1..<160 {
            wild.append(wild[t - 1] * (1 + (t < 100 ? (t % 2 == 0 ? 0.5 : -0.3) : 1e-4 * (generator.next() - 0.5))))
        }
        let late = (0..<60).reduce(into: [50.0]) { closes, _ in
            closes.append(closes.last! * (1 + 0.01 * (generator.next() - 0.5)))
        }
        let x = Self.series("WILD", start: 0, closes: wild)
        let y = Self.series("LATE", start: 99, closes: late)
        let matrix = CorrelationEngine.matrix(
            ["WILD": .success(x), "LATE": .success(y)], tickers: ["WILD", "LATE"], options: .init(minOverlap: 30))
        let expected = Self.exactPairwise(x, y, method: .pearson)
        let r = try #require(matrix.r("WILD", "LATE"))
        #expect(matrix.pair("WILD", "LATE").overlap == 60)
        #expect(abs(r - expected.r) <= 1e-12)
    }

    @Test func averageRanksShareTies() {
        #expect(Statistics.averageRanks([0.5, -1, 0.5, 2, 0.5]) == [3, 1, 3, 5, 3])
    }

    @Test func aFlatSeriesIsNotAvailableWithTheReason() {
        let prices: [String: Result<PriceSeries, PriceProblem>] = [
            "UP": .success(Self.series("UP", start: 0, closes: [1, 2, 3, 5, 4])),
            "FLAT": .success(Self.series("FLAT", start: 0, closes: [7, 7, 7, 7, 7])),
        ]
        let matrix = CorrelationEngine.matrix(prices, tickers: ["UP", "FLAT"], options: .init(minOverlap: 3))
        #expect(matrix.pair("UP", "FLAT").reason == "FLAT returns do not vary over the 4 common days")
        #expect(matrix.pair("FLAT", "UP").reason == "FLAT returns do not vary over the 4 common days")
        #expect(matrix.r("UP", "UP") == 1)
    }

    @Test func tooFewCommonDaysNamesTheCount() throws {
        let reference = try Reference.variant("pearson")
        let matrix = CorrelationEngine.matrix(
            Fixtures.syntheticPrices(), tickers: reference.tickers, options: reference.options.correlationOptions)
        #expect(matrix.pair("ALFA", "CHAR").reason == "only 44 common days (minimum 60)")
        #expect(matrix.pair("CHAR", "ALFA").overlap == 44)
    }

    @Test func untilPinsTheWindowAndLaterClosesAreIgnored() throws {
        let until = try #require(Day(iso: "2024-03-29"))
        let pinned = CorrelationEngine.matrix(
            Fixtures.syntheticPrices(), tickers: ["ALFA", "BRAV"], options: .init(until: until))
        var truncated: [String: Result<PriceSeries, PriceProblem>] = [:]
        for (ticker, result) in Fixtures.syntheticPrices(["ALFA", "BRAV"]) {
            let prices = try result.get()
            let keep = prices.days.filter { $0 <= until }.count
            truncated[ticker] = .success(
                PriceSeries(
                    ticker: ticker, days: Array(prices.days.prefix(keep)), closes: Array(prices.closes.prefix(keep))))
        }
        let cut = CorrelationEngine.matrix(truncated, tickers: ["ALFA", "BRAV"], options: .init())
        #expect(pinned.to == until)
        #expect(pinned.from?.iso == "2024-01-02")
        #expect(pinned.r("ALFA", "BRAV") == cut.r("ALFA", "BRAV"))
        #expect(pinned.pair("ALFA", "BRAV").overlap == 59)
    }

    @Test func untilDefaultsToTheLatestDateInTheData() {
        let matrix = CorrelationEngine.matrix(Fixtures.syntheticPrices(), tickers: ["ALFA", "GOLF"], options: .init())
        #expect(matrix.to?.iso == "2024-07-28")
    }

    @Test func duplicateTickersAreCountedOnce() {
        let matrix = CorrelationEngine.matrix(
            Fixtures.syntheticPrices(), tickers: ["ALFA", "BRAV", "ALFA"], options: .init(minOverlap: 20))
        #expect(matrix.tickers == ["ALFA", "BRAV"])
        #expect(GroupFigures(matrix: matrix, tickers: ["ALFA", "BRAV", "ALFA"]).pairs.map(\.name) == ["ALFA-BRAV"])
    }

    @Test func intersectionIgnoresTickersLeftOut() throws {
        let reference = try Reference.variant("intersection")
        var prices = Fixtures.syntheticPrices()
        prices["NOPE"] = .failure(.missingFile(ticker: "NOPE", file: "Prices/NOPE.csv"))
        let matrix = CorrelationEngine.matrix(
            prices, tickers: reference.tickers + ["NOPE"], options: reference.options.correlationOptions)
        let r = try #require(matrix.r("ALFA", "CHAR"))
        #expect(abs(r - (reference.r("ALFA", "CHAR") ?? .nan)) <= 1e-9)
        #expect(matrix.pair("ALFA", "NOPE").reason == "NOPE left out: Prices/NOPE.csv: no such file")
    }

    @Test func unknownTickersInALookupAreNamed() {
        let matrix = CorrelationEngine.matrix(Fixtures.syntheticPrices(["ALFA"]), tickers: ["ALFA"], options: .init())
        #expect(matrix.pair("ALFA", "QQQ").reason == "QQQ not in the request")
    }
}
