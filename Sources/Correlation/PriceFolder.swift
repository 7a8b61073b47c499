import Foundation
import VaultFiles

/// A folder of price files, one `<TICKER>.csv` per ticker; the only part of the library that reads disk.
///
/// Files are opened with `VaultFile`: only regular files, and for a vault's price folder nothing outside the
/// vault, whichever symbolic link is on the way (the folder itself, or a file).
public struct PriceFolder: Sendable {
    /// The folder.
    public let url: URL
    /// How the folder is named in messages, e.g. `Prices` in `Prices/HUT.csv:14: …`.
    public let displayName: String
    /// The folder nothing is read outside of, and the price folder's path inside it.
    private let confinement: URL
    private let folder: String

    /// Creates a reader for a folder of the user's choice (`corr --prices`); messages name files as
    /// `<displayName>/<TICKER>.csv`.
    public init(url: URL, displayName: String? = nil) {
        self.url = url
        self.displayName = displayName ?? url.standardizedFileURL.lastPathComponent
        confinement = URL(fileURLWithPath: "/")
        folder = url.standardizedFileURL.path
    }

    /// Creates a reader for the vault's price folder `folder` (a vault path, `Prices`): no price file outside the
    /// vault is read. Messages name files as `<displayName>/<TICKER>.csv`, by default `<folder>/<TICKER>.csv`.
    public init(vaultRoot: URL, folder: String, displayName: String? = nil) {
        url = vaultRoot.appendingPathComponent(folder)
        self.displayName = displayName ?? folder
        confinement = vaultRoot
        self.folder = folder
    }

    /// Reads each ticker's file; a missing or bad file becomes a `PriceProblem` instead of stopping the others.
    ///
    /// Files are read on every core: for thousands of tickers, reading and parsing is most of a run.
    public func load(_ tickers: [String]) -> [String: Result<PriceSeries, PriceProblem>] {
        var seen = Set<String>()
        let unique = tickers.filter { seen.insert($0).inserted }
        var loaded = [Result<PriceSeries, PriceProblem>?](repeating: nil, count: unique.count)
        loaded.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            DispatchQueue.concurrentPerform(iterations: unique.count) { index in
                out[index] = load(unique[index])
            }
        }
        var result: [String: Result<PriceSeries, PriceProblem>] = [:]
        result.reserveCapacity(unique.count)
        for (ticker, series) in zip(unique, loaded) { result[ticker] = series }
        return result
    }

    /// Reads one ticker's file.
    public func load(_ ticker: String) -> Result<PriceSeries, PriceProblem> {
        let name = displayName.isEmpty ? "\(ticker).csv" : "\(displayName)/\(ticker).csv"
        // A ticker becomes a file name, never a path.
        guard !ticker.isEmpty, !ticker.hasPrefix("."), !ticker.contains("/"), !ticker.contains("\0") else {
            return .failure(.unreadable(ticker: ticker, file: name, reason: "not a ticker, so not a file name"))
        }
        let bytes: [UInt8]
        do {
            bytes = try VaultFile.read(folder.isEmpty ? "\(ticker).csv" : "\(folder)/\(ticker).csv", in: confinement)
        } catch {
            if case .missing = error { return .failure(.missingFile(ticker: ticker, file: name)) }
            return .failure(.unreadable(ticker: ticker, file: name, reason: error.reason))
        }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            return .failure(.unreadable(ticker: ticker, file: name, reason: "not UTF-8 text"))
        }
        do {
            return .success(try PriceReader.parse(text, ticker: ticker, file: name))
        } catch {
            return .failure(.badFile(ticker: ticker, error))
        }
    }

    /// The tickers that have a `.csv` file in the folder, sorted.
    public func availableTickers() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".csv") && $0.count > 4 }
            .map { String($0.dropLast(4)) }
            .sorted()
    }
}
