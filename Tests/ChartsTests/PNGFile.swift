/// A PNG file split into its chunks, read independently of cairo so tests check the container itself.
///
/// Follows the PNG specification (ISO/IEC 15948): an 8-byte signature, then chunks of a 4-byte big-endian
/// length, a 4-byte type, the data and a CRC-32 over type and data.
struct PNGFile {
    struct Chunk {
        var type: String
        var data: [UInt8]
    }

    enum Problem: Error, Equatable {
        /// The first eight bytes are not the PNG signature.
        case badSignature
        /// A chunk's length runs past the end of the file.
        case truncated(offset: Int)
        /// A chunk's stored CRC does not match its contents.
        case badCRC(type: String)
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    let chunks: [Chunk]

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: Self.signature) else { throw Problem.badSignature }
        var chunks: [Chunk] = []
        var offset = Self.signature.count
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Problem.truncated(offset: offset) }
            let length = Int(Self.bigEndian(bytes, at: offset))
            guard offset + 12 + length <= bytes.count else { throw Problem.truncated(offset: offset) }
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            guard Self.bigEndian(bytes, at: offset + 8 + length) == Self.crc32(typeAndData) else {
                throw Problem.badCRC(type: type)
            }
            chunks.append(Chunk(type: type, data: Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        self.chunks = chunks
    }

    /// Width and height from the IHDR chunk, which the specification requires to come first.
    var size: (width: Int, height: Int)? {
        guard let header = chunks.first, header.type == "IHDR", header.data.count == 13 else { return nil }
        return (Int(Self.bigEndian(header.data, at: 0)), Int(Self.bigEndian(header.data, at: 4)))
    }

    static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }
}
