import Foundation
import VaultFiles
import VaultModel

/// One `vaultgen rename`: read the vault, plan, and (unless only looking) rewrite the linking notes and move
/// the files behind the vault's lock, all or nothing.
///
/// Order: every rewritten note is staged (a hidden temporary file beside it) and flushed; then the staged
/// notes replace the old ones; then the files move; then one more flush. When a step fails, what was done is
/// undone: moved files go back, rewritten notes get their old bytes back, temporary files are removed.
public struct RenameRun {
    public var vaultRoot: URL
    public var old: String
    public var new: String
    public var options: RenamePlanner.Options
    public var lockWait: Double = 10
    /// Moves one file; replaceable so tests can make a move fail midway.
    public var move: @Sendable (_ from: String, _ to: String) throws -> Void = { from, to in
        try FileManager.default.createDirectory(
            atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // rename(2) without replacing: the target was checked to be free, but never overwrite one that appeared.
        guard !FileManager.default.fileExists(atPath: to) else {
            throw NoteWriter.WriteError(path: to, reason: "a file of that name appeared")
        }
        guard Foundation.rename(from, to) == 0 else {
            throw NoteWriter.WriteError(path: to, reason: String(cString: strerror(errno)))
        }
    }

    public init(vaultRoot: URL, old: String, new: String, options: RenamePlanner.Options = .init()) {
        self.vaultRoot = vaultRoot
        self.old = old
        self.new = new
        self.options = options
    }

    public enum RunError: Error, CustomStringConvertible {
        case vault(VaultError)
        case lock(VaultLock.LockError)
        case plan(RenameError)
        /// A step failed; everything done before it was undone.
        case failed(String)

        public var description: String {
            switch self {
            case .vault(let error): return error.description
            case .lock(let error): return error.description
            case .plan(let error): return error.description
            case .failed(let message): return "\(message); nothing was changed"
            }
        }
    }

    public func run(write: Bool) throws(RunError) -> RenamePlan {
        var lock: VaultLock? = nil
        if write {
            do { lock = try VaultLock(vaultRoot: vaultRoot, wait: lockWait) } catch { throw .lock(error) }
        }
        defer { lock?.release() }
        let loaded: (vault: Vault, sources: [SourceText])
        do { loaded = try Vault.loadWithSources(root: vaultRoot) } catch { throw .vault(error) }
        let plan: RenamePlan
        do {
            plan = try RenamePlanner(vault: loaded.vault, sources: loaded.sources).plan(
                old: old, new: new, options: options)
        } catch { throw .plan(error) }
        guard write else { return plan }
        try Self.apply(plan, root: vaultRoot, move: move)
        return plan
    }

    /// Writes a plan (rewritten notes, then moves), all or nothing; the caller holds the vault's lock.
    public static func apply(
        _ plan: RenamePlan, root: URL, move: (_ from: String, _ to: String) throws -> Void
    ) throws(RunError) {
        func url(_ path: String) -> String { root.appendingPathComponent(path).path }
        func restore(_ rewrites: [RenamePlan.Rewrite]) {
            for rewrite in rewrites { _ = try? NoteWriter.write(rewrite.original, to: url(rewrite.path)) }
        }
        var staged: [NoteWriter.Staged] = []
        func discard() {
            for file in staged { unlink(file.temporary) }
        }
        for rewrite in plan.rewrites {
            // Edited since it was read: stop before anything changes.
            guard (try? VaultScanner.readBytes(url(rewrite.path))) == rewrite.original else {
                discard()
                throw .failed("\(rewrite.path) changed while vaultgen ran")
            }
            do {
                // Inside the vault, never through a symbolic link (the rule every writer follows).
                if let file = try NoteWriter.stage(rewrite.updated, to: rewrite.path, in: root, comparing: false) {
                    staged.append(file)
                }
            } catch {
                discard()
                throw .failed("\(rewrite.path): cannot be written (\(error.reason))")
            }
        }
        if let first = staged.first { NoteWriter.flush(near: first.path) }
        var committed: [RenamePlan.Rewrite] = []
        for (file, rewrite) in zip(staged, plan.rewrites) {
            do {
                try NoteWriter.commit(file)
                committed.append(rewrite)
            } catch {
                staged = Array(staged.drop { $0.temporary != file.temporary })
                discard()
                restore(committed)
                throw .failed("\(rewrite.path): cannot be written (\(error.reason))")
            }
        }
        var moved: [RenamePlan.Move] = []
        for step in plan.moves {
            do {
                let from = try VaultFile.writable(step.from, in: root)
                let to = try VaultFile.locate(step.to, in: root, creatingFolders: true)
                try move(from, to)
                moved.append(step)
            } catch {
                for done in moved.reversed() { _ = Foundation.rename(url(done.to), url(done.from)) }
                restore(committed)
                throw .failed("\(step.from) → \(step.to): \(error)")
            }
        }
        if let first = plan.moves.first { NoteWriter.flush(near: url(first.to)) }
    }
}
