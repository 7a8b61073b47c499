/// Finds a note from what a person types on the command line: what `update` prints (a vault path, with or
/// without `.md`, perhaps behind the vault folder's own path), a note's name, or one of its aliases.
public struct NoteLookup: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    /// Why a name found no single note.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// No note goes by that name; the closest name, if one is near.
        case unknown(String, suggestion: String?)
        /// Several notes share the name (in different folders) and none is named by path.
        case ambiguous(String, paths: [String])

        public var description: String {
            switch self {
            case .unknown(let name, let suggestion):
                return "\(name): no note of that name in the vault"
                    + (suggestion.map { " (did you mean \($0)?)" } ?? "")
            case .ambiguous(let name, let paths):
                return "\(name): \(paths.count) notes have that name (\(paths.joined(separator: ", "))); give its path"
            }
        }
    }

    /// The index of the note `name` names.
    ///
    /// - Parameter vaultFolder: The vault folder as the user wrote it (`Vault`), so that a path `update` printed
    ///   (`Vault/Sectors/N.md`) is found too.
    public func find(_ name: String, vaultFolder: String = ".") -> Result<Int, Problem> {
        var key = name
        let prefix = vaultFolder.hasSuffix("/") ? vaultFolder : vaultFolder + "/"
        if vaultFolder != ".", key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        if key.hasPrefix("./") { key.removeFirst(2) }
        let lower = key.lowercased()
        if let exact = vault.notes.firstIndex(where: {
            $0.path.lowercased() == lower || $0.path.lowercased() == lower + ".md"
        }) {
            return .success(exact)
        }
        let named = vault.notes.indices.filter { vault.notes[$0].name.lowercased() == lower }
        if named.count == 1 { return .success(named[0]) }
        if named.count > 1 { return .failure(.ambiguous(name, paths: named.map { vault.notes[$0].path }.sorted())) }
        let aliased = vault.notes.indices.filter { vault.notes[$0].aliases.contains { $0.lowercased() == lower } }
        if aliased.count == 1 { return .success(aliased[0]) }
        if aliased.count > 1 { return .failure(.ambiguous(name, paths: aliased.map { vault.notes[$0].path }.sorted())) }
        let suggestion = NameSuggester(names: vault.notes.map(\.name)).suggest(VaultPath.stem(of: key))
        return .failure(.unknown(name, suggestion: suggestion))
    }
}
