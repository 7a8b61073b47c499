import ArgumentParser
import CommandOptions
import ConsoleOutput
import Foundation
import Refresh
import VaultModel

struct RenameCommand: ParsableCommand, OutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename or move a note, an attachment or a folder, and rewrite every link to it.",
        discussion: """
            OLD is a vault path (with or without .md) or a note's name; NEW is a name (the file stays in its \
            folder) or a vault path. `Note#Heading` or `Note#^id` as OLD renames a heading or a block id in that \
            note, and NEW is the new heading or id. Every link that resolved to a moved file is rewritten in its own style \
            (wiki or markdown, embed, heading, block, alias, size, .md, relative path) in the shortest form that \
            resolves to it without ambiguity; a link that the new name would capture is written in path form, \
            so no other link changes what it resolves to. The linking notes are staged, then written, then the \
            files moved, behind the vault's lock; when a step fails, everything is put back.

            Exit status: 0 renamed (or, with --dry-run or --diff, would rename); 1 with warnings (a link left \
            as it was, a broken link that now resolves); 2 on an error (no such file, NEW exists, bad vault, \
            lock held by another run, a write or move that failed: nothing changed).
            """
    )

    @Argument(
        help: "What to rename: a vault path, a note name, a folder, Note#Heading or Note#^block.",
        completion: NoteCompletion.notesAndFolders)
    var old: String

    @Argument(help: "The new name, or a vault path to move it to.", completion: NoteCompletion.folders)
    var new: String

    @OptionGroup var location: VaultOptions

    @Flag(name: .customLong("keep-text"), help: "Give links that showed the old name that name as their alias.")
    var keepText = false

    @Flag(help: "Add the old name to the renamed note's aliases.")
    var alias = false

    @Flag(name: .customLong("dry-run"), help: "List what would change; write nothing.")
    var dryRun = false

    @Flag(help: "Print a unified diff of the notes whose links would change (the moves on stderr); write nothing.")
    var diff = false

    @Option(help: "Seconds to wait for another run's lock before giving up.")
    var wait: Double = 10

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if dryRun && diff { throw ValidationError("--dry-run and --diff are alternatives; pass one") }
        if !wait.isFinite || wait < 0 { throw ValidationError("--wait must be a number of seconds, 0 or more") }
    }

    func run() throws {
        let vault = try location.required()
        // A path this command printed (`../Companies/IREN.md`) names its file from wherever it is given.
        var run = RenameRun(
            vaultRoot: vault.root, old: vault.vaultPath(typed: old) ?? old, new: new,
            options: RenamePlanner.Options(keepText: keepText, addAlias: alias))
        run.lockWait = wait
        let looking = dryRun || diff
        let plan: RenamePlan
        do {
            plan = try run.run(write: !looking)
        } catch {
            Output.error("vaultgen: \(error)")
            throw ExitCode(2)
        }
        Console.describeVault(vault)
        for warning in plan.warnings { Console.warning(line: vault.showLeading("\(warning)")) }
        if diff {
            for move in plan.moves { Console.info("would rename \(vault.show(move.from)) → \(vault.show(move.to))") }
            for rewrite in plan.rewrites {
                Console.result(
                    UnifiedDiff.render(old: rewrite.original, new: rewrite.updated, path: rewrite.path), terminator: "")
            }
            Console.info(plan.summary(looking: true))
        } else {
            for move in plan.moves {
                Console.status(
                    "\(looking ? "would rename" : "renamed") \(vault.show(move.from)) → \(vault.show(move.to))")
            }
            for rewrite in plan.rewrites {
                Console.status(
                    "\(looking ? "would rewrite" : "rewrote") \(vault.show(rewrite.finalPath)): \(rewrite.links) link\(rewrite.links == 1 ? "" : "s")"
                )
            }
            Console.status(plan.summary(looking: looking))
        }
        throw ExitCode(plan.warnings.isEmpty ? 0 : 1)
    }
}
