/// Draws a line chart: heading, legend, value grid, date axis and one line per series.
extension LineChart {
    /// Size in points; the PNG is twice as large so it stays sharp on high-density screens.
    static let width = 700.0
    static let height = 400.0
    static let pixelsPerPoint = 2.0

    private static let legendFont = Canvas.Font(size: 11)
    private static let lineWidth = 1.6
    private static let maxLegendRows = 5

    /// Renders the chart: a 1400×800 PNG, or a 700×400 pt SVG of the same drawing.
    ///
    /// - Throws: `ChartError.drawingFailed` when cairo fails, e.g. out of memory.
    public func render(as format: ChartImage.Format = .png) throws(ChartError) -> ChartImage {
        ChartImage(format: format, bytes: try CairoCanvas.render(canvas(), as: format, scale: Self.pixelsPerPoint))
    }

    /// The chart as drawing commands, laid out for `width`×`height` points.
    func canvas() -> Canvas {
        var canvas = Canvas(width: Self.width, height: Self.height)
        let headingBottom = canvas.heading(title: title, subtitle: subtitle)
        let plotTop = drawLegend(on: &canvas, top: headingBottom + 10) + 14
        let plotBottom = Self.height - 32
        let points = series.map(\.points)
        let values = points.joined().map(\.value) + (baseline.map { [$0] } ?? [])
        guard let firstDay = points.joined().map(\.day).min(), let lastDay = points.joined().map(\.day).max(),
            let low = values.min(), let high = values.max()
        else {
            let frame = Canvas.Rect(
                x: Canvas.margin, y: plotTop, width: Self.width - 2 * Canvas.margin, height: plotBottom - plotTop)
            canvas.rectangle(frame)
            canvas.stroke(.grid, width: 1)
            canvas.text(
                "No data", at: frame.mid, font: Canvas.Font(size: 14), color: .mutedInk, align: .center,
                vertical: .middle)
            return canvas
        }
        let plotHeight = plotBottom - plotTop
        let axis = ValueAxis(covering: low, high, intervals: max(2, Int(plotHeight / 48)))
        let labelWidth = axis.ticks.map { canvas.width(of: axis.label($0), font: Canvas.labelFont) }.max() ?? 0
        let left = Canvas.margin + labelWidth + 8
        let area = Canvas.Rect(x: left, y: plotTop, width: Self.width - Canvas.margin - 6 - left, height: plotHeight)
        // One day of data still needs a span to place it: pad it to three days, the point in the middle.
        let span = firstDay == lastDay ? (firstDay - 1)...(lastDay + 1) : firstDay...lastDay
        let frame = PlotFrame(area: area, days: span, axis: axis)

        drawValueGrid(on: &canvas, frame)
        drawDateAxis(on: &canvas, frame)
        if let baseline {
            let y = frame.y(baseline)
            canvas.strokeLine(
                from: Canvas.Point(x: area.x, y: y), to: Canvas.Point(x: area.maxX, y: y),
                color: ChartColor(hex: 0x808080), width: 0.8, dash: [4, 3])
        }
        canvas.clip(to: area.insetBy(-3))
        for (index, series) in series.enumerated() {
            drawLine(series, style: SeriesStyle(index: index), on: &canvas, frame)
        }
        canvas.resetClip()
        return canvas
    }

    /// Maps days and values to points inside the plot area.
    private struct PlotFrame {
        let area: Canvas.Rect
        let days: ClosedRange<Int>
        let axis: ValueAxis

        func x(_ day: Int) -> Double {
            area.x + Double(day - days.lowerBound) / Double(days.upperBound - days.lowerBound) * area.width
        }

        func y(_ value: Double) -> Double {
            area.maxY - (value - axis.lower) / (axis.upper - axis.lower) * area.height
        }
    }

