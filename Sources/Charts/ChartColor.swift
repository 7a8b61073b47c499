import Foundation

/// An opaque sRGB colour, stored as components in 0...1 so cairo can take it as is.
struct ChartColor: Sendable, Equatable {
    var red: Double
    var green: Double
    var blue: Double

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour written the way palettes are published, `0xE69F00`.
    init(hex: UInt32) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
    }

    static let white = ChartColor(hex: 0xFFFFFF)
    /// Body text: not pure black, which looks harsh beside anti-aliased lines.
    static let ink = ChartColor(hex: 0x1A1A1A)
    /// Subtitles, tick labels and other secondary text.
    static let mutedInk = ChartColor(hex: 0x5A5A5A)
    static let axis = ChartColor(hex: 0x9A9A9A)
    static let grid = ChartColor(hex: 0xE4E4E4)
    /// Cells and swatches that stand for "no value".
    static let missing = ChartColor(hex: 0xD0D0D0)

    /// Relative luminance (WCAG), used to pick black or white text on a filled cell.
    var luminance: Double {
        func linear(_ channel: Double) -> Double {
            channel <= 0.040_45 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The colour `fraction` of the way from `self` to `other`, mixed in sRGB like most chart tools.
    func mixed(with other: ChartColor, _ fraction: Double) -> ChartColor {
        ChartColor(
            red: red + (other.red - red) * fraction, green: green + (other.green - green) * fraction,
            blue: blue + (other.blue - blue) * fraction)
    }
}
