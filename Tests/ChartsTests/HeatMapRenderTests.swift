import Testing

@testable import Charts

@Suite("Heat map rendering")
struct HeatMapRenderTests {
    static let map = HeatMap(
        title: "Mixed", labels: ["AAA", "BBB", "CCC"],
        values: [1, 0.8, -0.7, 0.8, 1, nil, -0.7, nil, 1])

    @Test func pngIs1400PixelsWideWithTheLayoutsHeight() throws {
        let png = try PNGFile(Self.map.render().bytes)
        let size = try #require(png.size)
        #expect(size.width == 1400)
        #expect(size.height == Int(Self.map.layout().height * 2))
        #expect(png.chunks.contains { $0.type == "IDAT" })
        #expect(png.chunks.last?.type == "IEND")
    }

    @Test func cellsAreRedForPositiveBlueForNegativeAndGreyForMissing() throws {
        let bitmap = try Bitmap(Self.map.render())
        let layout = Self.map.layout()
        for row in 0..<3 {
            for column in 0..<3 {
                let cell = layout.cellRect(row: row, column: column)
                // Sample near the corner: the coefficient is printed in the middle.
                let pixel = bitmap.pixel(
                    x: Int((cell.x + cell.width * 0.15) * 2), y: Int((cell.y + cell.height * 0.15) * 2))
                switch Self.map.value(row: row, column: column) {
                case .some(let r) where r > 0.5:
                    #expect(pixel.red > max(pixel.green, pixel.blue) + 50, "cell \(row),\(column) r=\(r) is \(pixel)")
                case .some(let r) where r < -0.5:
                    #expect(pixel.blue > max(pixel.red, pixel.green) + 50, "cell \(row),\(column) r=\(r) is \(pixel)")
                case .some(let r):
                    Issue.record("the fixture has no r=\(r) between -0.5 and 0.5")
                case .none:
                    #expect(pixel.red == pixel.green && pixel.green == pixel.blue && pixel.red > 150 && pixel.red < 240)
                }
            }
        }
    }

    @Test func everyCellPrintsItsCoefficientOrNA() {
        let grid = Self.map.layout().grid
        let texts = Self.map.canvas().commands.compactMap { command -> String? in
            guard case .text(let text) = command, text.origin.x > grid.x, text.origin.x < grid.maxX,
                text.origin.y > grid.y, text.origin.y < grid.maxY
            else { return nil }
            return text.string
        }
        let cells = ["1.00", "0.80", "\u{2212}0.70", "0.80", "1.00", "n/a", "\u{2212}0.70", "n/a", "1.00"]
        #expect(texts == cells)
    }

    @Test func coefficientTextContrastsWithItsCell() {
        let whiteOnDarkRed = Self.textColor(of: "1.00")
        let inkOnPaleCell = HeatMap(title: "", labels: ["A"], values: [0.1]).canvas().commands.compactMap {
            command -> ChartColor? in
            if case .text(let text) = command, text.string == "0.10" { return text.color }
            return nil
        }
        #expect(whiteOnDarkRed == [.white, .white, .white])
        #expect(inkOnPaleCell == [.ink])
    }

    @Test(arguments: [(0.704, "0.70"), (-0.525, "\u{2212}0.53"), (-0.004, "0.00"), (1, "1.00"), (0.05, "0.05")])
    func coefficientsPrintWithTwoDecimals(value: Double, expected: String) {
        #expect(HeatMap.format(value) == expected)
    }

    @Test func theScaleIsWhiteAtZeroAndSaturatedAtTheEnds() {
        #expect(DivergingScale.color(0) == .white)
        #expect(DivergingScale.color(1) == ChartColor(hex: 0x67001F))
        #expect(DivergingScale.color(-1) == ChartColor(hex: 0x053061))
        #expect(DivergingScale.color(3) == DivergingScale.color(1))
        #expect(DivergingScale.color(.nan) == .missing)
    }

    @Test func anEmptyMapSaysNoData() throws {
        let empty = HeatMap(title: "Empty", labels: [], values: [])
        let texts = empty.canvas().commands.compactMap { command -> String? in
            if case .text(let text) = command { return text.string }
            return nil
        }
        #expect(texts == ["Empty", "No data"])
        #expect(try PNGFile(empty.render().bytes).size?.width == 1400)
    }

    @Test func longLabelsStandUprightAboveTheColumns() {
        let labels = (1...12).map { "TICKER-\($0)-LONG" }
        let map = HeatMap(title: "Long", labels: labels, values: Array(repeating: 0.5, count: 144))
        #expect(map.layout().uprightColumnLabels)
        #expect(!Self.map.layout().uprightColumnLabels)
    }

    private static func textColor(of string: String) -> [ChartColor] {
        map.canvas().commands.compactMap { command in
            if case .text(let text) = command, text.string == string { return text.color }
            return nil
        }
    }
}
