import Foundation
import VaultFiles

/// A whole vault, read: its parsed notes, its attachments and its config.
public struct Vault: Sendable {
    /// The vault folder on disk, or `nil` for a vault built from strings.
    public var root: URL?
    public var config: VaultConfig
    /// Notes in the order given (sorted by path when the vault is loaded or made from texts).
    public var notes: [Note]
    /// Paths of every file that is not a note, sorted.
    public var attachments: [String]
    /// Files that could not be read as notes, and entries skipped while listing.
    public var problems: [VaultProblem]
    /// Temporary files of interrupted vaultgen writes (hidden from Obsidian), for the next run to clear.
    public var leftovers: [String] = []
    /// Notes that are symbolic links, with the vault path of the file each leads to: never written (see
    /// `NoteWriter`), as the file they lead to is written under its own path.
    public var symbolicLinks: [String: String] = [:]
    /// Obsidian's "folder for new attachments" (`.obsidian/app.json` `attachmentFolderPath`), as written.
    public var attachmentFolderSetting: String? = nil
    /// Obsidian's "Excluded files" (`.obsidian/app.json` `userIgnoreFilters`).
    public var excludedFiles = ExcludedFiles(filters: [])

    public init(
        root: URL? = nil, config: VaultConfig = VaultConfig(), notes: [Note], attachments: [String] = [],
        problems: [VaultProblem] = []
    ) {
        self.root = root
        self.config = config
        self.notes = notes
        self.attachments = attachments
        self.problems = problems
    }

    /// A vault made from texts, keyed by path; for tests and tools that need no disk.
    public init(texts: [String: String], attachments: [String] = [], config: VaultConfig = VaultConfig()) {
        self.init(
            config: config, notes: texts.sorted { $0.key < $1.key }.map { NoteParser.parse($0.value, path: $0.key) },
            attachments: attachments.sorted())
    }

}

/// A file vaultgen could not read as a note, or an entry it skipped.
public struct VaultProblem: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var message: String
    /// A skipped entry (a symlink leaving the vault, a loop) rather than a note that could not be read.
    public var skipped: Bool

    public init(path: String, line: Int, message: String, skipped: Bool = false) {
        self.path = path
        self.line = line
        self.message = message
        self.skipped = skipped
    }
}

/// Why a vault cannot be read at all.
public enum VaultError: Error, Sendable, CustomStringConvertible {
    /// The folder does not exist or is not a folder.
    case notAFolder(String)
    /// The config file is unusable.
    case config(ConfigError)

    public var description: String {
        switch self {
        case .notAFolder(let path): return "\(path): no such vault folder"
        case .config(let error): return error.description
        }
    }
}

extension Vault {
    /// Reads every note of the vault at `root`, in parallel, for checking its links: without the notes' blocks,
    /// front-matter values (their aliases and tags are kept) and links' display texts, which only rewriting needs.
    public static func load(root: URL) throws(VaultError) -> Vault {
        try load(root: root, keepSources: false).vault
    }

    /// Reads every note and keeps each note's text, in the order of `vault.notes`, for rewriting notes.
    public static func loadWithSources(root: URL) throws(VaultError) -> (vault: Vault, sources: [SourceText]) {
        let (vault, sources) = try load(root: root, keepSources: true)
        return (vault, sources)
    }

