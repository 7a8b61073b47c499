import Foundation

/// Paths of the repository, found from this file's location, for every test target.
public enum Repo {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    public static let templates = root.appendingPathComponent("Templates")
    /// The sample vault; its prices are synthetic (Scripts/sample_prices.py) and end on 2026-01-30.
    public static let sampleVault = root.appendingPathComponent("Vault")
    public static let samplePrices = sampleVault.appendingPathComponent("Prices")
    /// Third-party real prices beside the repository (`../shared`), never copied into it.
    public static let sharedPrices = root.deletingLastPathComponent().appendingPathComponent("shared/data/prices")
    public static var hasSharedPrices: Bool {
        FileManager.default.fileExists(atPath: sharedPrices.appendingPathComponent("HUT.csv").path)
    }
}
