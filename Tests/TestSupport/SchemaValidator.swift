import Foundation

/// Validates a JSON report against its schema in `docs/schemas/` with Python's jsonschema (draft 2020-12), as a
/// tool that reads vaultgen's reports would; `make deps` installs Debian's python3-jsonschema.
public enum SchemaValidator {
    /// What does not fit the schema `vaultgen.<name>.schema.json`, one line per error; empty when the report fits.
    ///
    /// - Throws: When the validator cannot run, or the schema itself is not a valid schema.
    public static func problems(_ json: String, schema name: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Repo.root.appendingPathComponent("Scripts/validate_json_schema.py").path,
            Repo.root.appendingPathComponent("docs/schemas/vaultgen.\(name).schema.json").path,
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Written from another thread: a report larger than a pipe's buffer would otherwise block both sides.
        let data = Data(json.utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return []
        case 1: return printed.split(separator: "\n").map(String.init)
        default: throw ValidatorError(message: "the validator failed (exit \(process.terminationStatus)): \(printed)")
        }
    }

    public struct ValidatorError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