    /// Lays the legend out in rows that wrap at the chart's width, so many tickers push the plot down
    /// instead of running off the edge; past `maxLegendRows` the rest are counted, not listed, so the plot
    /// keeps most of the height.
    ///
    /// - Returns: The y coordinate below the last row.
    private func drawLegend(on canvas: inout Canvas, top: Double) -> Double {
        guard !series.isEmpty else { return top }
        let rowHeight = 17.0
        let swatch = 20.0
        let spacing = 16.0
        let right = Self.width - Canvas.margin
        let names = series.map { series in
            let name = series.points.isEmpty ? "\(series.name) (no data)" : series.name
            return canvas.fitted(
                name, font: Self.legendFont, width: right - Canvas.margin - swatch - 5, shrinking: false
            )
            .string
        }
        let widths = names.map { swatch + 5 + canvas.width(of: $0, font: Self.legendFont) }
        var entries: [(index: Int, x: Double, row: Int)] = []
        var x = Canvas.margin
        var row = 0
        for index in series.indices {
            if x > Canvas.margin && x + widths[index] > right {
                x = Canvas.margin
                row += 1
            }
            guard row < Self.maxLegendRows else { break }
            entries.append((index, x, row))
            x += widths[index] + spacing
        }
        var more: (text: String, x: Double)?
        while entries.count < series.count, let last = entries.last {
            let text = "+\(series.count - entries.count) more"
            let start = last.x + widths[last.index] + spacing
            if start + canvas.width(of: text, font: Self.legendFont) <= right {
                more = (text, start)
                break
            }
            entries.removeLast()
        }
        for entry in entries {
            let y = top + (Double(entry.row) + 0.5) * rowHeight
            let style = SeriesStyle(index: entry.index)
            let empty = series[entry.index].points.isEmpty
            canvas.strokeLine(
                from: Canvas.Point(x: entry.x, y: y), to: Canvas.Point(x: entry.x + swatch, y: y),
                color: empty ? .missing : style.color, width: 3, dash: style.dash)
            canvas.text(
                names[entry.index], at: Canvas.Point(x: entry.x + swatch + 5, y: y), font: Self.legendFont,
                color: empty ? .mutedInk : .ink, vertical: .middle)
        }
        let rows = Double((entries.map(\.row).max() ?? 0) + 1)
        if let more {
            canvas.text(
                more.text, at: Canvas.Point(x: more.x, y: top + (rows - 0.5) * rowHeight), font: Self.legendFont,
                color: .mutedInk, vertical: .middle)
        }
        return top + rows * rowHeight
    }

    private func drawValueGrid(on canvas: inout Canvas, _ frame: PlotFrame) {
        for tick in frame.axis.ticks {
            let y = Canvas.crisp(frame.y(tick))
            canvas.strokeLine(
                from: Canvas.Point(x: frame.area.x, y: y), to: Canvas.Point(x: frame.area.maxX, y: y),
                color: .grid, width: 0.5)
            canvas.text(
                frame.axis.label(tick), at: Canvas.Point(x: frame.area.x - 8, y: frame.y(tick)),
                font: Canvas.labelFont, color: .mutedInk, align: .right, vertical: .middle)
        }
    }

    private func drawDateAxis(on canvas: inout Canvas, _ frame: PlotFrame) {
        let area = frame.area
        let axis = DateAxis(from: frame.days.lowerBound, to: frame.days.upperBound, length: area.width) {
            canvas.width(of: $0, font: Canvas.labelFont)
        }
        for tick in axis.ticks {
            let x = Canvas.crisp(frame.x(tick.day))
            canvas.strokeLine(
                from: Canvas.Point(x: x, y: area.y), to: Canvas.Point(x: x, y: area.maxY),
                color: ChartColor(hex: 0xF0F0F0), width: 0.5)
            canvas.strokeLine(
                from: Canvas.Point(x: x, y: area.maxY), to: Canvas.Point(x: x, y: area.maxY + 4), color: .axis,
                width: 0.5)
            // A label that would run off the canvas is dropped; its tick still marks the date.
            let half = canvas.width(of: tick.label, font: Canvas.labelFont) / 2
            guard x - half >= 10, x + half <= Self.width - 10 else { continue }
            canvas.text(
                tick.label, at: Canvas.Point(x: x, y: area.maxY + 17), font: Canvas.labelFont, color: .mutedInk,
                align: .center)
        }
        let bottom = Canvas.crisp(area.maxY)
        canvas.strokeLine(
            from: Canvas.Point(x: area.x, y: bottom), to: Canvas.Point(x: area.maxX, y: bottom), color: .axis,
            width: 0.5)
    }

    /// Strokes each run of finite values as one path; a run of a single value becomes a dot, since a
    /// zero-length line would not show.
    private func drawLine(_ series: ChartSeries, style: SeriesStyle, on canvas: inout Canvas, _ frame: PlotFrame) {
        var run: [Canvas.Point] = []
        func flush() {
            if run.count == 1 {
                canvas.circle(center: run[0], radius: Self.lineWidth * 1.8)
                canvas.fill(style.color)
            } else if let first = run.first {
                canvas.move(to: first)
                for point in run.dropFirst() { canvas.line(to: point) }
                canvas.stroke(style.color, width: Self.lineWidth, dash: style.dash)
            }
            run = []
        }
        for (day, value) in zip(series.days, series.values) {
            guard value.isFinite else {
                flush()
                continue
            }
            run.append(Canvas.Point(x: frame.x(day), y: frame.y(value)))
        }
        flush()
    }
}
