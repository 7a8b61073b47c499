/// Why a file inside a vault cannot be opened; each says which file and what is in the way.
public enum VaultFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path climbs out of the vault, or a folder on the way is a symbolic link that leaves it.
    case outsideVault(path: String)
    /// The file itself is a symbolic link, which vaultgen never writes through or over.
    case symbolicLink(path: String)
    /// Something other than a regular file (a folder, a named pipe, a device) is where a file is expected.
    case notAFile(path: String, kind: String)
    /// A folder on the way is not a folder.
    case notAFolder(path: String, folder: String)
    /// There is no such file.
    case missing(path: String)
    /// The system refused: the call that failed and `strerror`'s reason.
    case system(path: String, reason: String)

    /// The file the error is about, as the caller named it.
    public var path: String {
        switch self {
        case .outsideVault(let path), .symbolicLink(let path), .notAFile(let path, _), .notAFolder(let path, _),
            .missing(let path), .system(let path, _):
            return path
        }
    }

    /// What is wrong, without the path: for messages that name the file their own way.
    public var reason: String {
        switch self {
        case .outsideVault: return "it leads outside the vault (through `..` or a symbolic link)"
        case .symbolicLink: return "it is a symbolic link, and vaultgen never writes through or over one"
        case .notAFile(_, let kind): return "it is \(kind), not a file"
        case .notAFolder(_, let folder): return "\(folder) is not a folder"
        case .missing: return "no such file"
        case .system(_, let reason): return reason
        }
    }

    public var description: String { "\(path): \(reason)" }
}
