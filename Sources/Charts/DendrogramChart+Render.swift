/// Draws a dendrogram: heading, a legend of the groups, the leaves with their group marks, the brackets and a
/// distance axis under them.
extension DendrogramChart {
    static let width = 700.0
    static let pixelsPerPoint = 2.0
    private static let legendFont = Canvas.Font(size: 11)
    private static let leafFont = Canvas.Font(size: 11)
    private static let markSize = 7.0
    private static let lineWidth = 1.3

    /// Renders the chart: a PNG 1400 px wide, or an SVG 700 pt wide; the height grows with the leaves.
    ///
    /// - Throws: `ChartError.drawingFailed` when cairo fails, e.g. out of memory.
    public func render(as format: ChartImage.Format = .png) throws(ChartError) -> ChartImage {
        ChartImage(format: format, bytes: try CairoCanvas.render(canvas(), as: format, scale: Self.pixelsPerPoint))
    }

    /// Where the parts go, shared by drawing and by tests.
    struct Layout: Sendable, Equatable {
        /// The leaf column: marks and names.
        var marks: Double
        var names: Double
        /// The area the brackets take: height 0 at its left edge, `axis.upper` at its right.
        var plot: Canvas.Rect
        var row: Double
        var axis: ValueAxis
        var legendTop: Double
        var height: Double

        func x(_ height: Double) -> Double {
            plot.x + height / axis.upper * plot.width
        }

        /// The middle of the `position`-th row from the top.
        func y(row position: Int) -> Double {
            plot.y + (Double(position) + 0.5) * row
        }
    }

    func layout() -> Layout {
        let probe = Canvas(width: Self.width, height: 1)
        let headingBottom = subtitle.isEmpty ? 38.0 : 54.0
        let legendRows = legendPlacement(probe).last.map { $0.row + 1 } ?? 0
        let legendTop = headingBottom + 10
        let top = legendTop + Double(legendRows) * 18 + 10
        let count = Double(max(labels.count, 1))
        // Rows as tall as a line of text, and smaller for many tickers so the picture stays near a screen high.
        let row = min(22, max(12, 560 / count))
        let widestMarks = Double(groups.map(\.count).max() ?? 0) * (Self.markSize + 3)
        let marks = Canvas.margin
        let names = marks + widestMarks + (widestMarks > 0 ? 4 : 0)
        let widest = labels.map { probe.width(of: $0, font: Self.leafFont) }.max() ?? 0
        let left = names + min(widest, 150) + 10
        let highest = dendrogram.merges.map(\.height).max() ?? 0
        let axis = ValueAxis(covering: 0, max(highest, 0.01), intervals: 6)
        let plot = Canvas.Rect(
            x: left, y: top, width: Self.width - Canvas.margin - 10 - left, height: row * count)
        let height = (plot.maxY + 44 + Canvas.margin).rounded(.up)
        return Layout(
            marks: marks, names: names, plot: plot, row: row, axis: axis, legendTop: legendTop, height: height)
    }

