import ConsoleOutput
import Foundation
import VaultModel

extension Console {
    /// With `-v`: which vault was read, with which config, templates and prices, and how many notes.
    static func describeVault(_ root: URL, notes: Int? = nil, prices: String? = nil, templates: URL? = nil) {
        guard isVerbose else { return }
        verbose("vault root \(shown(root))")
        let config = root.appendingPathComponent(VaultConfig.fileName)
        if FileManager.default.fileExists(atPath: config.path) {
            verbose("config \(shown(config))")
        } else {
            verbose("config: no \(VaultConfig.fileName) in the vault root; the defaults apply")
        }
        if let templates { verbose("templates \(shown(templates))") }
        if let prices { describePrices(root.appendingPathComponent(prices)) }
        if let notes { verbose("read \(notes) note\(notes == 1 ? "" : "s")") }
    }

    /// With `-v`: the price folder and how many price files it holds.
    static func describePrices(_ folder: URL) {
        guard isVerbose else { return }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter {
            $0.lowercased().hasSuffix(".csv")
        }
        verbose("prices \(shown(folder)) (\(files.map { "\($0.count) price files" } ?? "no such folder"))")
    }

    /// A path as messages show it: relative to the current folder when inside it, else absolute.
    static func shown(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if path == here { return "." }
        return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
    }
}
