import Foundation

extension RollingCorrelation {
    /// The series as `vaultgen corr --rolling` prints it: tables round r to 2 decimals, csv and json keep it whole.
    ///
    /// Every format names its columns alike: `date`, `average` and `pairCount` (`Date`, `Average`, `Pair count` in
    /// markdown); the JSON report (schema `vaultgen.corr-rolling/1`) holds them as rows.
    ///
    /// - Parameters:
    ///   - title: The first line of the table and markdown forms, e.g. what was averaged over which dates.
    ///   - vault: The vault's absolute root, for the JSON report; nil when prices were read without a vault.
    public func render(_ format: CorrelationReport.Format, title: String, vault: String? = nil) -> String {
        switch format {
        case .table:
            var lines = [title, "", "date        average  pair count"]
            for (day, (value, count)) in zip(days, zip(values, pairCounts)) {
                let r = String(format: "%7.2f", value)
                lines.append(
                    "\(day.iso)  \(r)  \(String(repeating: " ", count: max(0, 10 - String(count).count)))\(count)")
            }
            return lines.joined(separator: "\n") + "\n"
        case .markdown:
            var lines = [title, "", "| Date | Average | Pair count |", "|---|---:|---:|"]
            for (day, (value, count)) in zip(days, zip(values, pairCounts)) {
                lines.append("| \(day.iso) | \(String(format: "%.2f", value)) | \(count) |")
            }
            return lines.joined(separator: "\n") + "\n"
        case .csv:
            var out = "date,average,pairCount\n"
            for (day, (value, count)) in zip(days, zip(values, pairCounts)) { out += "\(day.iso),\(value),\(count)\n" }
            return out
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let rows = zip(days, zip(values, pairCounts)).map {
                JSONRolling.Row(date: $0.0.iso, average: $0.1.0, pairCount: $0.1.1)
            }
            let report = JSONRolling(vault: vault, window: window, pairs: pairs, rows: rows)
            // Encoding plain values cannot fail; a failure here is a programming error.
            return String(decoding: try! encoder.encode(report), as: UTF8.self) + "\n"
        }
    }
}

/// The JSON shape of `vaultgen corr --rolling`; `vault` is null rather than missing.
private struct JSONRolling: Encodable {
    struct Row: Encodable {
        let date: String
        let average: Double
        let pairCount: Int
    }

    let schema = "vaultgen.corr-rolling/1"
    let vault: String?
    let window: Int
    let pairs: [[String]]
    let rows: [Row]

    enum Keys: String, CodingKey { case schema, vault, window, pairs, rows }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(vault, forKey: .vault)
        try container.encode(window, forKey: .window)
        try container.encode(pairs, forKey: .pairs)
        try container.encode(rows, forKey: .rows)
    }
}
