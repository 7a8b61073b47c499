import Correlation
import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

/// A fixture vault copied to a temporary folder, with the sample prices beside its notes.
struct FixtureVault {
    let name: String
    let root: URL

    init(_ name: String, prices: URL? = Repo.samplePrices) throws {
        self.name = name
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("vaultgen-\(name)-\(UUID().uuidString)")
        try fm.copyItem(at: Repo.fixtures.appendingPathComponent("\(name)/input"), to: root)
        // A vault is marked: an empty `.obsidian/`, which no snapshot of files lists.
        try fm.createDirectory(at: root.appendingPathComponent(".obsidian"), withIntermediateDirectories: true)
        if let prices, !fm.fileExists(atPath: root.appendingPathComponent("Prices").path) {
            try fm.copyItem(at: prices, to: root.appendingPathComponent("Prices"))
        }
    }

    func update(asOf: String? = "2026-01-30", mode: UpdateRun.Mode = .write, only: [String] = []) throws
        -> UpdateRun.Outcome
    {
        let run = UpdateRun(
            vaultRoot: root, templatesFolder: Repo.templates,
            options: VaultUpdater.Options(asOf: asOf.flatMap { Day(iso: $0) }, only: only))
        return try run.run(mode: mode)
    }

    /// Every file of the vault except prices, vaultgen's runtime files (`.vaultgen/`) and charts, by path.
    func files(under folder: URL? = nil) throws -> [String: Data] {
        let base = folder ?? root
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: base.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasPrefix("Prices") || path.hasPrefix(".vaultgen/") || path.hasSuffix(".png")
                || path.hasSuffix(".svg")
            {
                continue
            }
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: base.appendingPathComponent(path).path, isDirectory: &isFolder)
            if exists, !isFolder.boolValue { out[path] = try Data(contentsOf: base.appendingPathComponent(path)) }
        }
        return out
    }

    /// Compares the vault with the fixture's `expected/` folder, file by file and byte by byte.
    func expectMatchesExpected(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try files(under: Repo.fixtures.appendingPathComponent("\(name)/expected"))
        let actual = try files()
        #expect(actual.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (path, data) in expected {
            let got = actual[path].map { String(decoding: $0, as: UTF8.self) } ?? "<missing>"
            #expect(got == String(decoding: data, as: UTF8.self), "\(path)", sourceLocation: sourceLocation)
        }
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Loads a fixture vault's prices the way `UpdateRun` does.
enum PriceFolderLoader {
    static func load(_ root: URL, _ tickers: [String]) -> [String: Result<PriceSeries, PriceProblem>] {
        PriceFolder(url: root.appendingPathComponent("Prices"), displayName: "Prices").load(tickers)
    }
}
