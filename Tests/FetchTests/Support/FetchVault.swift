import Fetch
import Foundation
import TestSupport

/// A temporary vault whose `.vaultgen.yml` points `fetch` at a scripted loopback server.
struct FetchVault {
    let root: URL
    let server: LoopbackServer

    /// - Parameters:
    ///   - files: Price files already there, by ticker.
    ///   - settings: Extra lines under `fetch:` (indented by the caller), e.g. `  retries: 2`.
    ///   - copying: A vault to start from (its notes and prices), instead of an empty one.
    ///   - timeout: The client's timeout. Tests of timeouts pass their own; the default is generous, because on a
    ///     2-core machine running the suite beside a build, a loopback answer once took longer than 5 s (the
    ///     request was never logged and the test failed for want of it).
    init(
        _ provider: PriceProvider, routes: [(String, [LoopbackServer.Reply])], files: [String: String] = [:],
        timeout: Double = 30, retries: Int = 0, settings: String = "", baseURL: String? = nil, copying: URL? = nil
    ) throws {
        server = try LoopbackServer(routes)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vaultgen-fetch-\(UUID().uuidString)")
        let prices = root.appendingPathComponent("Prices")
        if let copying { try FileManager.default.copyItem(at: copying, to: root) }
        try FileManager.default.createDirectory(at: prices, withIntermediateDirectories: true)
        let config = """
            fetch:
              provider: \(provider.rawValue)
              base-url: \(baseURL ?? server.baseURL)
              timeout: \(timeout)
              retries: \(retries)
              rate: 1000
            \(settings)
            """
        try Data(config.utf8).write(to: root.appendingPathComponent(".vaultgen.yml"))
        for (ticker, text) in files {
            try Data(text.utf8).write(to: prices.appendingPathComponent("\(ticker).csv"))
        }
    }

    /// Fetches `tickers`, recording the client's pauses instead of sleeping through them.
    func fetch(
        _ tickers: [String]?, dryRun: Bool = false, environment: [String: String] = [:], answerLimit: Int? = nil
    ) throws -> (report: FetchReport, pauses: [Double]) {
        let recorder = PauseRecorder()
        var run = FetchRun(vaultRoot: root, tickers: tickers)
        if let answerLimit { run.answerLimit = answerLimit }
        run.dryRun = dryRun
        run.environment = environment
        run.pause = { recorder.pauses.append($0) }
        run.today = .init(iso: "2024-03-29")!
        let report = try run.run()
        return (report, recorder.pauses.filter { $0 > 0.01 })
    }

    /// The price file's text, or nil when there is none.
    func file(_ ticker: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent("Prices/\(ticker).csv").path)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }
}

/// Collects the pauses the client asks for (the rate limit's tiny ones are filtered out by the caller).
final class PauseRecorder {
    var pauses: [Double] = []
}

extension FetchVault {
    /// HUT's closes after a 2:1 split, from 2024-03-18: `hutAnswer` halved, a day earlier in front.
    static let splitHistory = [Row("2024-03-18", 5.25)] + hutAnswer.map { Row($0.date, $0.close / 2) }

    /// A vault holding `file` as HUT's prices, whose provider answers the overlap request with `history` but its
    /// first day, and the full-history request that follows with all of `history` (a re-adjusted history).
    static func reAdjusted(_ provider: PriceProvider, history: [Row] = splitHistory, file: String) throws -> FetchVault
    {
        try FetchVault(
            provider,
            routes: [
                (
                    Answer.route(provider, "HUT"),
                    [Answer.bars(provider, Array(history.dropFirst())), Answer.bars(provider, history)]
                )
            ],
            files: ["HUT": file])
    }
}
