import Foundation

/// Wall-clock time per stage of a run, for `--timing`.
///
/// Stages are named by the caller ("scan", "parse", "matrix", …) and printed in the order they were first
/// recorded; the same name recorded twice adds up.
public struct StageTimes: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []

    public init() {}

    /// Runs `body`, adds its wall time to `name` and returns its result.
    public mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = Self.now
        defer { record(name, since: start) }
        return try body()
    }

    /// Adds `seconds` to the stage `name`.
    public mutating func record(_ name: String, seconds: Double) {
        if let index = stages.firstIndex(where: { $0.name == name }) {
            stages[index].seconds += seconds
        } else {
            stages.append((name, seconds))
        }
    }

    /// A point in time to pass to `record(_:since:)`.
    public static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Adds the time from `start` (a `StageTimes.now`) until now to the stage `name`.
    public mutating func record(_ name: String, since start: UInt64) {
        record(name, seconds: Double(Self.now - start) / 1e9)
    }

    /// Adds every stage of `other`, after this one's.
    public mutating func append(_ other: StageTimes) {
        for stage in other.stages { record(stage.name, seconds: stage.seconds) }
    }

    /// `timing: read 0.412 s, matrix 0.088 s, total 0.500 s` (seconds to the millisecond).
    public var line: String {
        let total = stages.reduce(0) { $0 + $1.seconds }
        let parts = stages.map { "\($0.name) \(Self.seconds($0.seconds))" } + ["total \(Self.seconds(total))"]
        return "timing: " + parts.joined(separator: ", ")
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }
}
