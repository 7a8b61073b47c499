import Correlation
import Foundation
import VaultFiles
import VaultModel

/// One `vaultgen update`: read the vault, plan, and (unless only looking) write the changed notes atomically
/// behind the vault's lock.
public struct UpdateRun {
    public enum Mode: Sendable {
        /// Write every changed note.
        case write
        /// Plan only: `--dry-run`, `--diff` and `--check` write nothing.
        case look
    }

    public struct Outcome: Sendable {
        public var plan: UpdatePlan
        /// Notes written.
        public var written: [String] = []
        /// Notes that could not be written, with the reason; they are left as they were.
        public var failures: [String] = []
        /// Charts whose bytes differ from the file (or whose file does not exist yet): drawn, or to draw.
        public var charts: [ChartDrawing] = []
        /// Set when this run took over the lock of a run that died.
        public var lockNote: String?
        /// The price folder (as the config names it) when it holds no price file at all: no figure could be
        /// refreshed, and that one cause stands for every figure and chart warning.
        public var pricesMissing: String?
        /// Wall time of each stage, for `--timing`.
        public var times = StageTimes()
        /// The parsed vault, its indexes and prices the plan was made from. Kept so that a command can exit
        /// without freeing them one object at a time (see `Vaultgen.finish`).
        public var updater: VaultUpdater?

        /// `18 notes read, 3 sector notes, 16 changed (8 figures refreshed, 16 backlink lists), 1 chart, 0 warnings`
        public var summary: String {
            var text =
                "\(plan.notesRead) notes read, \(plan.sectorNotes) sector notes, \(plan.changes.count) changed "
                + "(\(plan.figuresRefreshed) figures refreshed, \(plan.backlinkLists) backlink lists), "
                + "\(charts.count) chart\(charts.count == 1 ? "" : "s"), \(plan.warnings.count) warnings"
            if !failures.isEmpty { text += ", \(failures.count) not written" }
            return text
        }
    }

    /// Why a run stops before touching any note.
    public enum RunError: Error, CustomStringConvertible {
        case vault(VaultError)
        case templates(TemplateSet.TemplateError)
        case lock(VaultLock.LockError)
        case noTemplates
        /// An `--only` (or `chart`) name that names no single note.
        case note(NoteLookup.Problem)

        public var description: String {
            switch self {
            case .note(let problem): return problem.description
            case .vault(let error): return error.description
            case .templates(let error): return error.description
            case .lock(let error): return error.description
            case .noTemplates:
                return
                    "no templates found: pass --templates DIR (the Templates/ folder of vaultgen's source or share/vaultgen/Templates)"
            }
        }
    }

    public var vaultRoot: URL
    public var templatesFolder: URL?
    public var options: VaultUpdater.Options
    public var lockWait: Double = 10
    /// Whether notes are written; `vaultgen chart` draws charts only.
    public var writesNotes = true
    /// The vault folder as the user typed it, so that `--only Vault/Sectors/N.md` (what `update` prints) works.
    public var typedVault = "."
    /// How messages show a vault path (the price files named in warnings); the command shows paths relative to the
    /// current folder.
    public var showPath: @Sendable (String) -> String = { $0 }
    /// Stages the new bytes of one file of the vault, by its vault path (see `NoteWriter`); replaceable so tests
    /// can make a write fail the way a full disk does.
    public var stage: @Sendable (_ bytes: [UInt8], _ path: String, _ root: URL) throws -> NoteWriter.Staged? = {
        bytes, path, root in
        // The run has already compared every note and chart with its new bytes.
        try NoteWriter.stage(bytes, to: path, in: root, comparing: false)
    }
    /// Makes everything staged or renamed so far durable (see `NoteWriter.flush(near:)`); replaceable so tests can
    /// see that the run flushes once after staging and once after renaming.
    public var flush: @Sendable (_ path: String) -> Void = { path in NoteWriter.flush(near: path) }
    /// Renames staged files over the files they replace, one result per file (see `NoteWriter.commit`);
    /// replaceable so tests can see each rename and when it happens.
    public var commit: @Sendable (_ batch: [NoteWriter.Staged]) -> [Result<Void, NoteWriter.WriteError>] = { batch in
        NoteWriter.commit(batch)
    }

    public init(vaultRoot: URL, templatesFolder: URL?, options: VaultUpdater.Options) {
        self.vaultRoot = vaultRoot
        self.templatesFolder = templatesFolder
        self.options = options
    }