    private static func load(root: URL, keepSources: Bool) throws(VaultError) -> (vault: Vault, sources: [SourceText]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .notAFolder(root.path)
        }
        let config: VaultConfig
        do { config = try VaultConfig.load(vaultRoot: root) } catch { throw .config(error) }
        let listing = VaultScanner.list(root: root, exclude: config.exclude.map(PathPattern.init))
        let rootPath = root.path
        let results = listing.notes.parallelMap { path -> (Note, VaultProblem?, SourceText?) in
            var (note, problem, source) = readNote(path: path, absolute: rootPath + "/" + path)
            // Blocks, front-matter values and link texts only serve rewriting, which needs the sources too (a
            // note's aliases and tags are kept apart): a check of 50,000 notes saves the memory.
            if !keepSources {
                note.blocks = []
                note.frontMatter?.properties = [:]
                note.frontMatter?.linkTexts = []
                for i in note.links.indices { note.links[i].display = nil }
            }
            return (note, problem, keepSources ? source : nil)
        }
        var problems = listing.skipped.map { VaultProblem(path: $0.path, line: 1, message: $0.reason, skipped: true) }
        problems += results.compactMap(\.1)
        // `listing.notes` is sorted, so the notes keep their order and the sources line up with them.
        var vault = Vault(
            root: root, config: config, notes: results.map(\.0), attachments: listing.attachments, problems: problems)
        vault.leftovers = listing.leftovers
        vault.symbolicLinks = listing.links
        let appSettings = readAppSettings(root: root)
        vault.attachmentFolderSetting = appSettings?["attachmentFolderPath"] as? String
        vault.excludedFiles = ExcludedFiles(filters: appSettings?["userIgnoreFilters"] as? [String] ?? [])
        return (vault, keepSources ? results.map { $0.2 ?? SourceText("") } : [])
    }

    /// Reads and parses one note; a file that is not text still counts as a note so that links to it resolve.
    static func readNote(path: String, absolute: String) -> (Note, VaultProblem?, SourceText) {
        let bytes: [UInt8]
        do {
            bytes = try VaultScanner.readBytes(absolute)
        } catch {
            let empty = SourceText("")
            return (
                NoteParser.parse(empty, path: path),
                VaultProblem(path: path, line: 1, message: "cannot be read: \(error)"), empty
            )
        }
        if let problem = textProblem(bytes, path: path) {
            // Keep the bytes: a note vaultgen cannot read is never rewritten, but its source must be the real one.
            return (NoteParser.parse("", path: path), problem, SourceText(bytes: bytes))
        }
        let source = SourceText(bytes: bytes)
        return (NoteParser.parse(source, path: path), nil, source)
    }

    /// Obsidian's app settings (`.obsidian/app.json`); nil when there are none.
    static func readAppSettings(root: URL) -> [String: Any]? {
        guard let bytes = try? VaultFile.read(".obsidian/app.json", in: root) else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    }

    /// The vault folder where Obsidian puts a new attachment for the note at `notePath`.
    ///
    /// `/` or no setting: the vault root; `./` the note's folder; `./sub` a folder below the note's; anything
    /// else a folder from the root. Nil when the setting would leave the vault.
    public func newAttachmentFolder(forNoteAt notePath: String) -> String? {
        let setting = (attachmentFolderSetting ?? "/").trimmingCharacters(in: .whitespaces)
        if setting.isEmpty || setting == "/" { return "" }
        if setting == "./" || setting == "." { return VaultPath.folder(of: notePath) }
        if setting.hasPrefix("./") {
            return VaultPath.normalize(VaultPath.join(VaultPath.folder(of: notePath), String(setting.dropFirst(2))))
        }
        return VaultPath.normalize(setting)
    }

    /// Whether the bytes are UTF-8, checked in place (a `String(validating:)` would copy every note once more).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // The ASCII start of a note (most of most notes) eight bytes at a time; the validator from the first byte
        // that is not ASCII on, which starts a character because every byte before it is one.
        let ascii = bytes.withUnsafeBytes { raw -> Int in
            var i = 0
            while i + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i += 8
            }
            while i < raw.count, raw[i] < 0x80 { i += 1 }
            return i
        }
        if ascii == bytes.count { return true }
        let rest = bytes[ascii...]
        if #available(macOS 26.0, *) { return (try? UTF8Span(validating: rest.span)) != nil }
        return String(validating: rest, as: UTF8.self) != nil
    }

    /// A note must be UTF-8 text: invalid bytes mean a binary file or another encoding.
    ///
    /// A NUL byte alone is valid UTF-8 and Obsidian reads such a note (a NUL pasted into a code block), so it
    /// is read; a NUL in a file that is not UTF-8 names it as binary data.
    static func textProblem(_ bytes: [UInt8], path: String) -> VaultProblem? {
        if isValidUTF8(bytes) { return nil }
        // Only a file that is not UTF-8 gets here: a plain search is enough.
        if let nul = bytes.firstIndex(of: 0) {
            return VaultProblem(
                path: path, line: line(of: nul, in: bytes),
                message: "contains binary data (a NUL byte); not read as a note")
        }
        var valid = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): valid += UTF8.width(scalar)
            case .emptyInput, .error: break loop
            }
        }
        return VaultProblem(
            path: path, line: line(of: valid, in: bytes), message: "is not valid UTF-8 text; not read as a note")
    }

    /// The line of a byte offset: a byte right after a line ending is on the next line.
    private static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        SourceText(bytes: bytes).position(of: offset).line
    }
}
