/// Helpers for the `/`-separated paths inside a vault.
public enum VaultPath {
    /// The file name without its folder.
    public static func fileName(of path: String) -> String {
        if let slash = path.lastIndex(of: "/") { return String(path[path.index(after: slash)...]) }
        return path
    }

    /// The file name without its folder and without a `.md` extension.
    public static func stem(of path: String) -> String {
        let name = fileName(of: path)
        return hasMarkdownExtension(name) ? String(name.dropLast(3)) : name
    }

    /// The folder of a path, `""` at the root.
    public static func folder(of path: String) -> String {
        if let slash = path.lastIndex(of: "/") { return String(path[..<slash]) }
        return ""
    }

    public static func hasMarkdownExtension(_ path: String) -> Bool {
        path.utf8.count > 3 && path.lowercased().hasSuffix(".md")
    }

    /// Resolves `.` and `..` components; `nil` when the path climbs above the vault root.
    public static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
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
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
