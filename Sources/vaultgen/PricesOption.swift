import ArgumentParser
import CommandOptions
import Correlation
import Foundation
import VaultModel

/// `--prices DIR`, as corr and clusters take it, and the price folder a run reads.
struct PricesOption: ParsableArguments {
    @Option(
        name: .customLong("prices"),
        help: ArgumentHelp(
            "The price files' folder (default: the vault config's prices folder, <vault>/Prices unless set).",
            valueName: "dir"), completion: .directory)
    var path: String?

    /// Where the price files are: `--prices`, else the price folder the vault's `.vaultgen.yml` names (default
    /// `Prices`), from which nothing outside the vault is read. Files are named as paths are shown.
    func folder(_ vault: VaultOptions.Located?, config: VaultConfig?) -> PriceFolder {
        if let path {
            let display = vault?.display ?? PathDisplay(vaultRoot: nil)
            return PriceFolder(url: URL(fileURLWithPath: path), displayName: display.show(path))
        }
        guard let vault else { preconditionFailure("a run without --prices requires the vault") }
        let folder = config?.prices ?? "Prices"
        return PriceFolder(vaultRoot: vault.root, folder: folder, displayName: vault.show(folder))
    }
}
