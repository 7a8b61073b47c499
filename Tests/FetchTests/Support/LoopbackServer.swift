import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 that answers from a script, so the fetcher is tested over real sockets.
///
/// Each route matches requests whose target contains its text and answers with its replies in turn; the last
/// reply repeats. A reply can wait before answering (the client's timeout fires first), send an error status,
/// a web page, or fewer body bytes than its Content-Length says and then close. Every request is logged.
final class LoopbackServer: @unchecked Sendable {
    struct Reply: Sendable {
        var status = 200
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        /// Seconds to wait before answering; a client that gives up first ends the wait.
        var delay: Double = 0
        /// Send only this many body bytes, then close: a connection dropped mid-answer.
        var sendOnly: Int?

        static func text(_ text: String, status: Int = 200, type: String = "text/plain") -> Reply {
            Reply(status: status, headers: ["Content-Type": type], body: Array(text.utf8))
        }

        static func status(_ status: Int, retryAfter: String? = nil) -> Reply {
            var reply = Reply.text("status \(status)", status: status)
            if let retryAfter { reply.headers["Retry-After"] = retryAfter }
            return reply
        }

        static let htmlPage = Reply.text(
            "<!DOCTYPE html>\n<html><head><title>Error</title></head><body>Service unavailable</body></html>\n",
            type: "text/html")
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [(match: String, replies: [Reply])]
    private var log: [String] = []

    /// Starts listening on an ephemeral port of 127.0.0.1 only.
    init(_ routes: [(String, [Reply])]) throws {
        self.routes = routes.map { (match: $0.0, replies: $0.1) }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw ServerError.socket(errno)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    enum ServerError: Error { case socket(Int32) }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The request targets (`/q/d/l/?s=hut.us&i=d`) received so far, in order.
    var requests: [String] { lock.withLock { log } }

    /// Stops accepting; connections in progress finish on their own.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let target = readRequestTarget(client) else { return }
        let reply: Reply = lock.withLock {
            log.append(target)
            guard let index = routes.firstIndex(where: { target.contains($0.match) }) else {
                return .text("no route for \(target)", status: 404)
            }
            let replies = routes[index].replies
            if replies.count > 1 { routes[index].replies.removeFirst() }
            return replies[0]
        }
        if reply.delay > 0 {
            // Readable means the client closed: it gave up, so stop waiting.
            var watch = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            if poll(&watch, 1, Int32(reply.delay * 1000)) != 0 { return }
        }
        var head = "HTTP/1.1 \(reply.status) Scripted\r\nContent-Length: \(reply.body.count)\r\nConnection: close\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        send(client, Array((head + "\r\n").utf8))
        send(client, Array(reply.body.prefix(reply.sendOnly ?? reply.body.count)))
    }

    /// Reads up to the blank line that ends the request head and returns its target.
    private func readRequestTarget(_ client: Int32) -> String? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.ends(with: [13, 10, 13, 10]) && received.count < 65_536 {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received += buffer[..<count]
        }
        let requestLine = String(decoding: received.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        return requestLine.count >= 2 ? String(requestLine[1]) : nil
    }

    private func send(_ client: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a client that hung up must not kill the test process with SIGPIPE.
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return }
            sent += count
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
