/// Pieces every chart shares: the heading, fitted text and pixel-aligned hairlines.
extension Canvas {
    static let margin = 20.0
    static let titleFont = Font(size: 16, weight: .bold)
    static let subtitleFont = Font(size: 11.5)
    static let labelFont = Font(size: 10.5)

    /// Draws the title and, when not empty, the subtitle at the top left.
    ///
    /// - Returns: The y coordinate just below the heading.
    mutating func heading(title: String, subtitle: String) -> Double {
        let available = width - 2 * Canvas.margin
        let title = fitted(title, font: Canvas.titleFont, width: available)
        text(title.string, at: Point(x: Canvas.margin, y: 30), font: title.font)
        guard !subtitle.isEmpty else { return 38 }
        let subtitle = fitted(subtitle, font: Canvas.subtitleFont, width: available)
        text(subtitle.string, at: Point(x: Canvas.margin, y: 48), font: subtitle.font, color: .mutedInk)
        return 54
    }

    /// `string` in `font`, shrunk down to 70 % (unless `shrinking` is false) and then cut with an ellipsis
    /// until it fits `width` points.
    func fitted(_ string: String, font: Font, width available: Double, shrinking: Bool = true)
        -> (string: String, font: Font)
    {
        var font = font
        let smallest = shrinking ? font.size * 0.7 : font.size
        while width(of: string, font: font) > available && font.size > smallest {
            font.size -= 0.5
        }
        var string = string
        while width(of: string, font: font) > available && string.count > 1 {
            string = String(string.dropLast(2)) + "…"
        }
        return (string, font)
    }

    /// `value` moved to the middle of a device pixel, so a one-pixel line at `scale` is crisp, not grey.
    static func crisp(_ value: Double, scale: Double = 2) -> Double {
        ((value * scale).rounded(.down) + 0.5) / scale
    }
}
