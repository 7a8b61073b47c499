/// Something the clustering says about the sectors that their notes may not.
public enum ClusterFinding: Sendable, Equatable, CustomStringConvertible {
    /// A ticker whose mean distance to another sector is below its mean distance to its own (silhouette < 0).
    case closerToOtherSector(ticker: String, sector: String, other: String, own: Double, nearest: Double)
    /// A sector whose tickers' mean silhouette is ≤ 0: on average they sit as close to other sectors.
    case weakSector(sector: String, silhouette: Double)
    /// Two sectors the tree does not separate: at no height are all of one in a cluster without the other's.
    case notDistinct(String, String)

    /// A short name for JSON: `closer-to-other-sector`, `weak-sector`, `not-distinct`.
    public var kind: String {
        switch self {
        case .closerToOtherSector: return "closer-to-other-sector"
        case .weakSector: return "weak-sector"
        case .notDistinct: return "not-distinct"
        }
    }

    /// The sectors the finding is about, the ticker's own first.
    public var sectors: [String] {
        switch self {
        case .closerToOtherSector(_, let sector, let other, _, _): return [sector, other]
        case .weakSector(let sector, _): return [sector]
        case .notDistinct(let a, let b): return [a, b]
        }
    }

    public var description: String {
        switch self {
        case .closerToOtherSector(let ticker, let sector, let other, let own, let nearest):
            return "\(ticker) is closer on average to \(other) than to its own sector \(sector): mean distance "
                + "\(Self.format(nearest)) against \(Self.format(own)) (mean r \(Self.format(1 - nearest)) against "
                + "\(Self.format(1 - own)))"
        case .weakSector(let sector, let silhouette):
            return "\(sector) is not a cluster: its mean silhouette is \(Self.format(silhouette)) (≤ 0), its tickers "
                + "sit on average as close to other sectors as to each other"
        case .notDistinct(let a, let b):
            return "\(a) and \(b) are not distinct: the tree does not separate their tickers at any height"
        }
    }

    /// Two decimals, as every report prints a correlation.
    static func format(_ value: Double) -> String {
        CorrelationReport.twoDecimals(value)
    }
}
