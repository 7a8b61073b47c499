/// Maps a correlation in -1...1 to a colour: blue for negative, white at 0, red for positive.
///
/// The stops are ColorBrewer's RdBu, a diverging scheme that reads correctly for the common colour
/// blindnesses, with the centre set to pure white so an r near 0 looks like "nothing".
enum DivergingScale {
    /// Stops from r = -1 to r = +1 in steps of 0.2.
    static let stops: [ChartColor] = [
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xFFFFFF, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B,
        0x67001F,
    ].map(ChartColor.init(hex:))

    /// The colour of `r`, clamped to -1...1; NaN has no colour and gets the "missing" grey.
    static func color(_ r: Double) -> ChartColor {
        guard !r.isNaN else { return .missing }
        let position = (min(max(r, -1), 1) + 1) / 2 * Double(stops.count - 1)
        let lower = min(Int(position.rounded(.down)), stops.count - 2)
        return stops[lower].mixed(with: stops[lower + 1], position - Double(lower))
    }
}
