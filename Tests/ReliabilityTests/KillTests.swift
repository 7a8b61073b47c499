import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGKILL at random points of `vaultgen update` on a vault of a few hundred notes.
@Suite("Killed mid-run: every note is its old or its new version")
struct KillTests {
    /// How many kills; `VAULTGEN_KILL_TRIALS` overrides (the README reports a run of the default).
    static let trials = ProcessInfo.processInfo.environment["VAULTGEN_KILL_TRIALS"].flatMap(Int.init) ?? 200

    @Test func sigkillAtRandomPointsDamagesNothing() throws {
        let scratch = try Scratch("kill")
        let pristine = scratch.url.appendingPathComponent("pristine")
        try BusyVault.make(at: pristine, notes: 300)
        let arguments = ["--templates", Repo.templates.path, "--as-of", "2026-01-30"]
        // The finished state, from one run to completion.
        let finished = scratch.url.appendingPathComponent("finished")
        try FileManager.default.copyItem(at: pristine, to: finished)
        let started = Date()
        #expect(try CLI.run(["update", finished.path] + arguments).status == 0)
        let duration = Date().timeIntervalSince(started)
        let old = Scratch.snapshot(pristine)
        let new = Scratch.snapshot(finished)
        let changed = old.keys.filter { old[$0] != new[$0] && !$0.hasPrefix(".vaultgen") }
        #expect(changed.count > 300, "the run must rewrite most notes for the kills to land mid-write")

        var generator = SystemRandomNumberGenerator()
        var damaged: [String] = []
        var interrupted = 0
        let trial = scratch.url.appendingPathComponent("trial")
        for number in 0..<Self.trials {
            try? FileManager.default.removeItem(at: trial)
            try FileManager.default.copyItem(at: pristine, to: trial)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["update", trial.path] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill within the time a run takes, so that most kills land while it writes.
            usleep(UInt32(Double.random(in: 0...(duration * 0.9), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { interrupted += 1 }
            let after = Scratch.snapshot(trial)
            for (path, data) in after where !path.hasPrefix(".vaultgen") {
                let name = (path as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    // A hidden temporary file: Obsidian does not show it and the next run removes it.
                    #expect(name.contains(".vaultgen-") && name.hasSuffix(".tmp"), "unexpected file \(path)")
                    continue
                }
                if data != old[path] && data != new[path] { damaged.append("trial \(number): \(path)") }
            }
            for path in old.keys where after[path] == nil { damaged.append("trial \(number): \(path) is gone") }
            // Every tenth trial, the next run must finish the work and clear the leftovers.
            if number % 10 == 0 {
                #expect(try CLI.run(["update", trial.path] + arguments).status == 0)
                let done = Scratch.snapshot(trial).filter { !$0.key.hasPrefix(".vaultgen") }
                #expect(
                    done == new.filter { !$0.key.hasPrefix(".vaultgen") },
                    "trial \(number): the next run did not finish")
            }
        }
        print("kill trials: \(Self.trials) (\(interrupted) killed mid-run), damaged files: \(damaged.count)")
        #expect(damaged.isEmpty, "\(damaged.prefix(10))")
        #expect(interrupted >= Self.trials / 4, "kills must land while the run is working")
    }
}
