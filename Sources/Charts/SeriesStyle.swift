/// The colour and dash pattern of the `index`-th series of a line chart.
///
/// Colours follow Okabe and Ito's palette, chosen because it stays distinguishable under the common forms of
/// colour blindness. After eight series the colours repeat with a dash pattern, so the ninth line is still
/// told apart from the first by shape rather than by colour alone.
struct SeriesStyle: Sendable, Equatable {
    var color: ChartColor
    /// Dash lengths in points; empty for a solid line.
    var dash: [Double]

    static let palette: [ChartColor] = [
        0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0x000000,
    ].map(ChartColor.init(hex:))

    static let dashes: [[Double]] = [[], [6, 3], [1.5, 2.5], [8, 3, 1.5, 3]]

    init(index: Int) {
        color = SeriesStyle.palette[index % SeriesStyle.palette.count]
        dash = SeriesStyle.dashes[(index / SeriesStyle.palette.count) % SeriesStyle.dashes.count]
    }
}
