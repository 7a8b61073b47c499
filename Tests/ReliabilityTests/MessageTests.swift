import Foundation
import TestSupport
import Testing

/// Clear messages naming the file (issue 15, item 19): a folder where a file is expected, a chart that could
/// not be written.
@Suite("Messages: what is in the way, and which file")
struct MessageTests {
    static func busyVault(_ name: String) throws -> (Scratch, URL) {
        let scratch = try Scratch(name)
        let root = scratch.url.appendingPathComponent("v")
        try BusyVault.make(at: root, notes: 1)
        return (scratch, root)
    }

    @Test func aFolderNamedLikeAPriceFileIsCalledAFolder() throws {
        let (scratch, root) = try Self.busyVault("folder-price")
        defer { withExtendedLifetime(scratch) {} }
        let hut = root.appendingPathComponent("Prices/HUT.csv")
        try FileManager.default.removeItem(at: hut)
        try FileManager.default.createDirectory(at: hut, withIntermediateDirectories: true)
        let message = "Prices/HUT.csv: cannot be read (it is a folder, not a file)"
        let update = try CLI.run(["update", root.path, "--templates", Repo.templates.path])
        #expect(update.err.contains(message), "\(update.err)")
        #expect(!update.err.contains("NSCocoaErrorDomain"))
        let corr = try CLI.run(["corr", "HUT", "IREN", "--vault", root.path])
        #expect(corr.status == 1)
        #expect(corr.err.contains(message), "\(corr.err)")
    }

    @Test func aFolderNamedLikeTheConfigIsCalledAFolder() throws {
        let (scratch, root) = try Self.busyVault("folder-config")
        defer { withExtendedLifetime(scratch) {} }
        let config = root.appendingPathComponent(".vaultgen.yml")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        for command in [["check", root.path], ["update", root.path, "--templates", Repo.templates.path]] {
            let result = try CLI.run(command)
            #expect(result.status == 2)
            #expect(result.err.contains("\(config.path):1: it is a folder, not a file"), "\(result.err)")
        }
    }

    /// A chart whose folder cannot be made (a name longer than NAME_MAX) fails, exit 2, and is never "drew".
    @Test func chartSaysDrewOnlyForAChartItWrote() throws {
        let (scratch, root) = try Self.busyVault("chart-drew")
        defer { withExtendedLifetime(scratch) {} }
        let folder = String(repeating: "x", count: 300)
        try Data("{\"attachmentFolderPath\": \"\(folder)\"}\n".utf8).write(
            to: root.appendingPathComponent(".obsidian/app.json"))
        let chart = try CLI.run(["chart", "Crypto-to-AI", "--vault", root.path, "--templates", Repo.templates.path])
        #expect(chart.status == 2)
        #expect(chart.out == "", "\(chart.out)")
        #expect(
            chart.err.contains(
                "vaultgen: error: \(folder)/crypto-to-ai-sector-chart.png: cannot be written (cannot create the folder"),
            "\(chart.err)")
        // Once the folder can be made, it is drawn and said.
        try Data("{\"attachmentFolderPath\": \"Pictures\"}\n".utf8).write(
            to: root.appendingPathComponent(".obsidian/app.json"))
        let again = try CLI.run(["chart", "Crypto-to-AI", "--vault", root.path, "--templates", Repo.templates.path])
        #expect(again.status == 0)
        #expect(again.out == "drew Pictures/crypto-to-ai-sector-chart.png: sector chart of Sectors/Crypto-to-AI.md\n")
    }
}
