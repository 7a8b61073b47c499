import ArgumentParser
import Foundation
import VaultModel

/// What the shells complete for note arguments: the names of the vault's notes, read from file names alone (no
/// note is opened, no config parsed) so that a TAB answers at once, even in a vault of thousands of notes.
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

    /// Names, and vault paths without `.md` for names that several notes share, sorted.
    static func names(of notes: [String]) -> [String] {
        var byName: [String: [String]] = [:]
        for path in notes {
            let stem = path.dropLast(3)
            let name = stem.lastIndex(of: "/").map { stem[stem.index(after: $0)...] } ?? stem
            byName[String(name), default: []].append(String(stem))
        }
        return byName.flatMap { name, stems in stems.count == 1 ? [name] : stems }.sorted()
    }

    /// The vault's notes (vault paths with `.md`) and the folders that hold its files, listed as `update` lists
    /// them (`VaultScanner`: hidden files and folders left out, links followed only inside the vault).
    static func files(in root: URL) -> (notes: [String], folders: [String]) {
        let listing = VaultScanner.list(root: root, exclude: [])
        var folders = Set<String>()
        for path in listing.notes + listing.attachments {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        return (listing.notes, folders.sorted())
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
