import Foundation
import VaultFiles
import VaultModel

extension TemplateSet {
    /// Reads every `*.mustache` file of a folder.
    public static func load(folder: URL) throws(TemplateError) -> TemplateSet {
        try TemplateSet(texts: read(folder: folder), folder: folder.path)
    }

    /// The templates a run renders with: those of `folder`, and for each template it does not hold, the built-in
    /// one; only the built-in ones when `folder` is nil.
    ///
    /// - Parameters:
    ///   - folder: `--templates DIR`, or the folder the vault's config names (see `load(vaultFolder:in:builtIn:)`).
    ///   - builtIn: The default templates compiled into the binary (`DefaultTemplates.texts`).
    public static func load(folder: URL?, builtIn: [String: String]) throws(TemplateError) -> TemplateSet {
        guard let folder else { return try TemplateSet(texts: builtIn, folder: builtInFolder) }
        return try merged(read(folder: folder), folder: folder.path, builtIn: builtIn)
    }

    /// The templates of a folder inside the vault (the config's `templates:`), read as every vault file is: a
    /// folder or template that is a symbolic link leading out of the vault is refused; built-in ones fill the gaps.
    public static func load(vaultFolder: String, in root: URL, builtIn: [String: String]) throws(TemplateError)
        -> TemplateSet
    {
        let shown = root.appendingPathComponent(vaultFolder).path
        let located: String
        do { located = try VaultFile.locate(vaultFolder, in: root) } catch {
            throw TemplateError(file: shown, line: 1, message: "templates folder cannot be read: \(error.reason)")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: located) } catch {
            throw TemplateError(
                file: shown, line: 1, message: "templates folder cannot be read (the config's templates: names it)")
        }
        var texts: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") {
            let path = vaultFolder + "/" + name
            let bytes: [UInt8]
            do { bytes = try VaultFile.read(path, in: root) } catch {
                throw TemplateError(file: root.appendingPathComponent(path).path, line: 1, message: error.reason)
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw TemplateError(
                    file: root.appendingPathComponent(path).path, line: 1, message: "cannot be read as UTF-8 text")
            }
            texts[String(name.dropLast(".mustache".count))] = text
        }
        return try merged(texts, folder: shown, builtIn: builtIn)
    }

    /// How built-in templates are named in messages.
    static let builtInFolder = "(built-in templates)"

    /// The folder's templates over the built-in ones, each named in messages by where it came from.
    private static func merged(_ texts: [String: String], folder: String, builtIn: [String: String])
        throws(TemplateError) -> TemplateSet
    {
        var all = builtIn
        var files: [String: String] = [:]
        for name in builtIn.keys { files[name] = "\(builtInFolder)/\(name).mustache" }
        for (name, text) in texts {
            all[name] = text
            files[name] = "\(folder)/\(name).mustache"
        }
        return try TemplateSet(texts: all, files: files, folder: folder)
    }

    /// Every `*.mustache` file of a folder, by name without the extension.
    private static func read(folder: URL) throws(TemplateError) -> [String: String] {
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
        return texts
    }
}
