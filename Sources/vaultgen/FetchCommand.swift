import ArgumentParser
import Foundation

/// `vaultgen fetch`: runs `vaultgen-fetch`, the program installed beside this one that downloads new daily bars.
///
/// Fetching is a program of its own because only it needs URLSession, whose libcurl (with some thirty libraries
/// behind it) would cost every `check` and `update` 6 ms to start. Its options and help are its own:
/// `vaultgen fetch --help` shows them.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download new daily bars into the vault's price files (vaultgen fetch --help for options).")

    @Argument(parsing: .captureForPassthrough, help: "fetch's options (-C DIR, --tickers, --dry-run, --wait).")
    var arguments: [String] = []

    func run() throws {
        try FetchProgram.replaceProcess(arguments: arguments)
    }
}

/// Finds and runs `vaultgen-fetch`, which is built and installed beside `vaultgen`.
enum FetchProgram {
    static let name = "vaultgen-fetch"

    /// Where the fetch program is: beside this executable, symbolic links resolved.
    static var path: String {
        let me =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Becomes the fetch program (same process, standard streams and exit status).
    static func replaceProcess(arguments: [String]) throws -> Never {
        let program = path
        fflush(nil)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, argv)
        // execv returns only when it failed.
        Output.error("vaultgen: cannot run \(program): \(String(cString: strerror(errno))); reinstall vaultgen")
        throw ExitCode(2)
    }

    /// Runs the fetch program and waits; for `update --fetch`.
    ///
    /// - Returns: whether every ticker is up to date or written (exit status 0; 1 means some failed).
    /// - Throws: `ExitCode(2)` when the fetch could not run at all (it has said why).
    static func run(arguments: [String], outputToStandardError: Bool = false) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        // `update --fetch --diff`: what the fetch prints must not land inside the patch.
        if outputToStandardError { process.standardOutput = FileHandle.standardError }
        fflush(nil)
        do {
            try process.run()
        } catch {
            Output.error("vaultgen: cannot run \(path): \(error); reinstall vaultgen")
            throw ExitCode(2)
        }
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return true
        case 1: return false
        default: throw ExitCode(2)
        }
    }
}
