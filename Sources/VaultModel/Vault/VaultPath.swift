/// Helpers for the `/`-separated paths inside a vault.
///
/// Separators are found in the UTF-8 bytes: they are ASCII, and a search by Character costs a grapheme break
/// test per character (it was a tenth of a check's instructions, with the prose scanner's and links' own).
public enum VaultPath {
    /// The file name without its folder.
    public static func fileName(of path: String) -> String {
        if let slash = path.utf8.lastIndex(of: 0x2F) { return String(path[path.utf8.index(after: slash)...]) }
        return path
    }

    /// The file name without its folder and without a `.md` extension.
    public static func stem(of path: String) -> String {
        let name = fileName(of: path)
        return hasMarkdownExtension(name) ? String(name.dropLast(3)) : name
    }

    /// The folder of a path, `""` at the root.
    public static func folder(of path: String) -> String {
        if let slash = path.utf8.lastIndex(of: 0x2F) { return String(path[..<slash]) }
        return ""
    }

    /// Whether the path ends with `.md` in any case, read from its last three bytes.
    public static func hasMarkdownExtension(_ path: String) -> Bool {
        path.utf8.count > 3
            && path.utf8.suffix(3).elementsEqual(".md".utf8) { byte, wanted in
                byte == wanted || (wanted != 0x2E && byte | 0x20 == wanted)  // M and D as m and d
            }
    }

    /// Resolves `.` and `..` components; `nil` when the path climbs above the vault root.
    public static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for bytes in path.utf8.split(separator: 0x2F, omittingEmptySubsequences: true) {
            let part = Substring(bytes)
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Joins a folder and a relative path.
    public static func join(_ folder: String, _ path: String) -> String {
        folder.isEmpty ? path : folder + "/" + path
    }

    /// The extension of a file name, lowercased, without the dot; `""` when there is none.
    public static func fileExtension(of path: String) -> String {
        let name = fileName(of: path)
        guard let dot = name.utf8.lastIndex(of: 0x2E), dot != name.startIndex else { return "" }
        return name[name.utf8.index(after: dot)...].lowercased()
    }
}
