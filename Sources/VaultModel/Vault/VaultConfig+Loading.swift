import Foundation
import VaultFiles
import Yams

/// A config file that cannot be used; the run stops before touching any note.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}

extension VaultConfig {
    /// Reads `.vaultgen.yml` from the vault root; a vault without one gets the defaults.
    public static func load(vaultRoot: URL) throws(ConfigError) -> VaultConfig {
        let url = vaultRoot.appendingPathComponent(fileName)
        let bytes: [UInt8]
        // Read as every vault file is (`VaultFile`): a folder or a named pipe there is named as such.
        do { bytes = try VaultFile.read(fileName, in: vaultRoot) } catch {
            if case .missing = error { return VaultConfig() }
            throw ConfigError(file: url.path, line: 1, message: error.reason)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(file: url.path, line: 1, message: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: url.path)
    }

    /// Parses the text of a config file.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> VaultConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            throw ConfigError(file: file, line: error.line, message: "not valid YAML: \(error.summary)")
        } catch {
            throw ConfigError(file: file, line: 1, message: "not valid YAML: \(error)")
        }
        var config = VaultConfig()
        guard let root else { return config }
        let reader = ConfigReader(file: file)
        let top = try reader.mapping(root, at: "the file")
        for (key, value) in top {
            switch key.name {
            case "exclude": config.exclude = try reader.strings(value, at: key)
            case "prices":
                let folder = try reader.string(value, at: key)
                // Paths in the config stay inside the vault: no absolute paths, no climbing out with `..`.
                guard !folder.hasPrefix("/"), let inside = VaultPath.normalize(folder), !inside.isEmpty else {
                    throw reader.error(key.line, "prices must be a folder inside the vault, not '\(folder)'")
                }
                config.prices = inside
            case "check": try readCheck(value, key: key, into: &config.check, reader)
            case "correlation": try readCorrelation(value, key: key, into: &config.correlation, reader)
            case "labels": try readLabels(value, key: key, into: &config.labels, reader)
            case "update": try readUpdate(value, key: key, into: &config.update, reader)
            case "fetch": try readFetch(value, key: key, into: &config.fetch, reader)
            default: throw reader.unknown(key)
            }
        }
        return config
    }

    private static func readCheck(
        _ node: Node, key: ConfigReader.Key, into check: inout CheckSettings, _ reader: ConfigReader
    ) throws(ConfigError) {
        for (sub, value) in try reader.mapping(node, at: key.name) {
            switch sub.name {
            case "severity":
                for (kindKey, level) in try reader.mapping(value, at: "check.severity") {
                    guard let kind = FindingKind(rawValue: kindKey.name) else {
                        let known = FindingKind.allCases.map(\.rawValue).joined(separator: ", ")
                        throw reader.error(kindKey.line, "unknown finding kind '\(kindKey.name)' (known: \(known))")
                    }
                    let text = try reader.string(level, at: kindKey)
                    guard let severity = Severity(rawValue: text) else {
                        throw reader.error(kindKey.line, "severity must be error, warning or off, not '\(text)'")
                    }
                    check.severity[kind] = severity
                }
            case "ignore-targets": check.ignoreTargets = try reader.strings(value, at: sub)
            case "ignore-orphans": check.ignoreOrphans = try reader.strings(value, at: sub)
            default: throw reader.unknown(sub, in: "check")
            }
        }
    }

    private static func readCorrelation(
        _ node: Node, key: ConfigReader.Key, into settings: inout CorrelationSettings, _ reader: ConfigReader
    ) throws(ConfigError) {
        for (sub, value) in try reader.mapping(node, at: key.name) {
            switch sub.name {
            case "min-overlap":
                guard let number = Int(try reader.string(value, at: sub)), number >= 2 else {
                    throw reader.error(sub.line, "min-overlap must be a whole number of at least 2")
                }
                settings.minOverlap = number
            case "returns":
                settings.returns = try reader.choice(value, at: sub, among: ["simple", "log"])
            case "method":
                settings.method = try reader.choice(value, at: sub, among: ["pearson", "spearman"])
            case "rolling":
                guard let number = Int(try reader.string(value, at: sub)), number >= 2 else {
                    throw reader.error(sub.line, "rolling must be a whole number of days of at least 2")
                }
                settings.rolling = number
            default: throw reader.unknown(sub, in: "correlation")
            }
        }
    }

    private static func readLabels(
        _ node: Node, key: ConfigReader.Key, into labels: inout LabelSettings, _ reader: ConfigReader
    ) throws(ConfigError) {
        for (sub, value) in try reader.mapping(node, at: key.name) {
            if sub.name == "trend" {
                labels.trend = try readTrend(value, key: sub, reader)
                continue
            }
            var thresholds: [Threshold] = []
            for (label, minimum) in try reader.mapping(value, at: sub.name) {
                guard let number = Double(try reader.string(minimum, at: label)), (-1...1).contains(number) else {
                    throw reader.error(label.line, "the lowest value for '\(label.name)' must be a number from -1 to 1")
                }
                thresholds.append(Threshold(label: label.name, minimum: number))
            }
            switch sub.name {
            case "correlation": labels.correlation = thresholds
            case "clusters": labels.clusters = thresholds
            default: throw reader.unknown(sub, in: "labels")
            }
        }
    }

    /// `trend: {rising: 0.05, falling: -0.05}`: the change from which a rolling average is rising (falling).
    private static func readTrend(
        _ node: Node, key: ConfigReader.Key, _ reader: ConfigReader
    ) throws(ConfigError) -> TrendThresholds {
        var trend = TrendThresholds()
        for (word, threshold) in try reader.mapping(node, at: "labels.trend") {
            guard let number = Double(try reader.string(threshold, at: word)), number.isFinite else {
                throw reader.error(word.line, "the change for '\(word.name)' must be a number")
            }
            switch word.name {
            case "rising": trend.rising = number
            case "falling": trend.falling = number
            default: throw reader.error(word.line, "unknown trend '\(word.name)' in 'labels.trend' (rising, falling)")
            }
        }
        guard trend.falling < trend.rising else {
            throw reader.error(
                key.line, "labels.trend: falling (\(trend.falling)) must be below rising (\(trend.rising))")
        }
        return trend
    }

    private static func readUpdate(
        _ node: Node, key: ConfigReader.Key, into update: inout UpdateSettings, _ reader: ConfigReader
    ) throws(ConfigError) {
        for (sub, value) in try reader.mapping(node, at: key.name) {
            switch sub.name {
            case "related-heading": update.relatedHeading = try reader.string(value, at: sub)
            case "backlinks-heading": update.backlinksHeading = try reader.string(value, at: sub)
            case "backlinks-for": update.backlinksFor = try reader.strings(value, at: sub)
            case "sector-notes": update.sectorNotes = try reader.strings(value, at: sub)
            case "exclude": update.exclude = try reader.strings(value, at: sub)
            case "backlinks":
                update.backlinks = try reader.choice(value, at: sub, among: ["true", "false"]) == "true"
            default: throw reader.unknown(sub, in: "update")
            }
        }
    }

    private static func readFetch(
        _ node: Node, key: ConfigReader.Key, into fetch: inout FetchSettings, _ reader: ConfigReader
    ) throws(ConfigError) {
        for (sub, value) in try reader.mapping(node, at: key.name) {
            switch sub.name {
            case "provider": fetch.provider = try reader.choice(value, at: sub, among: ["stooq", "yahoo"])
            case "base-url": fetch.baseURL = try reader.string(value, at: sub)
            case "tickers": fetch.tickers = try reader.strings(value, at: sub)
            // Bounded above as well: 1e16 seconds overflows a deadline, 1e300 retries an Int.
            case "timeout": fetch.timeout = try reader.number(value, at: sub, in: 0.1...3600, unit: "seconds")
            case "retries": fetch.retries = try reader.wholeNumber(value, at: sub, in: 0...100)
            case "rate": fetch.rate = try reader.number(value, at: sub, in: 0.01...1000, unit: "requests per second")
            case "key-env": fetch.keyEnvironment = try reader.string(value, at: sub)
            default: throw reader.unknown(sub, in: "fetch")
            }
        }
    }
}

