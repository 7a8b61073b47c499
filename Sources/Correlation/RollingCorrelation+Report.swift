import Foundation

extension RollingCorrelation {
    /// The series as `vaultgen corr --rolling` prints it: tables round r to 2 decimals, csv and json keep it whole.
    ///
    /// - Parameter title: The first line of the table and markdown forms, e.g. what was averaged over which dates.
    public func render(_ format: CorrelationReport.Format, title: String) -> String {
        switch format {
        case .table:
            var lines = [title, "", "date        avg r  pairs"]
            for (day, (value, count)) in zip(days, zip(values, pairCounts)) {
                let r = String(format: "%5.2f", value)
                lines.append(
                    "\(day.iso)  \(r)  \(String(repeating: " ", count: max(0, 5 - String(count).count)))\(count)")
            }
            return lines.joined(separator: "\n") + "\n"
        case .markdown:
            var lines = [title, "", "| Date | Avg r | Pairs |", "|---|---:|---:|"]
            for (day, (value, count)) in zip(days, zip(values, pairCounts)) {
                lines.append("| \(day.iso) | \(String(format: "%.2f", value)) | \(count) |")
            }
            return lines.joined(separator: "\n") + "\n"
        case .csv:
            var out = "date,average,pairs\n"
            for (day, (value, count)) in zip(days, zip(values, pairCounts)) { out += "\(day.iso),\(value),\(count)\n" }
            return out
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let report = JSONRolling(
                window: window, pairs: pairs, days: days.map(\.iso), values: values, pairCounts: pairCounts)
            // Encoding plain values cannot fail; a failure here is a programming error.
            return String(decoding: try! encoder.encode(report), as: UTF8.self) + "\n"
        }
    }
}

/// The JSON shape of `vaultgen corr --rolling`.
private struct JSONRolling: Encodable {
    let window: Int
    let pairs: [[String]]
    let days: [String]
    let values: [Double]
    let pairCounts: [Int]
}
