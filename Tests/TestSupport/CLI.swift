import Foundation

/// Runs the built `vaultgen` executable (beside the test runner), the way cron and CI do.
public enum CLI {
    public static var executable: URL {
        let folder =
            Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return folder.appendingPathComponent("vaultgen")
    }

    public struct Result: Sendable {
        public var status: Int32
        public var out: String
        public var err: String
    }

    /// Runs the binary with `arguments`, in `folder` when given. The child's environment is this process's without
    /// `NO_COLOR` and `FORCE_COLOR` (so that a developer's or CI's setting changes no test), plus `environment`.
    public static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws
        -> Result
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var variables = ProcessInfo.processInfo.environment
        variables["NO_COLOR"] = nil
        variables["FORCE_COLOR"] = nil
        process.environment = variables.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on another thread while reading stdout: a child that writes a lot to one pipe while
        // the other is not read would block forever on a full pipe.
        let errBox = DataBox()
        let reader = Thread {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile(); errBox.done.signal()
        }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errBox.done.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self))
    }
}

/// Carries the stderr bytes from the reading thread.
private final class DataBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
