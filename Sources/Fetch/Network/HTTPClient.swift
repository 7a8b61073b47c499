import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Gets one URL at a time the way a nightly job should: a deadline per try, a few retries with backoff,
/// and no more than a set number of requests per second.
///
/// The only file that touches URLSession. It is synchronous on purpose: requests go out one after another
/// anyway (the rate limit), and the command line is synchronous. Each try waits on its own deadline rather
/// than on URLSession's timer alone, so a server that accepts and then says nothing cannot hold a run.
public final class HTTPClient {
    public struct Settings: Sendable {
        /// Seconds one try may take, from sending to the last byte.
        public var timeout: Double
        public var retry: RetryPolicy
        /// Requests per second at most, retries included.
        public var rate: Double
        public var userAgent: String
        /// The most bytes one answer may have, counted after decompression.
        public var answerLimit: Int

        public init(
            timeout: Double, retry: RetryPolicy, rate: Double, userAgent: String = HTTPClient.userAgent,
            answerLimit: Int = HTTPClient.answerLimit
        ) {
            self.timeout = timeout
            self.retry = retry
            self.rate = rate
            self.userAgent = userAgent
            self.answerLimit = answerLimit
        }
    }

    /// 64 MiB: Yahoo's JSON for a century of daily bars is about 4 MB, Stooq's CSV about 2 MB. A larger
    /// answer (a gzip body that inflates to gigabytes, an endless stream) is cut off there and fails the ticker.
    public static let answerLimit = 64 << 20

    /// Sent with every request: some providers refuse an empty or scripting-library agent with a 429.
    public static let userAgent = "Mozilla/5.0 (compatible; vaultgen/0.1; +cron)"

    public let settings: Settings
    /// Waits the given seconds; tests replace it to record the pauses instead of sleeping through them.
    public var pause: (Double) -> Void = { seconds in
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }
    /// Seconds on a clock that only moves forward, for the rate limit.
    public var now: () -> Double = { ProcessInfo.processInfo.systemUptime }

    private var limiter: RateLimiter
    private let session: URLSession
    private let receiver: Receiver

