import VaultModel

/// A chart a sector note embeds that vaultgen draws, recognised by the embedded file's name.
///
/// `![[<anything>-sector-chart.png]]` (or `.svg`) is the group's prices rebased to 100;
/// `![[<anything>-correlation-heatmap.png]]` (or `.svg`) is the group's correlation matrix;
/// `![[<anything>-rolling-correlation.png]]` (or `.svg`) its rolling average correlation. Any other embed is the
/// user's and never drawn over. A sector map note's `![[<anything>-sector-map-heatmap.png]]` and
/// `![[<anything>-sector-dendrogram.png]]` are the map's (see `SectorMapPlanner`); a sector note leaves them.
public struct ChartEmbed: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case sectorChart = "sector chart"
        case heatMap = "correlation heat map"
        case rollingCorrelation = "rolling correlation chart"

        case sectorMapHeatMap = "sector map heat map"
        case sectorDendrogram = "sector dendrogram"

        /// Whether a sector map note draws it, rather than a sector note.
        public var isSectorMap: Bool { self == .sectorMapHeatMap || self == .sectorDendrogram }
    }

    public var kind: Kind
    /// The embed's target as written (`crypto-to-ai-sector-chart.png`).
    public var target: String
    public var isSVG: Bool
    public var line: Int

    /// The chart embeds of a note.
    public static func find(in note: Note) -> [ChartEmbed] {
        note.links.compactMap { link in
            // A property's `![[…]]` (a banner) is not an embed in the note's text.
            guard link.isEmbed, link.property == nil else { return nil }
            let name = VaultPath.fileName(of: link.target).lowercased()
            let isSVG = name.hasSuffix(".svg")
            guard isSVG || name.hasSuffix(".png") else { return nil }
            let stem = name.dropLast(4)
            let kind: Kind
            if stem.hasSuffix("-sector-chart") {
                kind = .sectorChart
            } else if stem.hasSuffix("-correlation-heatmap") {
                kind = .heatMap
            } else if stem.hasSuffix("-rolling-correlation") {
                kind = .rollingCorrelation
            } else if stem.hasSuffix("-sector-map-heatmap") {
                kind = .sectorMapHeatMap
            } else if stem.hasSuffix("-sector-dendrogram") {
                kind = .sectorDendrogram
            } else {
                return nil
            }
            return ChartEmbed(kind: kind, target: link.target, isSVG: isSVG, line: link.position.line)
        }
    }
}
