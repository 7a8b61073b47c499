import ArgumentParser
import CommandOptions
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
            The vault is the nearest folder, from the current one (or -C DIR, or the first path given) upward, \
            holding .obsidian/ or .vaultgen.yml; with no path, the whole vault is checked, and in no vault check \
            refuses (exit 2). A folder given is checked as part of its vault: only its notes are reported, their \
            links resolved against the whole vault; a folder in no vault is checked as a vault of its own (but not \
            fixed). Paths are shown relative to the current folder.

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
            "Notes or folders to check (default: the whole vault). Their vault is the nearest folder above them holding .obsidian/ or .vaultgen.yml, and their links are resolved against all of it; a folder in no vault is itself checked as one.",
            valueName: "path"), completion: .file(extensions: ["md"]))
    var paths: [String] = []

    @OptionGroup var location: VaultOptions

    @Option(help: "Output format: text, json (schema vaultgen.check/1) or github (workflow annotations).")
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
        if diff && format != .text {
            throw ValidationError(
                "--fix --diff prints a patch, not a report; it does not go with --format \(format.rawValue)")
        }
    }

    func run() throws {
        let targets = try self.targets()
        let root = targets.vault.root
        if fix { try repair(targets) }
        var times = StageTimes()
        let loaded: Vault
        do {
            loaded = try times.measure("read") { () throws(VaultError) in try Vault.load(root: root) }
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        let checker = times.measure("index") { LinkChecker(vault: loaded) }
        var result = times.measure("check") { checker.check() }
        // Notes given by name: their findings alone, their links resolved against the whole vault.
        if let notes = targets.notes {
            let known = Set(loaded.notes.map(\.path))
            if let stranger = notes.first(where: { !known.contains($0.path) }) {
                Console.error("\(stranger.typed): not a note of the vault \(targets.vault.show(""))")
                throw ExitCode(2)
            }
        }
        if !targets.isWholeVault { result.findings.removeAll { !targets.covers($0.path) } }
        Console.describeVault(targets.vault, notes: loaded.notes.count)
        let report = times.measure("report") {
            render(result, pathPrefix: targets.vault.display.vaultPrefix, vault: VaultRoot.absolute(root.path))
        }
        Console.result(report, terminator: "")
        if timing { Console.timing(times.line) }
        try Vaultgen.finish(result.errors > 0 ? 1 : 0)
    }
}

extension CheckCommand {
    /// What `check` reads and what it reports on.
    struct Targets {
        var vault: VaultOptions.Located
        /// The notes named, by vault path, with the path as typed; nil when none was.
        var notes: [(path: String, typed: String)]?
        /// The folders named, by vault path ("" for the root).
        var folders: [String] = []

        var isWholeVault: Bool { notes == nil && (folders.isEmpty || folders.contains("")) }

        /// Whether a finding in the note at vault path `path` is reported.
        func covers(_ path: String) -> Bool {
            if notes?.contains(where: { $0.path == path }) == true { return true }
            return folders.contains { path.hasPrefix($0 + "/") }
        }
    }

    /// The vault and what in it to report on: the vault found from the current folder (after `-C`), or from the
    /// first path; a folder in no vault is its own root. Notes and folders named are turned into vault paths.
    func targets() throws -> Targets {
        guard let first = paths.first else {
            return Targets(vault: try location.required())
        }
        try location.entered()
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: first, isDirectory: &isFolder)
        // A first path that is a folder, or names no `.md` file, is where the vault is looked for from.
        let isNote = !(exists && isFolder.boolValue) && VaultPath.hasMarkdownExtension(first)
        let start = isNote ? (first as NSString).deletingLastPathComponent : first
        let vault: VaultOptions.Located
        if let found = try VaultOptions.optional(from: start.isEmpty ? "." : start) {
            vault = found
        } else if !isNote && !fix {
            vault = VaultOptions.Located(
                root: URL(fileURLWithPath: VaultLocator.realFolder(URL(fileURLWithPath: first))))
        } else {
            vault = try VaultOptions.required(from: start.isEmpty ? "." : start)
        }
        var targets = Targets(vault: vault, notes: nil)
        for path in paths {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if exists && isFolder.boolValue {
                guard let inside = vault.vaultPath(typed: path) else {
                    Output.error("vaultgen: \(path): not a folder of the vault \(vault.show(""))")
                    throw ExitCode(2)
                }
                targets.folders.append(inside)
            } else if VaultPath.hasMarkdownExtension(path) {
                targets.notes = (targets.notes ?? []) + [(vault.vaultPath(typed: path) ?? path, path)]
            } else if !exists && (path as NSString).pathExtension.isEmpty {
                // A folder mistyped; a file that is not a note (what a pre-commit hook may pass) is left alone.
                Output.error("vaultgen: error: \(path): no such vault folder")
                throw ExitCode(2)
            }
        }
        return targets
    }

    /// `--fix`: plans the fixes, then prints them as a patch (`--diff`) or writes them behind the lock.
    func repair(_ targets: Targets) throws {
        let root = targets.vault.root
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
        var (plan, fixes) = LinkFixer(vault: loaded.vault, sources: loaded.sources).plan()
        // Notes or folders named: only their links are fixed.
        if !targets.isWholeVault {
            plan.rewrites.removeAll { !targets.covers($0.path) }
            fixes.removeAll { !targets.covers($0.path) }
        }
        for fix in fixes {
            Console.info("\(diff ? "would fix" : "fixed") \(targets.vault.showLeading(fix.description))")
        }
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
    func render(_ result: CheckResult, pathPrefix: String, vault: String) -> String {
        guard Console.isQuiet, format != .json else {
            let report = CheckReport.render(result, format: format, pathPrefix: pathPrefix, vault: vault)
            return format == .text ? Console.colorFindings(report) : report
        }
        var errors = result
        errors.findings.removeAll { $0.severity != .error }
        // The summary is the report's last line.
        let lines = CheckReport.render(errors, format: format, pathPrefix: pathPrefix, vault: vault).split(
            separator: "\n"
        )
        .dropLast()
        let report = lines.map { $0 + "\n" }.joined()
        return format == .text ? Console.colorFindings(report) : report
    }
}

extension CheckReport.Format: ExpressibleByArgument {}
