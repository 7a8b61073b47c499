import FileAccess
import Foundation

/// A folder of price files, one `<TICKER>.csv` per ticker; the only part of the library that reads disk.
public struct PriceFolder: Sendable {
    /// The folder.
    public let url: URL
    /// How the folder is named in messages, e.g. `Prices` in `Prices/HUT.csv:14: …`.
    public let displayName: String
    /// When set, a price file whose real path (after symbolic links) lies outside this folder is not read.
    public var confinement: URL?

    /// Creates a reader for `url`; messages name files as `<displayName>/<TICKER>.csv`.
    public init(url: URL, displayName: String? = nil) {
        self.url = url
        self.displayName = displayName ?? url.standardizedFileURL.lastPathComponent
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
        let fileURL = url.appendingPathComponent("\(ticker).csv")
        guard FileManager.default.fileExists(atPath: fileURL.path) else {
            return .failure(.missingFile(ticker: ticker, file: name))
        }
        if let confinement {
            let root = confinement.resolvingSymlinksInPath().path
            let real = fileURL.resolvingSymlinksInPath().path
            guard real.hasPrefix(root + "/") else {
                return .failure(
                    .unreadable(ticker: ticker, file: name, reason: "a symbolic link to a place outside the vault"))
            }
        }
        let bytes: [UInt8]
        do {
            // Only a regular file: a FIFO would block the run (and `update` holds the vault's lock meanwhile).
            bytes = try RegularFile.readBytes(fileURL.path)
        } catch {
            return .failure(.unreadable(ticker: ticker, file: name, reason: error.description))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
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
