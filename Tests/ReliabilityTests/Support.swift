import Foundation
import Testing

/// Paths of the repository, found from this file's location.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    static let templates = root.appendingPathComponent("Templates")
    static let samplePrices = root.appendingPathComponent("Vault/Prices")
}

/// The built `vaultgen` executable beside the test runner.
enum CLI {
    static var executable: URL {
        let folder = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return folder.appendingPathComponent("vaultgen")
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self))
    }
}

/// A scratch folder that removes itself.
final class Scratch {
    let url: URL

    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vaultgen-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ text: String, to path: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Every file below the folder, by relative path, with its bytes.
    func files(_ base: URL? = nil) -> [String: Data] {
        let root = base ?? url
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder)
            if !isFolder.boolValue, let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) {
                out[path] = data
            }
        }
        return out
    }
}

/// A vault of a few hundred notes where every note changes on update: each gets backlinks, and the sector
/// notes get their figures.
enum BusyVault {
    static func make(at root: URL, notes: Int = 300) throws {
        let fm = FileManager.default
        try fm.copyItem(at: Repo.fixtures.appendingPathComponent("update-seed/input"), to: root)
        try fm.copyItem(at: Repo.samplePrices, to: root.appendingPathComponent("Prices"))
        let folder = root.appendingPathComponent("Busy")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for i in 0..<notes {
            let text = """
                # Note \(i)

                Part of a chain: [[Note \((i + 1) % notes)]] and [[Note \((i + 7) % notes)]], read with [[Crypto-to-AI]].

                ## Related
                - [[Note \((i + 1) % notes)]]

                """
            try Data(text.utf8).write(to: folder.appendingPathComponent("Note \(i).md"))
        }
    }
}
