import Correlation
import Figures
import Foundation
import Refresh
import VaultModel

/// One `vaultgen fetch`: find the tickers, then bring each price file up to date, one ticker after another.
///
/// Everything that would make every ticker fail (an unreadable vault or config, a bad base URL, a key variable
/// that is not set, the lock held by another run) stops the run before any request; after that, one ticker's
/// failure is its own line and the others go on. Writes happen behind the vault's lock, the one
/// `vaultgen update` takes, so an update never reads a half-fetched set of prices.
public struct FetchRun {
    public var vaultRoot: URL
    /// Only these tickers (`--tickers`); nil means the sector notes' tickers and then the config's.
    public var tickers: [String]?
    /// Print the requests instead of making them; nothing is written and no lock is taken.
    public var dryRun = false
    /// Seconds to wait for another run's lock.
    public var lockWait: Double = 10
    /// Where `key-env` is looked up.
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// The first retry's pause and the longest pause, in seconds; the count of retries is the config's.
    public var baseDelay: Double = 1
    public var maxDelay: Double = 30
    /// The last day asked for: today in UTC, so a bar for the current session is included if there is one.
    public var today = Day(daysSince1970: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    /// Replaces the client's sleep; tests record the pauses instead of waiting through them.
    public var pause: ((Double) -> Void)?
    /// How messages show a vault path (the price files); the command shows paths relative to the current folder.
    public var showPath: (String) -> String = { $0 }
    /// The most bytes one answer may have, counted after decompression (`HTTPClient.answerLimit`).
    public var answerLimit = HTTPClient.answerLimit

    public init(vaultRoot: URL, tickers: [String]? = nil) {
        self.vaultRoot = vaultRoot
        self.tickers = tickers
    }

    /// Runs the fetch, handing each ticker's result to `onResult` as soon as it is known.
    ///
    /// - Throws: A `FetchSetupError` before any request when nothing could be fetched.
    public func run(onResult: (TickerResult) -> Void = { _ in }) throws(FetchSetupError) -> FetchReport {
        let (config, tickers) = try configAndTickers()
        let settings = config.fetch
        let provider = PriceProvider(rawValue: settings.provider) ?? .stooq
        let baseURL = settings.baseURL ?? provider.defaultBaseURL
        guard provider.url(ticker: "X", from: nil, through: today, baseURL: baseURL, key: nil) != nil else {
            throw .badBaseURL(baseURL)
        }
        var key: String?
        if let variable = settings.keyEnvironment {
            guard let value = environment[variable], !value.isEmpty else { throw .missingKey(variable: variable) }
            key = value
        }
        let client = HTTPClient(
            settings: .init(
                timeout: settings.timeout,
                retry: RetryPolicy(retries: settings.retries, baseDelay: baseDelay, maxDelay: maxDelay),
                rate: settings.rate, answerLimit: answerLimit))
        if let pause { client.pause = pause }
        let folder = vaultRoot.appendingPathComponent(config.prices)
        let fetcher = TickerFetcher(
            provider: provider, baseURL: baseURL, key: key, today: today, client: client, folder: folder,
            folderName: showPath(config.prices), vaultRoot: vaultRoot)

        var report = FetchReport()
        var lock: VaultLock?
        if !dryRun {
            do { lock = try VaultLock(vaultRoot: vaultRoot, wait: lockWait) } catch { throw .lock(error) }
            report.lockNote = lock?.tookOverFrom.map {
                "took over the lock left by pid \($0), which no longer runs (a run that was killed)"
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                lock?.release()
                throw .pricesFolder(path: folder.path, reason: error.localizedDescription)
            }
        }
        defer { lock?.release() }
        for ticker in tickers {
            let (outcome, notes) = dryRun ? (fetcher.plannedRequest(ticker), []) : fetcher.fetch(ticker)
            let result = TickerResult(ticker: ticker, outcome: outcome, notes: notes)
            report.results.append(result)
            onResult(result)
        }
        return report
    }

    /// The vault's config, and the tickers to fetch in order, each once.
    private func configAndTickers() throws(FetchSetupError) -> (VaultConfig, [String]) {
        let config: VaultConfig
        var found: [String]
        if let tickers {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: vaultRoot.path, isDirectory: &isFolder), isFolder.boolValue
            else {
                throw .vault(.notAFolder(vaultRoot.path))
            }
            do { config = try VaultConfig.load(vaultRoot: vaultRoot) } catch { throw .vault(.config(error)) }
            found = tickers
        } else {
            let loaded: (vault: Vault, sources: [SourceText])
            do { loaded = try Vault.loadWithSources(root: vaultRoot) } catch { throw .vault(error) }
            config = loaded.vault.config
            found = VaultUpdater.tickersNeeded(vault: loaded.vault, sources: loaded.sources) + config.fetch.tickers
        }
        // A ticker becomes a file name: nothing with a slash or a leading dot gets that far.
        if let bad = found.first(where: { !GroupTickers.isTicker($0) }) { throw .badTicker(bad) }
        var seen = Set<String>()
        return (config, found.filter { seen.insert($0).inserted })
    }
}
