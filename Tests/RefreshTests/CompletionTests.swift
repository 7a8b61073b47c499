import Foundation
import TestSupport
import Testing

/// The shell completion scripts: they parse, they ask vaultgen for note names, and vaultgen answers.
@Suite("Completions with folders and note names")
struct CompletionTests {
    /// The sample vault's notes whose names start `Crypto`.
    static let crypto = ["Crypto-to-AI", "Crypto-to-AI pivot"]

    @Test(arguments: ["bash", "zsh", "fish"])
    func theScriptsAskVaultgenForNoteNames(shell: String) throws {
        let script = try CLI.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        // The custom completion: the script runs `vaultgen ---completion <command> -- <argument>`.
        #expect(script.out.contains("---completion chart -- positional@0"), "\(shell)")
        #expect(script.out.contains("---completion update -- --only"), "\(shell)")
        #expect(script.out.contains("---completion rename -- positional@0"), "\(shell)")
        #expect(script.out.contains("---completion new sector -- --peer"), "\(shell)")
    }

    /// `bash -n` always; `zsh -n` and `fish --no-execute` where the shell is installed (Scripts/check_install.sh,
    /// in CI after `make dist` installs zsh, runs zsh -n always).
    @Test func theBashScriptParses() throws {
        try Self.parses("bash", ["-n"])
    }

    @Test(.enabled(if: which("zsh") != nil, "zsh is not installed"))
    func theZshScriptParses() throws {
        try Self.parses("zsh", ["-n"])
    }

    @Test(.enabled(if: which("fish") != nil, "fish is not installed"))
    func theFishScriptParses() throws {
        try Self.parses("fish", ["--no-execute"])
    }

    static func parses(_ shell: String, _ flags: [String]) throws {
        let path = try #require(which(shell))
        let scratch = try Scratch("completion-\(shell)")
        let file = scratch.url.appendingPathComponent("vaultgen.\(shell)")
        try Data(try CLI.run(["--generate-completion-script", shell]).out.utf8).write(to: file)
        let result = try run(path, flags + [file.path])
        #expect(result.status == 0, "\(shell): \(result.err)")
    }

    /// Folder options complete as folders, note paths as markdown files and folders.
    @Test func foldersCompleteAsFolders() throws {
        let bash = try CLI.run(["--generate-completion-script", "bash"]).out
        let zsh = try CLI.run(["--generate-completion-script", "zsh"]).out
        #expect(bash.contains("__vaultgen_add_completions -d"))
        #expect(bash.contains("__vaultgen_add_completions -o plusdirs -fX '!*.@(md)'"))
        #expect(zsh.contains("'--templates[") && zsh.contains(":templates:_files -/'"))
        #expect(zsh.contains("'(-C --vault)'{-C,--vault}'[Run as if started in this folder;"))
        #expect(zsh.contains("(default\\: from the current folder).]:dir:_files -/'"))
        #expect(zsh.contains("unless set).]:dir:_files -/'"))
    }

    /// What vaultgen answers the scripts: the vault's note names, found from a subfolder, from --vault, and
    /// nothing (status 0) outside a vault.
    @Test func vaultgenAnswersWithTheVaultsNoteNames() throws {
        let vault = Repo.sampleVault
        let fromRoot = try CLI.run(
            ["---completion", "chart", "--", "positional@0", "2", "0", "vaultgen", "chart", ""], in: vault)
        #expect(fromRoot.status == 0)
        let names = fromRoot.out.split(separator: "\n").map(String.init)
        #expect(names.contains("Crypto-to-AI pivot") && names.contains("Hut 8") && names.contains("Data Centers"))
        #expect(names.count == 19, "\(names)")
        let fromSubfolder = try CLI.run(
            ["---completion", "update", "--", "--only", "3", "0", "vaultgen", "update", "--only", ""],
            in: vault.appendingPathComponent("Sectors"))
        #expect(fromSubfolder.out == fromRoot.out)
        let scratch = try Scratch("completion-outside")
        let named = try CLI.run(
            ["---completion", "chart", "--", "positional@0", "4", "0", "vaultgen", "chart", "--vault", vault.path, ""],
            in: scratch.url)
        #expect(named.out == fromRoot.out)
        let outside = try CLI.run(
            ["---completion", "chart", "--", "positional@0", "2", "0", "vaultgen", "chart", ""], in: scratch.url)
        #expect(outside.status == 0)
        #expect(outside.out == "")
        // rename's NEW: the vault's folders.
        let folders = try CLI.run(
            ["---completion", "rename", "--", "positional@1", "3", "0", "vaultgen", "rename", "Hut 8", ""], in: vault)
        #expect(folders.out.split(separator: "\n").contains("Companies/"), "\(folders.out)")
    }

    /// Two notes of one name are offered by vault path, which names each alone.
    @Test func aSharedNameIsOfferedAsVaultPaths() throws {
        let scratch = try Scratch("completion-shared")
        try Data().write(to: scratch.url.appendingPathComponent(".vaultgen.yml"))
        for path in ["A/Note.md", "B/Note.md", "Other.md", ".hidden/Secret.md"] {
            let url = scratch.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("# x\n".utf8).write(to: url)
        }
        let result = try CLI.run(
            ["---completion", "chart", "--", "positional@0", "2", "0", "vaultgen", "chart", ""], in: scratch.url)
        #expect(result.out == "A/Note\nB/Note\nOther\n")
    }

    /// The bash script, sourced, completes a note name from a prefix as a person pressing TAB would.
    @Test func bashCompletesANoteNameFromItsPrefix() throws {
        let bin = CLI.executable.deletingLastPathComponent().path
        let scratch = try Scratch("completion-bash")
        let file = scratch.url.appendingPathComponent("vaultgen.bash")
        try Data(try CLI.run(["--generate-completion-script", "bash"]).out.utf8).write(to: file)
        let program = """
            source '\(file.path)'
            COMP_WORDS=(vaultgen chart Cr); COMP_CWORD=2; COMP_LINE='vaultgen chart Cr'; COMP_POINT=${#COMP_LINE}
            _vaultgen vaultgen Cr chart
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try Self.run(
            "/bin/bash", ["-c", program], in: Repo.sampleVault,
            environment: ["PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.split(separator: "\n").map(String.init) == Self.crypto, "\(result.out) \(result.err)")
    }

    // MARK: - Helpers

    static func which(_ program: String) -> String? {
        for folder in ["/usr/bin", "/bin", "/usr/local/bin"] {
            let path = folder + "/" + program
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(
        _ program: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
    )
        throws -> (status: Int32, out: String, err: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Small outputs: both fit in a pipe's buffer, so reading one after the other cannot block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }
}
