import Charts
import Testing

@Suite("Output bytes")
struct DeterminismTests {
    static let line = LineChartRenderTests.chart(series: 3)
    static let map = HeatMapRenderTests.map

    @Test(arguments: ChartImage.Format.allCases)
    func aLineChartRendersToTheSameBytesTwice(format: ChartImage.Format) throws {
        let first = try Self.line.render(as: format)
        let second = try Self.line.render(as: format)
        #expect(first.bytes.count > 1000)
        #expect(Self.firstDifference(first.bytes, second.bytes) == nil)
    }

    @Test(arguments: ChartImage.Format.allCases)
    func aHeatMapRendersToTheSameBytesTwice(format: ChartImage.Format) throws {
        let first = try Self.map.render(as: format)
        let second = try Self.map.render(as: format)
        #expect(first.bytes.count > 1000)
        #expect(Self.firstDifference(first.bytes, second.bytes) == nil)
    }

    /// The offset of the first byte that differs, or nil; printing whole images would drown the report.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? (a.count == b.count ? nil : a.count)
    }

    @Test func svgSurfaceIdsAreNumberedFromOne() throws {
        let text = String(decoding: try Self.map.render(as: .svg).bytes, as: UTF8.self)
        #expect(text.contains(#"<g id="surface1">"#))
    }

    @Test func aDifferentChartGivesDifferentBytes() throws {
        var other = Self.line
        other.title = "Other"
        #expect(Self.firstDifference(try other.render().bytes, try Self.line.render().bytes) != nil)
    }

    @Test func svgIsAnXMLDocumentWithAnSVGElementSizedInPoints() throws {
        for image in [try Self.line.render(as: .svg), try Self.map.render(as: .svg)] {
            let text = String(decoding: image.bytes, as: UTF8.self)
            #expect(text.hasPrefix("<?xml"))
            #expect(text.contains("<svg"))
            #expect(text.contains("width=\"700pt\""))
            #expect(text.hasSuffix("</svg>\n"))
            #expect(image.pixels() == nil)
        }
    }
}
