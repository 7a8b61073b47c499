import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing outside the vault is read or written, whatever symbolic link or `..` is in the way (issue 15, 1-5).
@Suite("Outside the vault: no command reads or writes there")
struct OutsideVaultTests {
    /// The busy vault beside a folder `outside/` holding one file, `secret.txt`, whose bytes must never change.
    struct Setup {
        let scratch: Scratch
        let root: URL
        let outside: URL
        let secret = Data("secret: keep me\n".utf8)

        init(_ name: String, notes: Int = 3) throws {
            scratch = try Scratch(name)
            root = scratch.url.appendingPathComponent("v")
            outside = scratch.url.appendingPathComponent("outside")
            try BusyVault.make(at: root, notes: notes)
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try secret.write(to: outside.appendingPathComponent("secret.txt"))
        }

        /// Where the lock file goes, its folder made.
        func lockFile() throws -> URL {
            let folder = root.appendingPathComponent(".vaultgen")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder.appendingPathComponent("lock")
        }

        /// Every file of `outside/`, by name.
        var outsideFiles: [String: Data] { scratch.files(outside) }

        func update(_ extra: [String] = []) throws -> CLI.Result {
            try CLI.run(["update", root.path, "--templates", Repo.templates.path, "--wait", "0"] + extra)
        }
    }

