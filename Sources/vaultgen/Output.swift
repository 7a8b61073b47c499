import ConsoleOutput

/// Errors as the commands wrote them before `Console`: each becomes one `vaultgen: error: …` line, whatever
/// prefix (`vaultgen:`, `vaultgen: error:`) the message was written with.
enum Output {
    static func error(_ message: String) {
        Console.error(message)
    }
}
