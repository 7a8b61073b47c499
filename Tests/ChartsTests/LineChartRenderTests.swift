import Testing

@testable import Charts

@Suite("Line chart rendering")
struct LineChartRenderTests {
    static let okabeIto: [UInt32] = [0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0x000000]

    /// `count` rising lines over 60 days, far enough apart that none hides another.
    static func chart(series count: Int) -> LineChart {
        let days = Array(19_800..<19_860)
        let series = (0..<count).map { index in
            ChartSeries(
                name: "T\(index)", days: days, values: days.indices.map { 100 + Double(index) * 40 + Double($0) })
        }
        return LineChart(title: "Test", subtitle: "60 days", series: series)
    }

    @Test func pngHasTheChunksAndSizeOfA1400By800Image() throws {
        let png = try PNGFile(Self.chart(series: 2).render().bytes)
        let size = try #require(png.size)
        #expect(size.width == 1400)
        #expect(size.height == 800)
        #expect(png.chunks.first?.type == "IHDR")
        #expect(png.chunks.contains { $0.type == "IDAT" })
        #expect(png.chunks.last?.type == "IEND")
    }

    @Test func pixelsDecodeToTheSameSize() throws {
        let bitmap = try Bitmap(Self.chart(series: 1).render())
        #expect(bitmap.width == 1400)
        #expect(bitmap.height == 800)
        #expect(bitmap.rgba.count == 1400 * 800 * 4)
        // The background is opaque white.
        #expect(bitmap.rgba[3] == 255)
        #expect(bitmap.pixel(x: 1399, y: 799) == (255, 255, 255))
    }

    @Test func eachSeriesIsDrawnInItsPaletteColourAndNoOtherColourAppears() throws {
        let bitmap = try Bitmap(Self.chart(series: 3).render())
        // A legend swatch alone is about 240 pixels; a line across the plot is several thousand.
        for hex in Self.okabeIto.prefix(3) {
            #expect(bitmap.count(near: hex) > 1500, "colour \(hex)")
        }
        for hex in Self.okabeIto[3..<7] {
            #expect(bitmap.count(near: hex) == 0, "colour \(hex)")
        }
    }

    @Test(arguments: 0..<8)
    func theSeriesAtEachPositionTakesThatPaletteColour(position: Int) throws {
        // Series without data before it keep their places (and grey swatches) but draw nothing coloured.
        let empty = (0..<position).map { ChartSeries(name: "E\($0)", days: [], values: []) }
        let line = ChartSeries(name: "A", days: Array(19_800..<19_860), values: (0..<60).map { Double($0) })
        let bitmap = try Bitmap(LineChart(title: "T", subtitle: "", series: empty + [line]).render())
        for (index, hex) in Self.okabeIto.enumerated() {
            if index == position {
                #expect(bitmap.count(near: hex) > 1500, "colour \(hex)")
            } else {
                #expect(bitmap.count(near: hex) < 20, "colour \(hex)")
            }
        }
    }

    @Test func theNinthSeriesReusesTheFirstColourWithADash() {
        #expect(SeriesStyle(index: 8).color == SeriesStyle(index: 0).color)
        #expect(SeriesStyle(index: 0).dash.isEmpty)
        #expect(!SeriesStyle(index: 8).dash.isEmpty)
    }

    @Test func anEmptyChartSaysNoDataAndDrawsNoLine() throws {
        let chart = LineChart(title: "Empty", subtitle: "", series: [])
        let texts = chart.canvas().commands.compactMap { command -> String? in
            if case .text(let text) = command { return text.string }
            return nil
        }
        #expect(texts == ["Empty", "No data"])
        let bitmap = try Bitmap(chart.render())
        #expect(bitmap.count(near: Self.okabeIto[0]) == 0)
    }

    @Test func aSinglePointIsDrawnAsADot() throws {
        let chart = LineChart(title: "One", subtitle: "", series: [ChartSeries(name: "A", days: [19_800], values: [5])])
        let circles = chart.canvas().commands.filter {
            if case .circle = $0 { return true }
            return false
        }
        #expect(circles.count == 1)
        // Below the legend (y ≥ 150 pt) only the dot, radius 2.9 pt or about 100 pixels, has the colour.
        let plotRows = 300..<800
        #expect(try Bitmap(chart.render()).count(near: Self.okabeIto[0], rows: plotRows) > 60)
        let noPoint = LineChart(title: "One", subtitle: "", series: [ChartSeries(name: "A", days: [], values: [])])
        #expect(try Bitmap(noPoint.render()).count(near: Self.okabeIto[0], rows: plotRows) == 0)
    }

    @Test func nonFiniteValuesBreakTheLineInsteadOfReachingCairo() {
        let values: [Double] = [1, 2, .nan, 3, .infinity, 4, 5, -.infinity]
        let series = ChartSeries(name: "A", days: Array(19_800..<19_808), values: values)
        let canvas = LineChart(title: "Gaps", subtitle: "", series: [series]).canvas()
        var lines = 0
        var dots = 0
        for command in canvas.commands {
            switch command {
            case .move(let point), .line(let point):
                #expect(point.x.isFinite && point.y.isFinite)
            case .circle: dots += 1
            case .stroke(let color, let width, _) where color == SeriesStyle(index: 0).color && width < 3:
                lines += 1
            default: break
            }
        }
        // Runs [1, 2] and [4, 5] become lines and the lone 3 a dot; the legend swatch is the 3-pt stroke.
        #expect(lines == 2)
        #expect(dots == 1)
    }

    @Test func manySeriesWrapTheLegendInsideTheCanvas() {
        let canvas = Self.chart(series: 30).canvas()
        var legendRows = Set<Double>()
        for command in canvas.commands {
            guard case .text(let text) = command, text.angle == 0 else { continue }
            let left = text.origin.x + text.offset.x
            let right = left + canvas.width(of: text.string, font: text.font)
            #expect(left >= 0 && right <= canvas.width, "\(text.string) runs off the canvas")
            if text.string.hasPrefix("T") && text.string != "Test" { legendRows.insert(text.origin.y) }
        }
        #expect(legendRows.count > 1)
    }

    @Test func datesAreLabelledInAscendingOrderWithoutOverlap() {
        let canvas = LineChart.rebasedSample.canvas()
        let labels = canvas.commands.compactMap { command -> (left: Double, right: Double)? in
            guard case .text(let text) = command, text.origin.y > LineChart.height - 32 else { return nil }
            let left = text.origin.x + text.offset.x
            return (left, left + canvas.width(of: text.string, font: text.font))
        }
        #expect(labels.count >= 4)
        for (first, second) in zip(labels, labels.dropFirst()) {
            #expect(first.right + 4 <= second.left)
        }
    }
}

extension LineChart {
    /// Two years of a steadily rising series, the span of the seed note.
    fileprivate static let rebasedSample = LineChart(
        title: "Sample", subtitle: "",
        series: [ChartSeries(name: "A", days: Array(19_724...20_483), values: (19_724...20_483).map { Double($0) })])
}
