import Foundation
import TestSupport
import Testing

/// Tickers with a dash or a dot are one token: a note written by `new sector` settles after one run.
@Suite("Hyphenated and dotted tickers")
struct HyphenatedTickerTests {
    static let prices = Repo.root.appendingPathComponent("Tests/Fixtures/figures-corpus/prices")

    @Test func aNewSectorWithBTCUSDIsStableOverThreeUpdates() throws {
        let scratch = try Scratch("hyphen")
        let vault = scratch.url.appendingPathComponent("vault")
        try Scratch.markVault(vault)
        try FileManager.default.copyItem(at: Self.prices, to: vault.appendingPathComponent("Prices"))
        let common = ["--templates", Repo.templates.path, "--as-of", "2025-06-30"]
        let made = try CLI.run(
            [
                "new", "sector", "Spot bitcoin", "--tickers", "IBIT,GBTC,BTC-USD", "--since", "2024-01", "--vault",
                vault.path,
            ]
                + common)
        #expect(made.status == 0, "\(made.err)")
        let note = vault.appendingPathComponent("Spot bitcoin.md")
        let written = try String(contentsOf: note, encoding: .utf8)
        // The extreme pairs name whole tickers: `IBIT-BTC-USD`, never `IBIT-BTC` and `USD`.
        #expect(
            written.contains("IBIT-BTC-USD") || written.contains("BTC-USD-IBIT") || written.contains("GBTC-BTC-USD"))
        var versions = [written]
        for _ in 0..<3 {
            let run = try CLI.run(["update", vault.path] + common)
            #expect(run.status == 0, "\(run.err)")
            #expect(run.err == "", "\(run.err)")
            versions.append(try String(contentsOf: note, encoding: .utf8))
        }
        // The note `new sector` wrote is already current; no run changes it, and nothing grows a `-USD`.
        #expect(Set(versions).count == 1)
        #expect(!versions.last!.contains("-USD-USD"))
    }
}
