import Charts
import Testing

/// Decoded pixels of a rendered PNG, with the few questions tests ask about them.
struct Bitmap {
    let width: Int
    let height: Int
    let rgba: [UInt8]

    init(_ image: ChartImage) throws {
        let pixels = try #require(image.pixels())
        width = pixels.width
        height = pixels.height
        rgba = pixels.rgba
    }

    func pixel(x: Int, y: Int) -> (red: Int, green: Int, blue: Int) {
        let offset = (y * width + x) * 4
        return (Int(rgba[offset]), Int(rgba[offset + 1]), Int(rgba[offset + 2]))
    }

    /// How many pixels in `rows` (all rows when nil) are within `tolerance` of `hex` on every channel.
    func count(near hex: UInt32, tolerance: Int = 12, rows: Range<Int>? = nil) -> Int {
        let rows = rows ?? 0..<height
        let red = Int((hex >> 16) & 0xFF)
        let green = Int((hex >> 8) & 0xFF)
        let blue = Int(hex & 0xFF)
        return rgba.withUnsafeBufferPointer { pixels in
            var count = 0
            for offset in stride(from: rows.lowerBound * width * 4, to: rows.upperBound * width * 4, by: 4)
            where abs(Int(pixels[offset]) - red) <= tolerance && abs(Int(pixels[offset + 1]) - green) <= tolerance
                && abs(Int(pixels[offset + 2]) - blue) <= tolerance
            {
                count += 1
            }
            return count
        }
    }
}