    public init(settings: Settings) {
        self.settings = settings
        limiter = RateLimiter(rate: settings.rate)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = settings.timeout.rounded(.up) + 1
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        receiver = Receiver(limit: settings.answerLimit)
        // The session keeps its delegate until it is invalidated (deinit).
        session = URLSession(configuration: configuration, delegate: receiver, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// Gets `url`, trying again after a timeout, a connection dropped mid-answer, a 429 or a 5xx.
    ///
    /// - Returns: The first answer that is not retried: a success, or a status that trying again cannot fix
    ///   (the provider reads its body: Yahoo explains a 404).
    /// - Throws: `.timedOut` or `.serverBusy` when the tries run out; `.network` when no connection can be
    ///   made (no such host, refused, TLS), which is not retried.
    public func get(_ url: URL) throws(FetchFailure) -> HTTPResponse {
        var tries = 0
        while true {
            pause(limiter.delay(now: now()))
            tries += 1
            let failure: FetchFailure
            var retryAfter: Double? = nil
            switch attempt(url) {
            case .response(let response):
                guard response.status == 429 || (500..<600).contains(response.status) else { return response }
                failure = .serverBusy(status: response.status, tries: tries)
                retryAfter = RetryPolicy.seconds(retryAfter: response.headers["retry-after"], now: Date())
            case .timedOut:
                failure = .timedOut(tries: tries)
            case .dropped(let reason):
                failure = .network(reason + (tries > 1 ? " (\(tries) tries)" : ""))
            case .failed(let reason):
                throw .network(reason)
            case .tooLarge:
                throw .tooLarge(limit: settings.answerLimit)
            }
            guard tries <= settings.retry.retries else { throw failure }
            pause(settings.retry.delay(beforeRetry: tries, retryAfter: retryAfter))
        }
    }

    /// What one try came to.
    private enum Attempt: Sendable {
        case response(HTTPResponse)
        case timedOut
        /// Worth another try: the connection broke mid-answer.
        case dropped(String)
        /// Not worth another try this run.
        case failed(String)
        /// The answer passed the limit of bytes; cut off, not worth another try.
        case tooLarge
    }

    /// Collects each task's answer as it arrives, cuts one off at the limit of bytes (after decompression:
    /// libcurl inflates gzip before the bytes get here), and hands the outcome to the waiting thread.
    private final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private let limit: Int
        private let lock = NSLock()
        private var bodies: [Int: [UInt8]] = [:]
        private var cutOff: Set<Int> = []
        /// Tasks whose answer redirected away from http(s), with where to.
        private var refusedRedirects: [Int: String] = [:]
        private var outcomes: [Int: Attempt] = [:]
        private var waiters: [Int: DispatchSemaphore] = [:]

        init(limit: Int) {
            self.limit = limit
        }

        func expect(_ task: URLSessionTask, signal: DispatchSemaphore) {
            lock.withLock { waiters[task.taskIdentifier] = signal }
        }

        /// The outcome of `task`, once; nil while it runs.
        func take(_ task: URLSessionTask) -> Attempt? {
            lock.withLock {
                let id = task.taskIdentifier
                waiters[id] = nil
                bodies[id] = nil
                cutOff.remove(id)
                refusedRedirects[id] = nil
                return outcomes.removeValue(forKey: id)
            }
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            // A declared length over the limit is refused before its body is read (it counts compressed bytes,
            // so a gzip body under the limit still goes on, counted as it inflates).
            if response.expectedContentLength > Int64(limit) {
                lock.withLock { _ = cutOff.insert(dataTask.taskIdentifier) }
                completionHandler(.cancel)
                return
            }
            completionHandler(.allow)
        }

        /// Only http and https redirects are followed: a `file://` (or any other) location is a failure of its
        /// own, never a request to something else.
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            // The Location as the server wrote it: FoundationNetworking turns `file:///etc/passwd` into a path on
            // the same server before this is called, so the new request's own scheme would say http.
            let location = response.value(forHTTPHeaderField: "Location") ?? request.url?.absoluteString ?? ""
            let scheme = URL(string: location)?.scheme?.lowercased() ?? request.url?.scheme?.lowercased() ?? ""
            guard scheme == "http" || scheme == "https" || URL(string: location)?.scheme == nil else {
                lock.withLock { refusedRedirects[task.taskIdentifier] = location }
                completionHandler(nil)
                return
            }
            completionHandler(request)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            let over: Bool = lock.withLock {
                let id = dataTask.taskIdentifier
                guard !cutOff.contains(id) else { return false }
                if (bodies[id]?.count ?? 0) + data.count > limit {
                    cutOff.insert(id)
                    bodies[id] = nil
                    return true
                }
                bodies[id, default: []].append(contentsOf: data)
                return false
            }
            if over { dataTask.cancel() }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            let waiter: DispatchSemaphore? = lock.withLock {
                let id = task.taskIdentifier
                defer {
                    bodies[id] = nil
                    cutOff.remove(id)
                }
                // A task given up on (timed out) has no waiter any more: nobody reads its outcome.
                guard let waiter = waiters[id] else { return nil }
                if let location = refusedRedirects.removeValue(forKey: id) {
                    outcomes[id] = .failed("redirected to \(location): only http and https redirects are followed")
                    return waiter
                }
                outcomes[id] =
                    cutOff.contains(id)
                    ? .tooLarge : HTTPClient.classify(bodies[id].map { Data($0) } ?? Data(), task.response, error)
                return waiter
            }
            waiter?.signal()
        }
    }

    private func attempt(_ url: URL) -> Attempt {
        // FoundationNetworking truncates a request's timeout to whole seconds (0.3 becomes "at once"), so its own
        // timer is set past the deadline this client keeps itself.
        var request = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: settings.timeout.rounded(.up) + 1)
        request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
        let finished = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request)
        receiver.expect(task, signal: finished)
        task.resume()
        if finished.wait(timeout: .now() + settings.timeout) == .timedOut {
            // The delegate still hears of it later, with "cancelled", into an outcome nobody reads any more.
            task.cancel()
            _ = receiver.take(task)
            return .timedOut
        }
        return receiver.take(task) ?? .failed("no answer")
    }

    private static func classify(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) -> Attempt {
        if let error {
            let number = (error as NSError).code
            switch URLError.Code(rawValue: number) {
            case .timedOut: return .timedOut
            case .networkConnectionLost: return .dropped("the connection dropped mid-answer")
            // FoundationNetworking reports curl errors it has no code for (a body cut short: "transfer closed
            // with 268 bytes remaining to read") as unknown; they are transient often enough to try again.
            case .unknown: return .dropped(error.localizedDescription)
            case .cannotFindHost, .dnsLookupFailed: return .failed("no such host")
            case .cannotConnectToHost: return .failed("cannot connect to the host")
            case .notConnectedToInternet: return .failed("not connected to the internet")
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
                return .failed("TLS failed")
            case .cancelled: return .timedOut
            default: return .failed("\(error.localizedDescription) (URL error \(number))")
            }
        }
        guard let http = response as? HTTPURLResponse else { return .failed("not an HTTP answer") }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return .response(HTTPResponse(status: http.statusCode, headers: headers, body: Array(data ?? Data())))
    }
}
