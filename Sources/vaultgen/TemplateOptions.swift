import ArgumentParser
import DefaultTemplates
import Foundation
import Refresh
import VaultModel

/// `--templates DIR`, shared by every command that renders with the Mustache templates.
struct TemplateOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A folder of Mustache templates that replace the built-in ones of the same name (default: the config's "
                + "templates: folder, else the built-in templates)."),
        completion: .directory)
    var templates: String?

    /// The folder given; nil for the config's, else the built-in templates.
    var folder: URL? { templates.map { URL(fileURLWithPath: $0) } }

    /// The folder the templates come from, for `-v`: `--templates DIR`, else the config's; nil for the built-in ones.
    func shownFolder(vaultRoot root: URL, config: VaultConfig?) -> URL? {
        folder ?? config?.templates.map { root.appendingPathComponent($0) }
    }

    /// The templates for the vault at `root`: `--templates DIR`, else the config's `templates:` folder, each over
    /// the built-in templates, else the built-in ones alone.
    func load(vaultRoot root: URL) throws(UpdateRun.RunError) -> TemplateSet {
        try UpdateRun.templates(folder: folder, vaultRoot: root, builtIn: DefaultTemplates.texts)
    }
}
