import Foundation
import VaultModel

extension TemplateSet {
    /// Reads every `*.mustache` file of a folder.
    public static func load(folder: URL) throws(TemplateError) -> TemplateSet {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw TemplateError(file: folder.path, line: 1, message: "templates folder cannot be read")
        }
        var texts: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") {
            let url = folder.appendingPathComponent(name)
            guard let bytes = try? VaultScanner.readBytes(url.path), let text = String(validating: bytes, as: UTF8.self)
            else {
                throw TemplateError(file: url.path, line: 1, message: "cannot be read as UTF-8 text")
            }
            texts[String(name.dropLast(".mustache".count))] = text
        }
        return try TemplateSet(texts: texts, folder: folder.path)
    }

    /// Where templates are looked for when no folder is given: `Templates/` beside the executable's install
    /// prefix (`share/vaultgen/Templates`), or in a folder above it (a build inside the source tree).
    public static func defaultFolder(executable: URL) -> URL? {
        let fm = FileManager.default
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["share/vaultgen/Templates", "Templates"] {
                let url = folder.appendingPathComponent(candidate)
                if fm.fileExists(atPath: url.appendingPathComponent("pair-table.mustache").path) { return url }
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
