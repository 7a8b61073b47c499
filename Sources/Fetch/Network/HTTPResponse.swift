/// One HTTP answer as it arrived: status, headers (names lowercased) and body bytes.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    /// The body as text, whatever its declared charset; price answers are ASCII.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Whether the body, past leading white space, opens like HTML (`<!DOCTYPE`, `<html>`, `<head>`).
    var looksLikeHTML: Bool {
        body.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "<")
    }

    /// Whether the body holds nothing but white space.
    var isBlank: Bool {
        body.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
    }
}
