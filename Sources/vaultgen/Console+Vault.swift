import CommandOptions
import ConsoleOutput
import Foundation
import VaultModel

extension Console {
    /// With `-v`: which vault was read, with which config, templates and prices, and how many notes.
    ///
    /// - Parameter rendering: Whether the command renders with templates: then no `templates` folder means the
    ///   built-in ones.
    static func describeVault(
        _ vault: VaultOptions.Located, notes: Int? = nil, prices: String? = nil, templates: URL? = nil,
        rendering: Bool = false
    ) {
        guard isVerbose else { return }
        verbose("vault root \(vault.show(""))")
        if FileManager.default.fileExists(atPath: vault.root.appendingPathComponent(VaultConfig.fileName).path) {
            verbose("config \(vault.show(VaultConfig.fileName))")
        } else {
            verbose("config: no \(VaultConfig.fileName) in the vault root; the defaults apply")
        }
        if let templates {
            verbose("templates \(vault.display.show(templates.path)) (the built-in ones where it has none)")
        } else if rendering {
            verbose("templates: the built-in ones")
        }
        if let prices { describePrices(vault.root.appendingPathComponent(prices), display: vault.display) }
        if let notes { verbose("read \(notes) note\(notes == 1 ? "" : "s")") }
    }

    /// With `-v`: the price folder and how many price files it holds.
    static func describePrices(_ folder: URL, display: PathDisplay) {
        guard isVerbose else { return }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter {
            $0.lowercased().hasSuffix(".csv")
        }
        verbose("prices \(display.show(folder.path)) (\(files.map { "\($0.count) price files" } ?? "no such folder"))")
    }
}