    public func run(mode: Mode) throws(RunError) -> Outcome {
        // Templates first: one that does not parse stops the run before any note is read or touched.
        guard let folder = templatesFolder else { throw .noTemplates }
        let templates: TemplateSet
        do { templates = try TemplateSet.load(folder: folder) } catch { throw .templates(error) }
        var lock: VaultLock? = nil
        if mode == .write {
            do { lock = try VaultLock(vaultRoot: vaultRoot, wait: lockWait) } catch { throw .lock(error) }
        }
        defer { lock?.release() }
        var times = StageTimes()
        let loaded: (vault: Vault, sources: [SourceText])
        do {
            loaded = try times.measure("read") { () throws(VaultError) in try Vault.loadWithSources(root: vaultRoot) }
        } catch { throw .vault(error) }
        // `--only` names are what `update` prints, names or aliases: each must find one note, or nothing runs.
        var options = self.options
        let lookup = NoteLookup(vault: loaded.vault)
        var only: [String] = []
        for name in options.only {
            switch lookup.find(name, vaultFolder: typedVault) {
            case .success(let index): only.append(loaded.vault.notes[index].path)
            case .failure(let problem): throw .note(problem)
            }
        }
        options.only = only
        let priceFolder = PriceFolder(
            vaultRoot: vaultRoot, folder: loaded.vault.config.prices, displayName: showPath(loaded.vault.config.prices))
        // The price folder's tickers are the ones prose can name: `BTC-USD` is one token only when known.
        let known = Set(priceFolder.availableTickers())
        let pricesMissing = known.isEmpty ? loaded.vault.config.prices : nil
        let updater = times.measure("index") {
            VaultUpdater(vault: loaded.vault, sources: loaded.sources, templates: templates, knownTickers: known)
        }
        let prices = times.measure("prices") { priceFolder.load(updater.tickersNeeded()) }
        var outcome = Outcome(plan: times.measure("plan") { updater.plan(prices: prices, options: options) })
        // One cause, one message: with no price file at all, every figure and chart warning says the same thing.
        if let folder = pricesMissing, outcome.plan.sectorNotes > 0,
            outcome.plan.warnings.contains(where: { $0.kind != .other })
        {
            outcome.pricesMissing = folder
            outcome.plan.warnings.removeAll { $0.kind != .other }
        }
        outcome.lockNote = lock?.tookOverFrom.map {
            "took over the lock left by pid \($0), which no longer runs (a run that was killed)"
        }
        let comparing = StageTimes.now
        outcome.charts = outcome.plan.charts.filter { drawing in
            // Where the chart would go must be a file vaultgen may replace: inside the vault, no link.
            let path: String
            do throws(VaultFileError) { path = try VaultFile.writable(drawing.path, in: vaultRoot) } catch {
                if case .missing = error { return true }  // a folder to make: checked again when written
                outcome.plan.warnings.append(
                    .init(
                        path: drawing.note, line: nil, message: "\(drawing.name) left as it was: \(error)", kind: .chart
                    ))
                return false
            }
            return (try? VaultScanner.readBytes(path)) != drawing.bytes
        }
        times.record("charts", since: comparing)
        outcome.times = times
        outcome.updater = updater
        guard mode == .write else { return outcome }
        // We hold the lock, so no other run is writing: what an interrupted run left behind can go.
        for leftover in loaded.vault.leftovers {
            try? FileManager.default.removeItem(at: vaultRoot.appendingPathComponent(leftover))
        }
        write(&outcome)
        return outcome
    }

    /// Writes the changed notes and charts in two phases: every new file staged and flushed once, then every
    /// rename and one more flush. A kill or a power cut at any point leaves each file old or new, never torn.
    private func write(_ outcome: inout Outcome) {
        var staged: [(NoteWriter.Staged, String)] = []
        let changes = writesNotes ? outcome.plan.changes : []
        let root = vaultRoot
        let stage = self.stage
        // On every core (9,203 notes: 0.41-0.54 s on one, 0.21-0.27 s on two). An earlier measure blamed the
        // folders' locks for slow parallel staging; the cause was ext4 without a journal passing over inodes
        // freed in the last minutes (see `make bench`), which slows one thread as much as two.
        var times = StageTimes()
        defer { outcome.times.append(times) }
        let results = times.measure("stage") {
            changes.parallelMap { change -> Result<NoteWriter.Staged?, StageFailure> in
                // A note edited since it was read is left for the next run rather than overwritten.
                guard let current = try? VaultFile.read(change.path, in: root), current == change.original else {
                    return .failure(
                        StageFailure(message: "\(change.path): changed while vaultgen ran; left for the next run"))
                }
                do {
                    return .success(try stage(change.updated, change.path, root))
                } catch let error as NoteWriter.WriteError {
                    return .failure(
                        StageFailure(message: "\(change.path): cannot be written (\(error.reason)); left as it was"))
                } catch {
                    return .failure(
                        StageFailure(message: "\(change.path): cannot be written (\(error)); left as it was"))
                }
            }
        }
        for (change, result) in zip(changes, results) {
            switch result {
            case .success(let file?): staged.append((file, change.path))
            case .success(nil): break
            case .failure(let failure): outcome.failures.append(failure.message)
            }
        }
        for drawing in outcome.charts {
            do {
                if let file = try stage(drawing.bytes, drawing.path, root) { staged.append((file, drawing.path)) }
            } catch let error as NoteWriter.WriteError {
                outcome.failures.append("\(drawing.path): cannot be written (\(error.reason)); the old chart is left")
            } catch {
                outcome.failures.append("\(drawing.path): cannot be written (\(error)); the old chart is left")
            }
        }
        guard let first = staged.first else { return }
        let flush = self.flush
        times.measure("flush") { flush(first.0.path) }
        let renaming = StageTimes.now
        for ((_, path), result) in zip(staged, commit(staged.map(\.0))) {
            switch result {
            case .success: outcome.written.append(path)
            case .failure(let error):
                outcome.failures.append("\(path): cannot be written (\(error.reason)); left as it was")
            }
        }
        times.record("rename", since: renaming)
        times.measure("flush") { flush(first.0.path) }
    }

    private struct StageFailure: Error, Sendable {
        var message: String
    }
}
