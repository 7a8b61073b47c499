import Foundation

/// Obsidian's "Excluded files" (Settings → Files and links; `userIgnoreFilters` in `.obsidian/app.json`).
///
/// As in Obsidian, an excluded note is still part of the vault: links to it resolve and count. vaultgen only
/// leaves it out of what it reports and writes: `check` reports nothing found in it (its own broken links, its
/// being an orphan), and `update` neither refreshes its figures nor writes backlinks into it.
///
/// Each filter is a path prefix (`Archive/`, `Templates/Daily.md`) or, between slashes, a regular expression
/// matched against the vault path (`/\.excalidraw\.md$/`), as Obsidian reads them.
public struct ExcludedFiles: Sendable {
    public let filters: [String]
    private let prefixes: [String]
    /// Compiled once; a filter that is no valid expression matches nothing, as in Obsidian.
    private let patterns: [NSRegularExpression]

    public init(filters: [String]) {
        self.filters = filters
        var prefixes: [String] = []
        var patterns: [NSRegularExpression] = []
        for filter in filters where !filter.isEmpty {
            if filter.count > 2, filter.hasPrefix("/"), filter.hasSuffix("/") {
                if let regex = try? NSRegularExpression(pattern: String(filter.dropFirst().dropLast())) {
                    patterns.append(regex)
                }
            } else {
                prefixes.append(filter.hasPrefix("/") ? String(filter.dropFirst()) : filter)
            }
        }
        self.prefixes = prefixes
        self.patterns = patterns
    }

    /// Whether the note or file at the vault path `path` is excluded.
    public func contains(_ path: String) -> Bool {
        if prefixes.contains(where: { path.hasPrefix($0) }) { return true }
        let range = NSRange(path.startIndex..., in: path)
        return patterns.contains { $0.firstMatch(in: path, range: range) != nil }
    }

    public var isEmpty: Bool { filters.isEmpty }
}
