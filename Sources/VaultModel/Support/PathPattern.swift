import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A glob on vault paths, as written in the config: `Archive/**`, `*.excalidraw.md`, `Templates/`.
///
/// `*` matches within one folder, `**` across folders, and a pattern naming a folder (with or without a
/// trailing `/`) matches everything inside it.
public struct PathPattern: Sendable, Equatable {
    public let pattern: String

    public init(_ pattern: String) {
        var trimmed = pattern
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.pattern = trimmed
    }

    public func matches(_ path: String) -> Bool {
        if pattern.isEmpty { return false }
        if path == pattern || path.hasPrefix(pattern + "/") { return true }
        if pattern.contains("**") {
            // fnmatch without FNM_PATHNAME lets `*` cross `/`, which is what `**` means.
            return fnmatch(pattern.replacingOccurrences(of: "**", with: "*"), path, 0) == 0
        }
        if fnmatch(pattern, path, FNM_PATHNAME) == 0 { return true }
        // A pattern for a folder also matches the files below it.
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if fnmatch(pattern, String(folder), FNM_PATHNAME) == 0 { return true }
        }
        return false
    }

    public static func any(_ patterns: [PathPattern], match path: String) -> Bool {
        patterns.contains { $0.matches(path) }
    }
}
