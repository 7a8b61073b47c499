/// Where the parts of a heat map go: label gutters, the square of cells and the colour legend.
///
/// The size of a cell decides everything else (label font, whether column labels must stand upright,
/// whether coefficients fit in the cells), so it is computed first and the canvas height follows from it.
struct HeatMapLayout: Sendable, Equatable {
    static let width = 700.0
    /// Large enough for "−0.53" at a readable size, small enough that four tickers do not fill a screen.
    static let largestCell = 90.0
    static let legendWidth = 64.0
    static let legendGap = 26.0
    /// Labels are cut to this many points so one long name cannot squeeze the cells.
    static let longestLabel = 150.0

    let height: Double
    let labelFont: Canvas.Font
    /// Whether column labels are turned upright because they are wider than a cell.
    let uprightColumnLabels: Bool
    let grid: Canvas.Rect
    let cell: Double
    let legend: Canvas.Rect
    /// The coefficient font, or nil when cells are too small to print legible numbers.
    let valueFont: Canvas.Font?

    /// Room under the grid for the names of its bands.
    static let bandNameHeight = 24.0

    init(labels: [String], top: Double, bandNames: Bool = false, measure: (String, Canvas.Font) -> Double) {
        let count = Double(max(labels.count, 1))
        let margin = Canvas.margin
        func widest(_ font: Canvas.Font) -> Double {
            min(Self.longestLabel, labels.map { measure($0, font) }.max() ?? 0)
        }
        // First guess with full-size labels, then size labels to the cell that guess gives.
        let firstGuess = min(
            Self.largestCell,
            (Self.width - 2 * margin - widest(Canvas.labelFont) - 8 - Self.legendGap - Self.legendWidth) / count)
        labelFont = Canvas.Font(size: min(11, max(7, firstGuess * 0.5)))
        let rowLabels = widest(labelFont) + 8
        let available = Self.width - 2 * margin - rowLabels - Self.legendGap - Self.legendWidth
        var cell = min(Self.largestCell, available / count)
        uprightColumnLabels = widest(labelFont) > cell - 6
        let columnLabels = uprightColumnLabels ? widest(labelFont) + 8 : labelFont.size + 8
        // Keep the picture within a 700×700 square: a long list of tickers shrinks the cells instead.
        let bottom = bandNames ? Self.bandNameHeight : 0
        cell = min(cell, (700 - top - columnLabels - margin - bottom) / count)
        self.cell = cell
        let side = cell * count
        let blockWidth = rowLabels + side + Self.legendGap + Self.legendWidth
        let left = ((Self.width - blockWidth) / 2).rounded() + rowLabels
        grid = Canvas.Rect(x: left, y: top + columnLabels, width: side, height: side)
        let legendHeight = min(max(side, 140), 240)
        legend = Canvas.Rect(x: grid.maxX + Self.legendGap, y: grid.y, width: 12, height: legendHeight)
        height = (max(grid.maxY + bottom, legend.maxY + 30) + margin).rounded(.up)
        // Size coefficients so the widest, "−0.00", leaves 3 pt either side; below 6.5 pt they are not legible.
        let valueSize = min(13, cell * 0.3, (cell - 6) / measure("\u{2212}0.00", Canvas.Font(size: 1)))
        valueFont = valueSize >= 6.5 ? Canvas.Font(size: valueSize) : nil
    }

    func cellRect(row: Int, column: Int) -> Canvas.Rect {
        Canvas.Rect(x: grid.x + Double(column) * cell, y: grid.y + Double(row) * cell, width: cell, height: cell)
    }
}
