/// Why a ticker has no usable prices; its figures are n/a with this as the reason.
public enum PriceProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// There is no `<TICKER>.csv` in the prices folder.
    case missingFile(ticker: String, file: String)
    /// The file exists but could not be read as UTF-8 text.
    case unreadable(ticker: String, file: String, reason: String)
    /// The file was read but is not a valid price file.
    case badFile(ticker: String, PriceFileError)
    /// The ticker was asked for but no series or problem was supplied for it.
    case notLoaded(ticker: String)

    /// The ticker the problem is about.
    public var ticker: String {
        switch self {
        case .missingFile(let ticker, _), .unreadable(let ticker, _, _), .badFile(let ticker, _),
            .notLoaded(let ticker):
            return ticker
        }
    }

    public var description: String {
        switch self {
        case .missingFile(_, let file): return "\(file): no such file"
        case .unreadable(_, let file, let reason): return "\(file): cannot be read (\(reason))"
        case .badFile(_, let error): return error.description
        case .notLoaded(let ticker): return "\(ticker): no prices were loaded"
        }
    }
}