    func canvas() -> Canvas {
        let layout = layout()
        var canvas = Canvas(width: Self.width, height: layout.height)
        _ = canvas.heading(title: title, subtitle: subtitle)
        drawLegend(on: &canvas, layout)
        guard labels.count >= 2, let root = dendrogram.root else {
            canvas.text(
                "Fewer than two tickers: no tree", at: layout.plot.mid, font: Canvas.Font(size: 14),
                color: .mutedInk, align: .center, vertical: .middle)
            return canvas
        }
        drawAxis(on: &canvas, layout)
        let order = dendrogram.leaves(of: root)
        var position = [Int](repeating: 0, count: labels.count)
        for (row, leaf) in order.enumerated() { position[leaf] = row }
        for (row, leaf) in order.enumerated() {
            let y = layout.y(row: row)
            for (slot, group) in groups[leaf].enumerated() {
                let x = layout.marks + Double(slot) * (Self.markSize + 3)
                canvas.fill(
                    Canvas.Rect(x: x, y: y - Self.markSize / 2, width: Self.markSize, height: Self.markSize),
                    SeriesStyle(index: group).color)
            }
            let name = canvas.fitted(labels[leaf], font: Self.leafFont, width: 150, shrinking: false).string
            canvas.text(name, at: Canvas.Point(x: layout.names, y: y), font: Self.leafFont, vertical: .middle)
        }
        // Each node's point: leaves at height 0 in their row, a cluster at its height, halfway between its children.
        var points = Array(repeating: Canvas.Point(x: 0, y: 0), count: labels.count + dendrogram.merges.count)
        for leaf in labels.indices { points[leaf] = Canvas.Point(x: layout.x(0), y: layout.y(row: position[leaf])) }
        for (k, merge) in dendrogram.merges.enumerated() {
            let a = points[merge.a]
            let b = points[merge.b]
            let x = layout.x(merge.height)
            canvas.move(to: a)
            canvas.line(to: Canvas.Point(x: x, y: a.y))
            canvas.line(to: Canvas.Point(x: x, y: b.y))
            canvas.line(to: b)
            canvas.stroke(.ink, width: Self.lineWidth)
            points[labels.count + k] = Canvas.Point(x: x, y: (a.y + b.y) / 2)
        }
        return canvas
    }

    /// Ticks under the plot labelled with the distance, a second row with the r it stands for, and faint
    /// vertical grid lines.
    private func drawAxis(on canvas: inout Canvas, _ layout: Layout) {
        let plot = layout.plot
        for tick in layout.axis.ticks {
            let x = Canvas.crisp(layout.x(tick))
            canvas.strokeLine(
                from: Canvas.Point(x: x, y: plot.y), to: Canvas.Point(x: x, y: plot.maxY), color: .grid, width: 0.5)
            canvas.strokeLine(
                from: Canvas.Point(x: x, y: plot.maxY), to: Canvas.Point(x: x, y: plot.maxY + 4), color: .axis,
                width: 0.5)
            canvas.text(
                layout.axis.label(tick), at: Canvas.Point(x: x, y: plot.maxY + 15), font: Canvas.labelFont,
                color: .mutedInk, align: .center)
        }
        let y = Canvas.crisp(plot.maxY)
        canvas.strokeLine(
            from: Canvas.Point(x: plot.x, y: y), to: Canvas.Point(x: plot.maxX, y: y), color: .axis, width: 0.5)
        canvas.text(
            "distance 1 \u{2212} r at which two branches join (mean over their tickers' pairs)",
            at: Canvas.Point(x: plot.mid.x, y: plot.maxY + 34), font: Canvas.labelFont, color: .mutedInk,
            align: .center)
    }

    /// One swatch and name per group, in rows that wrap at the chart's width.
    private func drawLegend(on canvas: inout Canvas, _ layout: Layout) {
        for entry in legendPlacement(canvas) {
            let y = layout.legendTop + Double(entry.row) * 18 + 9
            canvas.fill(
                Canvas.Rect(x: entry.x, y: y - Self.markSize / 2, width: Self.markSize, height: Self.markSize),
                SeriesStyle(index: entry.group).color)
            canvas.text(
                entry.name, at: Canvas.Point(x: entry.x + Self.markSize + 5, y: y), font: Self.legendFont,
                vertical: .middle)
        }
    }

    private func legendPlacement(_ canvas: Canvas) -> [(group: Int, name: String, x: Double, row: Int)] {
        let right = Self.width - Canvas.margin
        var placed: [(group: Int, name: String, x: Double, row: Int)] = []
        var x = Canvas.margin
        var row = 0
        for (group, name) in groupNames.enumerated() {
            let name = canvas.fitted(name, font: Self.legendFont, width: 300, shrinking: false).string
            let width = Self.markSize + 5 + canvas.width(of: name, font: Self.legendFont)
            if x > Canvas.margin && x + width > right {
                row += 1
                x = Canvas.margin
            }
            placed.append((group, name, x, row))
            x += width + 18
        }
        return placed
    }
}
