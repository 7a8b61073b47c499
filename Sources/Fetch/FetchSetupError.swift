import Refresh
import VaultModel

/// Why a fetch stops before asking for any ticker; the command exits 2.
public enum FetchSetupError: Error, Sendable, CustomStringConvertible {
    /// The vault folder or its `.vaultgen.yml` cannot be read.
    case vault(VaultError)
    /// `fetch: base-url:` is not an http or https URL.
    case badBaseURL(String)
    /// `fetch: key-env:` names a variable that is not set, or is empty.
    case missingKey(variable: String)
    /// A ticker in `--tickers` or `fetch: tickers:` cannot be a price file's name.
    case badTicker(String)
    /// The price folder does not exist and cannot be made.
    case pricesFolder(path: String, reason: String)
    /// Another run holds the vault's lock.
    case lock(VaultLock.LockError)

    public var description: String {
        switch self {
        case .vault(let error): return error.description
        case .badBaseURL(let url): return "fetch: base-url '\(url)' is not an http or https URL"
        case .missingKey(let variable):
            return
                "fetch: key-env names \(variable), which is not set in the environment (the key is never read from a note)"
        case .badTicker(let ticker): return "'\(ticker)' is not a ticker (like HUT, BTC-USD, BRK.B, ^GSPC)"
        case .pricesFolder(let path, let reason): return "\(path): cannot make the price folder: \(reason)"
        case .lock(let error): return error.description
        }
    }
}
