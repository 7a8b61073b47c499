import Foundation

/// A scratch folder that removes itself.
public final class Scratch {
    public let url: URL

    public init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vaultgen-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Marks `folder` (made if missing) as a vault, as Obsidian does: an empty `.obsidian/`, which no snapshot of
    /// files lists. Every command but `check DIR` refuses a folder that is in no vault.
    public static func markVault(_ folder: URL) throws {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".obsidian"), withIntermediateDirectories: true)
    }

    /// Every file below `root` (default: the scratch folder), by relative path, with its bytes.
    public func files(_ root: URL? = nil) -> [String: Data] {
        Self.snapshot(root ?? url)
    }

    /// Every file below a folder, by relative path, with its bytes.
    public static func snapshot(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
            guard !isFolder.boolValue else { continue }
            // Foundation leaks the read buffer of an empty file (seen under LeakSanitizer): answer those directly.
            if let data = try? read(URL(fileURLWithPath: full)) { out[path] = data }
        }
        return out
    }

    /// A file's bytes; an empty file is answered without reading it, because Foundation leaks the read buffer
    /// of an empty file (seen under LeakSanitizer).
    public static func read(_ url: URL) throws -> Data {
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        return size == 0 ? Data() : try Data(contentsOf: url)
    }
}
