import ArgumentParser
import Foundation
import Refresh

/// `--templates DIR`, shared by every command that renders from `Templates/`.
struct TemplateOptions: ParsableArguments {
    @Option(
        help: "The folder of Mustache templates (default: Templates/ found beside the vaultgen executable).",
        completion: .directory)
    var templates: String?

    /// The folder given, else the one installed or built beside the executable; nil when there is none.
    var folder: URL? {
        if let templates { return URL(fileURLWithPath: templates) }
        return TemplateSet.defaultFolder(executable: URL(fileURLWithPath: CommandLine.arguments[0]))
            ?? TemplateSet.defaultFolder(executable: Bundle.main.executableURL ?? URL(fileURLWithPath: "."))
    }
}
