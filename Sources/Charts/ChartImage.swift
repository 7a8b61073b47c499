/// A rendered chart: the bytes of a PNG or SVG file, ready to be written next to the note that embeds it.
public struct ChartImage: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        /// A raster image at two pixels per point, so it stays sharp when Obsidian shows it ~700 px wide.
        case png
        /// A vector image sized in points (one point per logical unit).
        case svg

        /// The file extension, without the dot.
        public var fileExtension: String { rawValue }
    }

    public let format: Format
    public let bytes: [UInt8]

    public init(format: Format, bytes: [UInt8]) {
        self.format = format
        self.bytes = bytes
    }
}
