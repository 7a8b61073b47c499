import Foundation
import PackagePlugin

/// Compiles `Templates/*.mustache` into the target it is applied to, as a Swift source of string literals.
///
/// The default templates are then part of the binary (one copied alone can run `update`) and cannot drift from
/// the files: the source is generated anew whenever a template changes, and the list of templates is read on
/// every build, so a template added or removed is seen too.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Templates")
        let templates = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTemplates+Texts.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(templates.count) templates from Templates/",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [output.path] + templates.map(\.path),
                inputFiles: templates,
                outputFiles: [output])
        ]
    }
}
