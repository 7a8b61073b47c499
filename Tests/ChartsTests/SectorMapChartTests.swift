import Correlation
import Testing

@testable import Charts

@Suite("Sector map pictures: the reordered heat map with bands, and the dendrogram")
struct SectorMapChartTests {
    static let map = HeatMap(
        title: "Map", labels: ["AAA", "BBB", "CCC", "DDD"],
        values: [1, 0.1, 0.8, 0.2, 0.1, 1, 0.3, 0.9, 0.8, 0.3, 1, 0.4, 0.2, 0.9, 0.4, 1])

    @Test func reorderingMovesRowsAndColumnsTogether() {
        let ordered = Self.map.reordered([0, 2, 1, 3])
        #expect(ordered.labels == ["AAA", "CCC", "BBB", "DDD"])
        #expect(ordered.value(row: 0, column: 1) == 0.8)
        #expect(ordered.value(row: 2, column: 3) == 0.9)
        #expect(ordered.value(row: 1, column: 2) == 0.3)
        #expect((0..<4).allSatisfy { ordered.value(row: $0, column: $0) == 1 })
    }

    /// The line between two bands is dark where, without bands, the hairline between the cells is white.
    @Test func aBoundaryIsDrawnBetweenBandsAndNamedUnderThem() throws {
        var banded = Self.map.reordered([0, 2, 1, 3])
        banded.bands = [
            HeatMap.Band(name: "First", labels: 0..<2), HeatMap.Band(name: "Second", labels: 2..<4),
        ]
        let plain = Self.map.reordered([0, 2, 1, 3])
        let layout = banded.layout()
        let edge = layout.cellRect(row: 0, column: 2)
        // On the edge between columns 1 and 2, in the middle of row 0, and the same across rows.
        let x = Int(((edge.x - 0.5) * 2).rounded(.down))
        let y = Int(edge.mid.y * 2) - 20
        let across = layout.cellRect(row: 2, column: 0)
        let yEdge = Int(((across.y - 0.5) * 2).rounded(.down))
        let xMid = Int(across.mid.x * 2) - 20
        let withBands = try Bitmap(banded.render())
        let without = try Bitmap(plain.render())
        for (px, py) in [(x, y), (xMid, yEdge)] {
            let dark = withBands.pixel(x: px, y: py)
            let light = without.pixel(x: px, y: py)
            #expect(dark.red < 80 && dark.green < 80 && dark.blue < 80, "boundary at \(px),\(py) is \(dark)")
            #expect(light.red > 150, "no boundary at \(px),\(py) is \(light)")
        }
        let names = banded.canvas().commands.compactMap { command -> String? in
            if case .text(let text) = command { return text.string }
            return nil
        }
        #expect(names.contains("First") && names.contains("Second"))
        #expect(banded.layout().height == layout.height && layout.height > plain.layout().height)
    }

    /// Leaves 0 and 2 join first (0.1), then 1 and 3 (0.2), then both (0.7): leaf order 0, 2, 1, 3.
    static let tree = DendrogramChart(
        title: "Tree", labels: ["AAA", "BBB", "CCC", "DDD"], groups: [[0], [1], [0], [1, 0]],
        groupNames: ["One", "Two"],
        dendrogram: Dendrogram(
            count: 4,
            merges: [
                .init(a: 0, b: 2, height: 0.1, size: 2), .init(a: 1, b: 3, height: 0.2, size: 2),
                .init(a: 4, b: 5, height: 0.7, size: 4),
            ]))

    @Test func dendrogramListsLeavesInTheTreesOrderWithOneBracketPerMerge() {
        let commands = Self.tree.canvas().commands
        let leaves = commands.compactMap { command -> (String, Double)? in
            guard case .text(let text) = command, Self.tree.labels.contains(text.string) else { return nil }
            return (text.string, text.origin.y)
        }
        #expect(leaves.sorted { $0.1 < $1.1 }.map(\.0) == ["AAA", "CCC", "BBB", "DDD"])
        let brackets = commands.filter {
            if case .stroke(let color, let width, _) = $0 { return color == .ink && width == 1.3 }
            return false
        }
        #expect(brackets.count == 3)
        // DDD is in both groups: two marks; the others one each; and one legend swatch per group.
        let marks = commands.filter {
            if case .fill(let color) = $0 {
                return color == SeriesStyle(index: 0).color || color == SeriesStyle(index: 1).color
            }
            return false
        }
        #expect(marks.count == 5 + 2)
    }

    @Test func dendrogramBracketSitsAtItsHeight() throws {
        let layout = Self.tree.layout()
        let bitmap = try Bitmap(Self.tree.render())
        #expect(bitmap.width == 1400 && bitmap.height == Int(layout.height * 2))
        // The root's vertical line at x(0.7), halfway between the two pairs' rows; nothing dark a little left of it.
        let y = Int(((layout.y(row: 1) + layout.y(row: 2)) / 2) * 2)
        let atRoot = bitmap.pixel(x: Int(layout.x(0.7) * 2), y: y)
        let before = bitmap.pixel(x: Int(layout.x(0.6) * 2), y: y)
        #expect(atRoot.red < 100, "\(atRoot)")
        #expect(before.red > 200, "\(before)")
    }

    @Test func sameTreeGivesSameBytes() throws {
        #expect(try Self.tree.render().bytes == Self.tree.render().bytes)
        #expect(try Self.tree.render(as: .svg).bytes == Self.tree.render(as: .svg).bytes)
    }
}
