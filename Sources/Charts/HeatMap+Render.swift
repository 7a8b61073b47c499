/// Draws a correlation heat map: labelled cells on a blue–white–red scale, coefficients inside.
extension HeatMap {
    static let pixelsPerPoint = 2.0

    /// Renders the heat map: a PNG 1400 px wide, or an SVG 700 pt wide; the height grows with the labels.
    ///
    /// - Throws: `ChartError.drawingFailed` when cairo fails, e.g. out of memory.
    public func render(as format: ChartImage.Format = .png) throws(ChartError) -> ChartImage {
        ChartImage(format: format, bytes: try CairoCanvas.render(canvas(), as: format, scale: Self.pixelsPerPoint))
    }

    /// The layout for this heat map's labels, shared by drawing and by tests that look at cell colours.
    func layout() -> HeatMapLayout {
        let probe = Canvas(width: HeatMapLayout.width, height: 1)
        return HeatMapLayout(labels: labels, top: subtitle.isEmpty ? 50 : 66, bandNames: !bands.isEmpty) {
            probe.width(of: $0, font: $1)
        }
    }

    func canvas() -> Canvas {
        let layout = layout()
        var canvas = Canvas(width: HeatMapLayout.width, height: layout.height)
        _ = canvas.heading(title: title, subtitle: subtitle)
        guard !labels.isEmpty else {
            canvas.text(
                "No data", at: Canvas.Point(x: canvas.width / 2, y: layout.height / 2 + 20),
                font: Canvas.Font(size: 14),
                color: .mutedInk, align: .center, vertical: .middle)
            return canvas
        }
        drawLabels(on: &canvas, layout)
        drawCells(on: &canvas, layout)
        drawBands(on: &canvas, layout)
        drawLegend(on: &canvas, layout)
        return canvas
    }

    private func drawLabels(on canvas: inout Canvas, _ layout: HeatMapLayout) {
        for (index, label) in labels.enumerated() {
            let cell = layout.cellRect(row: index, column: index)
            let label = canvas.fitted(
                label, font: layout.labelFont, width: HeatMapLayout.longestLabel, shrinking: false
            )
            .string
            canvas.text(
                label, at: Canvas.Point(x: layout.grid.x - 8, y: cell.mid.y), font: layout.labelFont,
                align: .right, vertical: .middle)
            if layout.uprightColumnLabels {
                canvas.text(
                    label, at: Canvas.Point(x: cell.mid.x, y: layout.grid.y - 8), font: layout.labelFont,
                    vertical: .middle, angle: -Double.pi / 2)
            } else {
                canvas.text(
                    label, at: Canvas.Point(x: cell.mid.x, y: layout.grid.y - 8), font: layout.labelFont,
                    align: .center)
            }
        }
    }

    private func drawCells(on canvas: inout Canvas, _ layout: HeatMapLayout) {
        // A hairline of white between cells keeps equal neighbours apart without a heavy grid.
        let gap = layout.cell >= 12 ? 1.0 : 0
        for row in labels.indices {
            for column in labels.indices {
                let rect = layout.cellRect(row: row, column: column)
                let value = value(row: row, column: column)
                let color = DivergingScale.color(value ?? .nan)
                canvas.fill(
                    Canvas.Rect(x: rect.x, y: rect.y, width: rect.width - gap, height: rect.height - gap), color)
                guard let font = layout.valueFont else { continue }
                // 0.18 is where white and black text have the same contrast ratio against the cell (WCAG).
                let textColor: ChartColor = value == nil ? .mutedInk : color.luminance < 0.18 ? .white : .ink
                canvas.text(
                    value.map(Self.format) ?? "n/a", at: Canvas.Point(x: rect.mid.x - gap / 2, y: rect.mid.y - gap / 2),
                    font: font, color: textColor, align: .center, vertical: .middle)
            }
        }
    }

