/// Why one ticker could not be brought up to date; its price file is left exactly as it was.
///
/// Each case is one line after `HUT: failed: `, so a cron mail says what went wrong without a log dive.
public enum FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer within the timeout, on every try.
    case timedOut(tries: Int)
    /// The server kept answering 429 or 5xx until the retries ran out.
    case serverBusy(status: Int, tries: Int)
    /// A status that trying again cannot fix (400, 401, 403, 404 and the like).
    case rejected(status: Int)
    /// The connection failed: no such host, refused, TLS, or dropped mid-answer.
    case network(String)
    /// The provider has no prices for the ticker (an unknown or delisted symbol), in its own words.
    case noData(String)
    /// The answer was empty.
    case emptyResponse
    /// A web page came instead of prices: an error, maintenance or bot-check page.
    case htmlPage
    /// The provider wants an API key (Stooq answers "Get your apikey").
    case needsKey
    /// The provider's daily request quota is used up.
    case quotaExceeded
    /// The answer is not the data it should be: truncated, malformed, or of another shape.
    case malformed(String)
    /// The full history for a rewrite starts later than the file, so rewriting would lose rows.
    case shorterHistory(providerStart: String, fileStart: String)
    /// The full history for a rewrite ends before the file's last day, so rewriting would lose rows.
    case historyEndsEarlier(providerEnd: String, fileEnd: String)
    /// The provider's full history is not the file's re-adjusted: another ticker's, or missing its days.
    case implausibleRewrite(String)
    /// The answer names another symbol than the one asked for (Yahoo's `meta.symbol`).
    case wrongSymbol(asked: String, answered: String)
    /// The answer grew past the limit of bytes (counted after decompression); it is not read.
    case tooLarge(limit: Int)
    /// The price file is a symbolic link, or lies outside the vault once links are followed; it is not replaced.
    case linkedFile(String)
    /// The price file on disk cannot be read or parsed, so it is not touched.
    case badPriceFile(String)
    /// The new price file could not be written.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .timedOut(let tries):
            return "timed out" + Self.after(tries)
        case .serverBusy(let status, let tries):
            return "HTTP \(status)" + Self.after(tries)
        case .rejected(let status):
            return "HTTP \(status)"
        case .network(let reason):
            return "network error: \(reason)"
        case .noData(let words):
            return "no data (\(words)); is the ticker right?"
        case .emptyResponse:
            return "empty response"
        case .htmlPage:
            return "got a web page instead of prices (an error or bot-check page)"
        case .needsKey:
            return "the provider asks for an API key: set fetch: key-env: in .vaultgen.yml and export that variable"
        case .quotaExceeded:
            return "the provider's daily request limit is used up; try again tomorrow"
        case .malformed(let what):
            return "malformed response: \(what)"
        case .shorterHistory(let providerStart, let fileStart):
            return "history re-adjusted, but the provider's history starts \(providerStart), after the file's "
                + "\(fileStart); left as it was (delete the file to accept the shorter history)"
        case .historyEndsEarlier(let providerEnd, let fileEnd):
            return "history re-adjusted, but the provider's history ends \(providerEnd), before the file's "
                + "\(fileEnd); left as it was (delete the file to accept the shorter history)"
        case .implausibleRewrite(let why):
            return "the provider's history differs from the file's in a way no split or dividend explains: \(why); "
                + "left as it was"
        case .wrongSymbol(let asked, let answered):
            return "the answer is for \(answered), not \(asked); left as it was"
        case .tooLarge(let limit):
            return "the answer is larger than \(Self.size(limit)), more than any daily history; not read"
        case .linkedFile(let name):
            return "\(name) is a symbolic link or lies outside the vault; fetch does not replace it"
        case .badPriceFile(let reason):
            return "\(reason); left as it was"
        case .cannotWrite(let reason):
            return reason
        }
    }

    /// `64 MiB`, `4 KiB`, `1000 bytes`.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    private static func after(_ tries: Int) -> String {
        tries == 1 ? "" : " after \(tries) tries"
    }
}
