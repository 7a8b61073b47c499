import ArgumentParser
import Foundation
import VaultModel

/// What the shells complete for note arguments: the names of the vault's notes, read from file names alone so
/// that a TAB answers at once, even in a vault of thousands of notes.
///
/// The vault is the nearest folder, from the command line's `--vault`/`-C` folder or the current one upward,
/// that holds `.obsidian/` or `.vaultgen.yml` (a `--vault` folder with none above it is taken as it is).
/// Outside a vault there is nothing to offer: the answer is empty, never an error.
enum NoteCompletion {
    /// Note names (`chart NOTE`, `update --only`, `new sector --peer`); a name two notes share is offered as
    /// their vault paths, which name one note each.
    static let notes = CompletionKind.custom { words, _, _ in
        guard let root = vaultRoot(words: words) else { return [] }
        return names(of: files(in: root).notes)
    }

    /// Notes and folders (`rename OLD`): what rename can move.
    static let notesAndFolders = CompletionKind.custom { words, _, _ in
        guard let root = vaultRoot(words: words) else { return [] }
        let found = files(in: root)
        return names(of: found.notes) + found.folders.map { $0 + "/" }
    }

    /// The vault's folders as `Folder/` (`rename … NEW`, where a vault path moves the file).
    static let folders = CompletionKind.custom { words, _, _ in
        guard let root = vaultRoot(words: words) else { return [] }
        return files(in: root).folders.map { $0 + "/" }
    }

    /// Most files looked at: a completion must answer within a keystroke, not walk a home folder.
    static let limit = 100_000

    /// Names, and vault paths without `.md` for names that several notes share, sorted.
    static func names(of notes: [String]) -> [String] {
        var byName: [String: [String]] = [:]
        for path in notes {
            let stem = String(path.dropLast(3))
            byName[(stem as NSString).lastPathComponent, default: []].append(stem)
        }
        return byName.flatMap { name, stems in stems.count == 1 ? [name] : stems }.sorted()
    }

    /// The vault's notes (vault paths with `.md`) and folders, hidden ones left out.
    static func files(in root: URL) -> (notes: [String], folders: [String]) {
        var notes: [String] = []
        var folders: [String] = []
        let base = root.standardizedFileURL.path
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else { return ([], []) }
        var seen = 0
        while let url = walker.nextObject() as? URL, seen < limit {
            seen += 1
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            let relative = String(path.dropFirst(base.count + 1))
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                folders.append(relative)
            } else if VaultPath.hasMarkdownExtension(relative) {
                notes.append(relative)
            }
        }
        return (notes, folders.sorted())
    }

    /// The vault the command line names (`--vault DIR`, `-C DIR`, `--vault=DIR`) or the one above the current
    /// folder; nil outside any vault.
    static func vaultRoot(words: [String], here: String = FileManager.default.currentDirectoryPath) -> URL? {
        var given: String?
        for (index, word) in words.enumerated() {
            if (word == "--vault" || word == "-C"), index + 1 < words.count {
                given = words[index + 1]
            } else if word.hasPrefix("--vault=") {
                given = String(word.dropFirst("--vault=".count))
            }
        }
        let start = URL(fileURLWithPath: given.map(unquoted) ?? here, relativeTo: URL(fileURLWithPath: here))
        var folder = start.standardizedFileURL
        while true {
            for marker in [".obsidian", VaultConfig.fileName]
            where FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        var isFolder: ObjCBool = false
        if given != nil, FileManager.default.fileExists(atPath: start.path, isDirectory: &isFolder), isFolder.boolValue
        {
            return start.standardizedFileURL
        }
        return nil
    }

    /// A shell word as typed (`"My Vault"`, `'x'`, `~/v`, `My\ Vault`) as a path.
    static func unquoted(_ word: String) -> String {
        var text = word
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            text = String(text.dropFirst().dropLast())
        } else {
            text = text.replacingOccurrences(of: "\\ ", with: " ")
        }
        if text == "~" || text.hasPrefix("~/") {
            text = FileManager.default.homeDirectoryForCurrentUser.path + text.dropFirst()
        }
        return text
    }
}