    /// A line along every edge between two bands, across the whole grid both ways, and each band's name under
    /// its columns (cut to fit; left out when not even a letter fits).
    private func drawBands(on canvas: inout Canvas, _ layout: HeatMapLayout) {
        let grid = layout.grid
        let gap = layout.cell >= 12 ? 1.0 : 0
        for band in bands where band.labels.lowerBound > 0 && band.labels.lowerBound < labels.count {
            // In the white hairline between the two cells, so the line covers no cell's own colour more than it must.
            let at = Canvas.crisp(grid.x + Double(band.labels.lowerBound) * layout.cell - gap / 2)
            let y = Canvas.crisp(grid.y + Double(band.labels.lowerBound) * layout.cell - gap / 2)
            canvas.strokeLine(
                from: Canvas.Point(x: at, y: grid.y), to: Canvas.Point(x: at, y: grid.maxY - gap), color: .ink,
                width: 1.5)
            canvas.strokeLine(
                from: Canvas.Point(x: grid.x, y: y), to: Canvas.Point(x: grid.maxX - gap, y: y), color: .ink,
                width: 1.5)
        }
        for band in bands where !band.labels.isEmpty {
            let left = grid.x + Double(band.labels.lowerBound) * layout.cell
            let width = Double(band.labels.count) * layout.cell - gap
            canvas.strokeLine(
                from: Canvas.Point(x: left + 2, y: grid.maxY + 4),
                to: Canvas.Point(x: left + width - 2, y: grid.maxY + 4),
                color: .axis, width: 1)
            let name = canvas.fitted(band.name, font: layout.labelFont, width: width - 4, shrinking: false).string
            guard name != "…" else { continue }
            canvas.text(
                name, at: Canvas.Point(x: left + width / 2, y: grid.maxY + 17), font: layout.labelFont,
                color: .mutedInk, align: .center)
        }
    }

    /// A vertical colour bar from +1 (top) to −1, and a grey "n/a" swatch when any pair is missing.
    private func drawLegend(on canvas: inout Canvas, _ layout: HeatMapLayout) {
        let bar = layout.legend
        let stops = DivergingScale.stops.reversed().enumerated().map { index, color in
            Canvas.GradientStop(offset: Double(index) / Double(DivergingScale.stops.count - 1), color: color)
        }
        canvas.rectangle(bar)
        canvas.fillGradient(
            from: Canvas.Point(x: bar.x, y: bar.y), to: Canvas.Point(x: bar.x, y: bar.maxY), stops: stops)
        canvas.rectangle(bar)
        canvas.stroke(.axis, width: 0.5)
        for (value, label) in [(1.0, "1.0"), (0.5, "0.5"), (0, "0"), (-0.5, "\u{2212}0.5"), (-1, "\u{2212}1.0")] {
            let y = bar.y + (1 - value) / 2 * bar.height
            canvas.strokeLine(
                from: Canvas.Point(x: bar.maxX, y: y), to: Canvas.Point(x: bar.maxX + 3, y: y), color: .axis,
                width: 0.5)
            canvas.text(
                label, at: Canvas.Point(x: bar.maxX + 6, y: y), font: Canvas.labelFont, color: .mutedInk,
                vertical: .middle)
        }
        guard values.contains(where: { $0 == nil }) else { return }
        let swatch = Canvas.Rect(x: bar.x, y: bar.maxY + 14, width: bar.width, height: bar.width)
        canvas.fill(swatch, .missing)
        canvas.text(
            "n/a", at: Canvas.Point(x: swatch.maxX + 6, y: swatch.mid.y), font: Canvas.labelFont, color: .mutedInk,
            vertical: .middle)
    }

    /// `r` with two decimals and a true minus sign; a value that rounds to zero prints without a sign.
    static func format(_ r: Double) -> String {
        let hundredths = Int((abs(r) * 100).rounded())
        let digits = String(hundredths % 100)
        let text = "\(hundredths / 100)." + (digits.count == 1 ? "0" : "") + digits
        return r < 0 && hundredths != 0 ? "\u{2212}" + text : text
    }
}
