import Correlation
import Foundation
import TestSupport
import Testing
import VaultFiles
import VaultModel

/// A FIFO where vaultgen reads a file (issue 15, item 12): read only regular files, never block. A nil result
/// means the read blocked (`FIFO.run` then unblocks it).
@Suite("A FIFO in place of a file vaultgen reads")
struct FIFOTests {
    /// A fresh vault folder with `.obsidian/` and `Prices/`.
    static func vault() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vaultgen-fifo-\(UUID().uuidString)")
        for folder in [".obsidian", "Prices"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("# A\n".utf8).write(to: root.appendingPathComponent("A.md"))
        return root
    }

    @Test func theSharedReaderRefusesAFIFOAtOnce() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("Note.md").path
        let result = try FIFO.run(at: path) { () -> String in
            do {
                _ = try RegularFile.readBytes(path)
                return "read"
            } catch {
                return "\(error)"
            }
        }
        #expect(result == "not a regular file (a FIFO)")
    }

    @Test func obsidianAppJSONAsAFIFOIsNoSetting() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent(".obsidian/app.json").path
        let result = try FIFO.run(at: path) { () -> String in
            guard let vault = try? Vault.load(root: root) else { return "no vault" }
            return "\(vault.notes.count) notes, setting \(vault.attachmentFolderSetting ?? "none")"
        }
        #expect(result == "1 notes, setting none")
    }

    @Test func aConfigThatIsAFIFOIsAnError() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent(".vaultgen.yml").path
        let result = try FIFO.run(at: path) { () -> String in
            do {
                _ = try VaultConfig.load(vaultRoot: root)
                return "loaded"
            } catch {
                return (error as? ConfigError).map { "\($0.file):\($0.line)" } ?? "\(error)"
            }
        }
        #expect(result == "\(path):1")
    }

    @Test func aPriceFileThatIsAFIFOIsLeftOutWithItsReason() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = PriceFolder(url: root.appendingPathComponent("Prices"), displayName: "Prices")
        let result = try FIFO.run(at: root.appendingPathComponent("Prices/HUT.csv").path) { () -> String in
            switch folder.load("HUT") {
            case .success: return "loaded"
            case .failure(let problem): return problem.description
            }
        }
        #expect(result == "Prices/HUT.csv: cannot be read (it is a named pipe, not a file)")
    }
}
