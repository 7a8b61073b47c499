/// A drawing recorded as a list of values, laid out once and replayed by `CairoCanvas` onto PNG or SVG.
///
/// Recording instead of drawing straight onto cairo keeps every C handle inside `CairoCanvas.swift`, lets
/// the same layout go to both formats, and keeps chart code testable as plain Swift. Coordinates are
/// logical points with y growing downwards; the PNG is drawn at `scale` pixels per point.
struct Canvas: Sendable {
    struct Point: Sendable, Equatable {
        var x: Double
        var y: Double
    }

    struct Rect: Sendable, Equatable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double

        var maxX: Double { x + width }
        var maxY: Double { y + height }
        var mid: Point { Point(x: x + width / 2, y: y + height / 2) }

        func insetBy(_ amount: Double) -> Rect {
            Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
        }
    }

    struct Font: Sendable, Equatable {
        enum Weight: Sendable { case regular, bold }
        var size: Double
        var weight: Weight = .regular
    }

    enum HorizontalAlignment: Sendable { case left, center, right }

    /// Where the anchor point sits vertically on a line of text.
    enum VerticalAlignment: Sendable {
        /// On the baseline.
        case baseline
        /// Halfway up the capitals, so digits and capitals look centred on the point.
        case middle
    }

    /// One line of text, already positioned: `origin` is translated to and rotated about, then the text
    /// starts at `offset` in that rotated frame.
    struct Text: Sendable, Equatable {
        var string: String
        var origin: Point
        var offset: Point
        var angle: Double
        var font: Font
        var color: ChartColor
    }

    struct GradientStop: Sendable, Equatable {
        var offset: Double
        var color: ChartColor
    }

    enum Command: Sendable, Equatable {
        case move(Point)
        case line(Point)
        case rectangle(Rect)
        case circle(center: Point, radius: Double)
        case fill(ChartColor)
        /// Fills the current path with a linear gradient running from `start` to `end`.
        case fillGradient(start: Point, end: Point, stops: [GradientStop])
        case stroke(ChartColor, width: Double, dash: [Double])
        case text(Text)
        case clip(Rect)
        case resetClip
    }

    /// DejaVu Sans' capital height as a fraction of the font size; used to centre text vertically.
    static let capHeight = 0.729

    let width: Double
    let height: Double
    private(set) var commands: [Command] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func move(to point: Point) { commands.append(.move(point)) }
    mutating func line(to point: Point) { commands.append(.line(point)) }
    mutating func rectangle(_ rect: Rect) { commands.append(.rectangle(rect)) }
    mutating func circle(center: Point, radius: Double) { commands.append(.circle(center: center, radius: radius)) }
    mutating func fill(_ color: ChartColor) { commands.append(.fill(color)) }
    mutating func clip(to rect: Rect) { commands.append(.clip(rect)) }
    mutating func resetClip() { commands.append(.resetClip) }

    mutating func fillGradient(from start: Point, to end: Point, stops: [GradientStop]) {
        commands.append(.fillGradient(start: start, end: end, stops: stops))
    }

    mutating func stroke(_ color: ChartColor, width: Double, dash: [Double] = []) {
        commands.append(.stroke(color, width: width, dash: dash))
    }

    mutating func fill(_ rect: Rect, _ color: ChartColor) {
        rectangle(rect)
        fill(color)
    }

    /// Strokes a straight segment; used for grid lines, ticks and legend swatches.
    mutating func strokeLine(
        from start: Point, to end: Point, color: ChartColor, width: Double, dash: [Double] = []
    ) {
        move(to: start)
        line(to: end)
        stroke(color, width: width, dash: dash)
    }

    /// The advance width of `string` in points, measured with the font the text will be drawn in.
    func width(of string: String, font: Font) -> Double {
        CairoCanvas.advance(of: string, font: font)
    }

    /// Draws one line of text aligned on `point`, turned by `angle` radians (negative turns it upwards).
    mutating func text(
        _ string: String, at point: Point, font: Font, color: ChartColor = .ink,
        align: HorizontalAlignment = .left, vertical: VerticalAlignment = .baseline, angle: Double = 0
    ) {
        guard !string.isEmpty else { return }
        let advance = width(of: string, font: font)
        let dx: Double
        switch align {
        case .left: dx = 0
        case .center: dx = -advance / 2
        case .right: dx = -advance
        }
        let dy = vertical == .middle ? font.size * Canvas.capHeight / 2 : 0
        commands.append(
            .text(
                Text(
                    string: string, origin: point, offset: Point(x: dx, y: dy), angle: angle, font: font,
                    color: color)))
    }
}