    @Test func aLockThatIsASymbolicLinkOutsideIsNeitherTruncatedNorFollowed() throws {
        let setup = try Setup("lock-link")
        let lock = try setup.lockFile()
        symlink(setup.outside.appendingPathComponent("secret.txt").path, lock.path)
        let before = setup.scratch.files(setup.root)
        let update = try setup.update()
        #expect(update.status == 2)
        #expect(
            update.err.contains(
                "\(lock.path): cannot open the lock file: it is a symbolic link, and vaultgen never writes through or over one"
            ), "\(update.err)")
        let chart = try CLI.run([
            "chart", "Crypto-to-AI", "--vault", setup.root.path, "--templates", Repo.templates.path,
        ])
        #expect(chart.status == 2)
        #expect(chart.err.contains("cannot open the lock file: it is a symbolic link"), "\(chart.err)")
        // fetch takes the same lock before asking anything (nothing listens on port 9).
        try Data("fetch: {provider: stooq, base-url: \"http://127.0.0.1:9\"}\n".utf8).write(
            to: setup.root.appendingPathComponent(".vaultgen.yml"))
        let fetch = try CLI.run(["fetch", setup.root.path, "--tickers", "HUT", "--wait", "0"])
        #expect(fetch.status == 2)
        #expect(fetch.err.contains("cannot open the lock file: it is a symbolic link"), "\(fetch.err)")
        #expect(setup.outsideFiles == ["secret.txt": setup.secret])
        var after = setup.scratch.files(setup.root)
        after[".vaultgen.yml"] = before[".vaultgen.yml"]
        #expect(after == before)
    }

    @Test func aDanglingLockLinkCreatesNothing() throws {
        let setup = try Setup("lock-dangling")
        let target = setup.outside.appendingPathComponent("created-by-vaultgen")
        symlink(target.path, try setup.lockFile().path)
        let update = try setup.update()
        #expect(update.status == 2)
        #expect(update.err.contains("cannot open the lock file: it is a symbolic link"), "\(update.err)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func aRuntimeFolderThatIsASymbolicLinkIsNotWrittenThrough() throws {
        let setup = try Setup("runtime-link")
        let folder = setup.root.appendingPathComponent(".vaultgen")
        symlink(setup.outside.path, folder.path)
        let update = try setup.update()
        #expect(update.status == 2)
        #expect(
            update.err.contains(
                "\(folder.path): cannot open the lock file: it is a symbolic link, and vaultgen never writes through or over one"
            ), "\(update.err)")
        #expect(setup.outsideFiles == ["secret.txt": setup.secret])
    }

    @Test func anAttachmentFolderLinkedOutsideGetsNoChart() throws {
        let setup = try Setup("attachments-link")
        let chart = "crypto-to-ai-sector-chart.png"
        try Data("not a chart\n".utf8).write(to: setup.outside.appendingPathComponent(chart))
        symlink(setup.outside.path, setup.root.appendingPathComponent("Attachments").path)
        let before = setup.outsideFiles
        let update = try setup.update()
        #expect(
            update.err.contains(
                "Sectors/Crypto-to-AI.md: warning: sector chart \(chart) left as it was: \(setup.root.path)/Attachments/\(chart): it leads outside the vault"
            ), "\(update.err)")
        #expect(update.status == 0)
        // The notes are still refreshed.
        #expect(update.out.contains("Sectors/Crypto-to-AI.md"))
        let drawn = try CLI.run([
            "chart", "Crypto-to-AI", "--vault", setup.root.path, "--templates", Repo.templates.path,
        ])
        #expect(drawn.status == 1)
        #expect(!drawn.out.contains("drew"), "\(drawn.out)")
        #expect(setup.outsideFiles == before)
    }

    @Test func newSectorWritesOnlyInsideTheVaultAndTakesTheLock() throws {
        let setup = try Setup("new-escape")
        let new = { (folder: String) throws -> CLI.Result in
            try CLI.run([
                "new", "sector", "Evil", "--tickers", "HUT,IREN", "--folder", folder, "--vault", setup.root.path,
                "--templates", Repo.templates.path, "--as-of", "2026-01-30",
            ])
        }
        let climbing = try new("../outside")
        #expect(climbing.status == 2)
        #expect(
            climbing.err.contains("--folder must be a folder inside the vault, not '../outside'"), "\(climbing.err)")
        symlink(setup.outside.path, setup.root.appendingPathComponent("Linked").path)
        let linked = try new("Linked/Sub")
        #expect(linked.status == 2)
        #expect(
            linked.err.contains("\(setup.root.path)/Linked/Sub/Evil.md: cannot be written: it leads outside the vault"),
            "\(linked.err)")
        #expect(setup.outsideFiles == ["secret.txt": setup.secret])
        #expect(!FileManager.default.fileExists(atPath: setup.outside.appendingPathComponent("Sub").path))
        // With another run holding the lock, nothing is written.
        let holder = try LockHolder(root: setup.root)
        defer { holder.stop() }
        let busy = try CLI.run([
            "new", "sector", "Evil", "--tickers", "HUT,IREN", "--folder", "Sectors", "--vault", setup.root.path,
            "--templates", Repo.templates.path, "--wait", "0",
        ])
        #expect(busy.status == 2)
        #expect(busy.err.contains("another vaultgen run"), "\(busy.err)")
        #expect(!FileManager.default.fileExists(atPath: setup.root.appendingPathComponent("Sectors/Evil.md").path))
    }

    @Test func newSectorReadsNoPricesThroughALinkLeavingTheVault() throws {
        let setup = try Setup("new-prices-link")
        let prices = setup.root.appendingPathComponent("Prices")
        try FileManager.default.moveItem(at: prices, to: setup.outside.appendingPathComponent("Prices"))
        symlink(setup.outside.appendingPathComponent("Prices").path, prices.path)
        let result = try CLI.run([
            "new", "sector", "Inside", "--tickers", "HUT,IREN", "--vault", setup.root.path,
            "--templates", Repo.templates.path, "--as-of", "2026-01-30",
        ])
        #expect(result.status == 2)
        #expect(result.err.contains("Prices/HUT.csv: cannot be read (it leads outside the vault"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: setup.root.appendingPathComponent("Inside.md").path))
    }

    @Test(arguments: ["../../secret", "../outside/secret", "/etc/hostname", "hut", ".hidden"])
    func corrTakesOnlyTickerShapedArguments(_ argument: String) throws {
        let setup = try Setup("corr-paths")
        try Data("Date,Close\nfirst line of a secret\n".utf8).write(
            to: setup.scratch.url.appendingPathComponent("secret.csv"))
        let result = try CLI.run(["corr", "HUT", argument, "--vault", setup.root.path])
        #expect(result.status == 2)
        #expect(result.err.contains("'\(argument)' is not a ticker"), "\(result.err)")
        #expect(!result.err.contains("first line of a secret"), "\(result.err)")
    }
}

/// The vault's lock held (`flock` on a descriptor of this process), as another run would hold it.
final class LockHolder {
    let fd: Int32

    init(root: URL) throws {
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(".vaultgen"), withIntermediateDirectories: true)
        fd = open(root.appendingPathComponent(".vaultgen/lock").path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw POSIXError(.EBUSY) }
    }

    func stop() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
