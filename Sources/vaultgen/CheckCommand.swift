import ArgumentParser
import ConsoleOutput
import Foundation
import Refresh
import VaultModel

struct CheckCommand: ParsableCommand, OutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Check every link of a vault: broken links, missing attachments, headings and blocks, ambiguity, orphans.",
        discussion: """
            Each finding is printed as path:line:column with the link as written and a hint. Which kinds are \
            errors or warnings, and which targets and orphans are ignored, is set in the vault's .vaultgen.yml.

            Links in front-matter properties (up: "[[Parent]]", lists of such strings, markdown links inside a \
            string) are checked and count against orphans, at the line of their property.

            --fix repairs the links that have exactly one sensible fix (a broken link whose target matches one \
            note once case, accents and punctuation are set aside, or one name within a small edit distance; a \
            missing heading with one heading as close; an ambiguous link, written to name the file it resolves \
            to today), says each fix on stderr, writes the notes atomically behind the vault's lock, and then \
            checks again. --fix --diff prints the fixes as a patch instead and writes nothing (exit 1 when there \
            is something to fix).

            Exit status: 0 with no errors, 1 with errors, 2 on a usage, configuration or I/O error.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The vault folder (default: the current one); or notes to check, whose vault is the nearest folder above them holding .obsidian/ or .vaultgen.yml (what a pre-commit hook passes).",
            valueName: "vault-or-notes"), completion: .file(extensions: ["md"]))
    var paths: [String] = []

    /// The vault folder, as the user wrote it or as found above the notes given.
    var vault: String { targets.vault }

    @Option(help: "Output format: text, json or github (workflow annotations).")
    var format: CheckReport.Format = .text

    @Flag(help: "Print how long each stage took (read, index, check, report) to stderr.")
    var timing = false

    @Flag(help: "Repair the links that have exactly one sensible fix, then check again.")
    var fix = false

    @Flag(help: "With --fix: print the fixes as a unified diff; write nothing.")
    var diff = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if diff && !fix { throw ValidationError("--diff goes with --fix") }
    }

    func run() throws {
        if fix { try repair() }
        var times = StageTimes()
        let loaded: Vault
        do {
            loaded = try times.measure("read") { () throws(VaultError) in
                try Vault.load(root: URL(fileURLWithPath: vault))
            }
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        let checker = times.measure("index") { LinkChecker(vault: loaded) }
        var result = times.measure("check") { checker.check() }
        // Notes given by name: their findings alone, their links resolved against the whole vault.
        if let files = targets.notes {
            let known = Set(loaded.notes.map(\.path))
            if let stranger = files.first(where: { !known.contains($0) }) {
                Console.error("\(stranger): not a note of the vault \(vault)")
                throw ExitCode(2)
            }
            let wanted = Set(files)
            result.findings.removeAll { !wanted.contains($0.path) }
        }
        Console.describeVault(URL(fileURLWithPath: vault), notes: loaded.notes.count)
        let report = times.measure("report") { render(result) }
        Console.result(report, terminator: "")
        if timing { Console.timing(times.line) }
        try Vaultgen.finish(result.errors > 0 ? 1 : 0)
    }
}

extension CheckCommand {
    /// The vault and, when notes were named, their vault paths.
    var targets: (vault: String, notes: [String]?) {
        var isFolder: ObjCBool = false
        guard let first = paths.first else { return (".", nil) }
        // A first path that is a folder, or names no `.md` file, is the vault (a missing one is reported as such).
        let exists = FileManager.default.fileExists(atPath: first, isDirectory: &isFolder)
        if (exists && isFolder.boolValue) || (!exists && !VaultPath.hasMarkdownExtension(first)) {
            let rest = Array(paths.dropFirst())
            return (first, rest.isEmpty ? nil : Self.vaultPaths(rest, in: first))
        }
        var root = Self.vaultAbove(first) ?? "."
        // Shown relative to the current folder, as `check` shows paths.
        let here = FileManager.default.currentDirectoryPath
        if root == here { root = "." } else if root.hasPrefix(here + "/") { root.removeFirst(here.count + 1) }
        return (root, Self.vaultPaths(paths, in: root))
    }

    /// The nearest folder above `path` that holds `.obsidian/` or `.vaultgen.yml`.
    static func vaultAbove(_ path: String) -> String? {
        var folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while true {
            for marker in [".obsidian", VaultConfig.fileName]
            where FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path) {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Markdown files as vault paths (`Sectors/N.md`), read from paths relative to the current folder.
    static func vaultPaths(_ files: [String], in vault: String) -> [String] {
        let root = URL(fileURLWithPath: vault).standardizedFileURL.resolvingSymlinksInPath().path
        return files.filter { VaultPath.hasMarkdownExtension($0) }.map { file in
            let full = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
            return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : file
        }
    }

    /// `--fix`: plans the fixes, then prints them as a patch (`--diff`) or writes them behind the lock.
    func repair() throws {
        let root = URL(fileURLWithPath: vault)
        var lock: VaultLock? = nil
        if !diff {
            do { lock = try VaultLock(vaultRoot: root, wait: 10) } catch {
                Console.error("\(error)")
                throw ExitCode(2)
            }
        }
        defer { lock?.release() }
        let loaded: (vault: Vault, sources: [SourceText])
        do { loaded = try Vault.loadWithSources(root: root) } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        let (plan, fixes) = LinkFixer(vault: loaded.vault, sources: loaded.sources).plan()
        for fix in fixes { Console.info("\(diff ? "would fix" : "fixed") \(fix)") }
        if diff {
            for rewrite in plan.rewrites {
                Console.result(
                    UnifiedDiff.render(old: rewrite.original, new: rewrite.updated, path: rewrite.path), terminator: "")
            }
            Console.info(
                "\(fixes.count) link\(fixes.count == 1 ? "" : "s") would be fixed in \(plan.rewrites.count) notes")
            throw ExitCode(fixes.isEmpty ? 0 : 1)
        }
        do { try RenameRun.apply(plan, root: root, move: { _, _ in }) } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        Console.info("\(fixes.count) link\(fixes.count == 1 ? "" : "s") fixed in \(plan.rewrites.count) notes")
    }
}

extension CheckCommand {
    /// The report in its format. With `-q`, text and GitHub annotations keep the errors alone (no warnings, no
    /// summary); JSON is a result for a tool and stays whole. Text findings take colour on a terminal.
    func render(_ result: CheckResult) -> String {
        guard Console.isQuiet, format != .json else {
            let report = CheckReport.render(result, format: format, pathPrefix: vault)
            return format == .text ? Console.colorFindings(report) : report
        }
        var errors = result
        errors.findings.removeAll { $0.severity != .error }
        // The summary is the report's last line.
        let lines = CheckReport.render(errors, format: format, pathPrefix: vault).split(separator: "\n").dropLast()
        let report = lines.map { $0 + "\n" }.joined()
        return format == .text ? Console.colorFindings(report) : report
    }
}

extension CheckReport.Format: ExpressibleByArgument {}
