import Foundation
import TestSupport
import Testing

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
