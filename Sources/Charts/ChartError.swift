/// Why a chart could not be drawn.
public enum ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cairo reported a failure (out of memory, a surface or stream error), with cairo's own words.
    case drawingFailed(reason: String)

    public var description: String {
        switch self {
        case .drawingFailed(let reason): return "cannot draw chart: \(reason)"
        }
    }
}
