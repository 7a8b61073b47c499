import ArgumentParser
import CommandOptions
import ConsoleOutput
import Correlation
import Foundation
import Refresh
import VaultFiles
import VaultModel

/// What `new sector` and `new sector-map` share: the options every new note takes and checks, and writing it
/// inside the vault, behind the vault's lock, never over an existing file.
struct NewNoteOptions: ParsableArguments {
    @OptionGroup var location: VaultOptions

    @Option(help: "The folder inside the vault to write the note in.")
    var folder = ""

    @Option(help: "Seconds to wait for another run's lock.")
    var wait: Double = 10

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var templates: TemplateOptions

    @OptionGroup var output: OutputOptions

    /// `--as-of` as a day (a malformed one is a usage error before the command runs).
    var asOfDay: Day? { try? asOf.day() }

    func validate(name: String) throws {
        if name.isEmpty || name.contains(where: { "/\\[]#^|:".contains($0) }) {
            throw ValidationError("the name cannot be empty or contain / \\ [ ] # ^ | :")
        }
        if folder.hasPrefix("/") || VaultPath.normalize(folder) == nil {
            throw ValidationError("--folder must be a folder inside the vault, not '\(folder)'")
        }
        if !(wait >= 0 && wait <= 86_400) { throw ValidationError("--wait must be between 0 and 86400 seconds") }
    }

    /// Writes `NAME.md` in `folder` of the vault with the text `render` gives (from the loaded vault, its root
    /// and today's date), and prints where; any error is exit 2.
    func write(name: String, done: String = "", render: (VaultUpdater, URL, String) throws -> String) throws {
        let vault = try location.required()
        let root = vault.root
        let relative = VaultPath.join(VaultPath.normalize(folder) ?? "", "\(name).md")
        do {
            let templateSet = try templates.load(vaultRoot: root)
            let lock = try VaultLock(vaultRoot: root, wait: wait)
            defer { lock.release() }
            // Where the note goes: inside the vault, whatever link is on the way, and nothing there yet.
            if let path = try? VaultFile.locate(relative, in: root), access(path, F_OK) == 0 || isLink(path) {
                Output.error("vaultgen: \(vault.show(relative)) exists already; it is never overwritten")
                throw ExitCode(2)
            }
            let (loaded, sources) = try Vault.loadWithSources(root: root)
            Console.describeVault(
                vault, notes: loaded.notes.count, prices: loaded.config.prices,
                templates: templates.shownFolder(vaultRoot: root, config: loaded.config), rendering: true)
            let updater = VaultUpdater(vault: loaded, sources: sources, templates: templateSet)
            let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
            let text = try render(updater, root, today)
            try NoteWriter.write(Array(text.utf8), to: relative, in: root)
            Console.status("wrote \(vault.show(relative))\(done)")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Output.error("vaultgen: \(error)")
            throw ExitCode(2)
        }
    }

    /// Whether anything is at `path`, a dangling link included.
    private func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
