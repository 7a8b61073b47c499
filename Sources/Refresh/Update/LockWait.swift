/// The `--wait` of `update` and `fetch`: how many seconds a run waits for another run's lock.
public enum LockWait {
    /// A day at most: a nightly job waiting longer has lost its night, and larger values overflow a deadline.
    public static let range: ClosedRange<Double> = 0...86_400

    /// Why `seconds` cannot be a wait (NaN, negative, infinite, more than a day), or nil when it can.
    public static func problem(_ seconds: Double) -> String? {
        range.contains(seconds) ? nil : "--wait must be a number of seconds from 0 to 86400, not \(seconds)"
    }
}