/// Reads typed values out of YAML nodes, with errors that name the file and line.
private struct ConfigReader {
    struct Key {
        var name: String
        var line: Int
    }

    let file: String

    func error(_ line: Int, _ message: String) -> ConfigError {
        ConfigError(file: file, line: line, message: message)
    }

    func unknown(_ key: Key, in section: String? = nil) -> ConfigError {
        let place = section.map { " in '\($0)'" } ?? ""
        return error(key.line, "unknown key '\(key.name)'\(place); see docs/configuration.md")
    }

    func mapping(_ node: Node, at place: String) throws(ConfigError) -> [(Key, Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node.mark?.line ?? 1, "\(place) must be a mapping of keys")
        }
        return mapping.map { (Key(name: $0.key.scalar?.string ?? "", line: $0.key.mark?.line ?? 1), $0.value) }
    }

    func string(_ node: Node, at key: Key) throws(ConfigError) -> String {
        guard let scalar = node.scalar else { throw error(key.line, "'\(key.name)' must be a single value") }
        return scalar.string
    }

    func strings(_ node: Node, at key: Key) throws(ConfigError) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw error(key.line, "'\(key.name)' must be a list") }
        var out: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else { throw error(key.line, "'\(key.name)' must be a list of text") }
            out.append(scalar.string)
        }
        return out
    }

    /// A number within `range` (so never NaN or infinite), e.g. `'timeout' must be a number of seconds from …`.
    func number(_ node: Node, at key: Key, in range: ClosedRange<Double>, unit: String) throws(ConfigError) -> Double {
        guard let value = Double(try string(node, at: key)), range.contains(value) else {
            let bounds = "from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))"
            throw error(key.line, "'\(key.name)' must be a number of \(unit) \(bounds)")
        }
        return value
    }

    /// A whole number within `range`; `2.5` and `1e300` are refused, never converted.
    func wholeNumber(_ node: Node, at key: Key, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        let text = try string(node, at: key)
        guard let value = Double(text), value == value.rounded(), value >= Double(range.lowerBound),
            value <= Double(range.upperBound)
        else {
            let bounds = "from \(range.lowerBound) to \(range.upperBound)"
            throw error(key.line, "'\(key.name)' must be a whole number \(bounds)")
        }
        return Int(value)
    }

    /// `0.1`, `3600` (not `3600.0`).
    private static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : "\(value)"
    }

    func choice(_ node: Node, at key: Key, among choices: [String]) throws(ConfigError) -> String {
        let value = try string(node, at: key)
        guard choices.contains(value) else {
            throw error(key.line, "'\(key.name)' must be one of \(choices.joined(separator: ", ")), not '\(value)'")
        }
        return value
    }
}
