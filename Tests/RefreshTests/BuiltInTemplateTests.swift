import Foundation
import TestSupport
import Testing

/// The default templates are compiled into the binary; a folder (`--templates DIR`, or the config's
/// `templates:`) replaces them template by template.
@Suite("Built-in templates")
struct BuiltInTemplateTests {
    /// A stale copy of the sample vault (its seed notes, the sample prices), in a folder of its own.
    private static func staleVault(in scratch: Scratch, named name: String) throws -> URL {
        let root = scratch.url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Repo.fixtures.appendingPathComponent("update-seed/input"), to: root)
        try FileManager.default.copyItem(at: Repo.samplePrices, to: root.appendingPathComponent("Prices"))
        return root
    }

    /// Every file of a vault except the lock, by path.
    private static func files(_ root: URL) -> [String: Data] {
        Scratch.snapshot(root).filter { !$0.key.hasSuffix(".vaultgen.lock") && !$0.key.hasPrefix(".vaultgen/") }
    }

    private static let expectedSummary =
        "18 notes read, 3 sector notes, 16 changed (8 figures refreshed, 16 backlink lists), 1 chart, 0 warnings\n"

    @Test func aBinaryCopiedAloneUpdatesAsWithTheTemplatesFolder() throws {
        let scratch = try Scratch("built-in-templates")
        // The binary alone, far from the source tree: no Templates/ beside it or in any folder above.
        let bin = scratch.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copied = bin.appendingPathComponent("vaultgen")
        try FileManager.default.copyItem(at: CLI.executable, to: copied)
        let alone = try Self.staleVault(in: scratch, named: "alone")
        let withFolder = try Self.staleVault(in: scratch, named: "with-folder")

        let process = Process()
        process.executableURL = copied
        process.arguments = ["update", alone.path, "--as-of", "2026-01-30"]
        process.currentDirectoryURL = scratch.url
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed.hasSuffix(Self.expectedSummary))

        let reference = try CLI.run(
            ["update", withFolder.path, "--as-of", "2026-01-30", "--templates", Repo.templates.path])
        #expect(reference.status == 0)
        #expect(reference.out.hasSuffix(Self.expectedSummary))
        let a = Self.files(alone)
        let b = Self.files(withFolder)
        #expect(a.keys.sorted() == b.keys.sorted())
        // 18 notes, .obsidian/app.json, 12 price files and the sector chart.
        #expect(a.keys.count == 32)
        for (path, data) in a where b[path] != data { Issue.record("\(path) differs from the --templates run") }
    }

    /// A folder that holds one template changes that one; the others are the built-in ones.
    @Test func aFolderWithOneTemplateFallsBackForTheOthers() throws {
        let scratch = try Scratch("one-template")
        let vault = try Self.staleVault(in: scratch, named: "vault")
        let reference = try Self.staleVault(in: scratch, named: "reference")
        let folder = scratch.url.appendingPathComponent("Mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: TEXT}}\n### {{heading}}\n{{#notes}}\n* [[{{link}}]] (mine)\n{{/notes}}\n".write(
            to: folder.appendingPathComponent("backlinks.mustache"), atomically: true, encoding: .utf8)
        let mine = try CLI.run(["update", vault.path, "--as-of", "2026-01-30", "--templates", folder.path])
        #expect(mine.status == 0)
        #expect(mine.out.hasSuffix(Self.expectedSummary))
        #expect(try CLI.run(["update", reference.path, "--as-of", "2026-01-30"]).status == 0)
        let hut = try String(contentsOf: vault.appendingPathComponent("Companies/Hut 8.md"), encoding: .utf8)
        #expect(
            hut.hasSuffix(
                "### Backlinks\n* [[Bitcoin]] (mine)\n* [[Core Scientific]] (mine)\n* [[Crypto-to-AI]] (mine)\n"))
        // Sector notes' pair tables come from the built-in pair-table: the same as without the folder.
        let sector = "Sectors/Crypto-to-AI.md"
        let ours = try String(contentsOf: vault.appendingPathComponent(sector), encoding: .utf8)
        let theirs = try String(contentsOf: reference.appendingPathComponent(sector), encoding: .utf8)
        #expect(ours.contains("| HUT - IREN |"))
        #expect(
            ours.replacingOccurrences(of: "* [[", with: "- [[").replacingOccurrences(of: " (mine)", with: "") == theirs)
    }

    /// The config's `templates:` names a folder inside the vault; `--templates` comes first.
    @Test func theConfigNamesATemplatesFolderInsideTheVault() throws {
        let scratch = try Scratch("config-templates")
        let vault = try Self.staleVault(in: scratch, named: "vault")
        let folder = vault.appendingPathComponent("Layout")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: TEXT}}\n### {{heading}}\n{{#notes}}\n- [[{{link}}]] (config)\n{{/notes}}\n".write(
            to: folder.appendingPathComponent("backlinks.mustache"), atomically: true, encoding: .utf8)
        try "templates: Layout\nexclude: [Layout]\n".write(
            to: vault.appendingPathComponent(".vaultgen.yml"), atomically: true, encoding: .utf8)
        let look = try CLI.run(["update", vault.path, "--as-of", "2026-01-30", "--diff"])
        #expect(look.status == 0)
        #expect(look.out.contains("+- [[Core Scientific]] (config)\n"))
        let given = try CLI.run(
            ["update", vault.path, "--as-of", "2026-01-30", "--diff", "--templates", Repo.templates.path])
        #expect(given.status == 0)
        #expect(!given.out.contains("(config)"))
        #expect(given.out.contains("+- [[Core Scientific]]\n"))

        try "templates: ../Layout\n".write(
            to: vault.appendingPathComponent(".vaultgen.yml"), atomically: true, encoding: .utf8)
        let outside = try CLI.run(["update", vault.path, "--dry-run"])
        #expect(outside.status == 2)
        #expect(
            outside.err.contains(
                ".vaultgen.yml:1: templates must be a folder inside the vault, not '../Layout'"))
    }

    /// A template of the folder that cannot be used stops the run, named by its file and line.
    @Test func aBrokenTemplateOfTheFolderIsNamed() throws {
        let scratch = try Scratch("broken-template")
        let vault = try Self.staleVault(in: scratch, named: "vault")
        let folder = scratch.url.appendingPathComponent("Broken")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "| {{a}} |\n".write(
            to: folder.appendingPathComponent("pair-table.mustache"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["update", vault.path, "--dry-run", "--templates", folder.path])
        #expect(run.status == 2)
        #expect(
            run.err
                == "vaultgen: error: \(folder.path)/pair-table.mustache:1: must start with {{% CONTENT_TYPE: TEXT}} (otherwise "
                + "Mustache escapes text as HTML)\n")
    }
}
