import ArgumentParser

@main
struct Vaultgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaultgen",
        abstract: "Keep a markdown knowledge vault true to its data and to its links.",
        discussion: """
            Exit status: 0 when all is well, 1 when findings or changes call for attention (see each \
            command), 2 on a usage, configuration or I/O error.
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, UpdateCommand.self, CorrCommand.self, NewCommand.self]
    )
}
