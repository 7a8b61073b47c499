import Correlation
import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

/// The figures corpus: ways people write correlation figures, each with what a refresh must do.
///
/// `Tests/Fixtures/figures-corpus/cases.md` holds the cases; `prices/` their synthetic prices
/// (`make_prices.py`) and `reference.json` every pair's r computed by pandas (`reference.py`). An expected
/// note names values as placeholders (`{r:HUT|IREN}`, `{avg:HUT,IREN,WULF}`) that the test fills from
/// pandas' numbers, so nothing vaultgen computes is compared with itself.
@Suite("The figures corpus: refreshed by meaning, or left and reported")
struct FigureCorpusTests {
    static let folder = Repo.root.appendingPathComponent("Tests/Fixtures/figures-corpus")

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var window = "all"
        /// `figure`: a way of writing a figure that a reader finds unambiguous; `guard`: text that must not be
        /// rewritten (not a sector note, ambiguous, qualified, another window).
        var kind = "figure"
        var notes: [String: String] = [:]
        var expected: [String: String] = [:]
        var warnings: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("cases.md"), encoding: .utf8) else {
            return []
        }
        var out: [Case] = []
        var current: Case?
        var section: (kind: String, path: String)?
        var buffer: [String] = []
        func flush() {
            guard let s = section, current != nil else { return }
            let body = buffer.joined(separator: "\n") + "\n"
            switch s.kind {
            case "note": current!.notes[s.path] = body
            case "expect": current!.expected[s.path] = body
            default: current!.warnings = buffer.filter { !$0.isEmpty }
            }
            section = nil
            buffer = []
        }
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("### ") {
                flush()
                if let c = current { out.append(c) }
                current = Case(name: String(line.dropFirst(4)))
            } else if line.hasPrefix("~~~ ") {
                flush()
                let words = line.dropFirst(4).split(separator: " ", maxSplits: 1).map(String.init)
                section = (words[0], words.count > 1 ? words[1] : "S.md")
            } else if line == "~~~" {
                flush()
            } else if section != nil {
                buffer.append(line)
            } else if line.hasPrefix("window: ") {
                current?.window = String(line.dropFirst(8))
            } else if line.hasPrefix("kind: ") {
                current?.kind = String(line.dropFirst(6))
            }
        }
        flush()
        if let c = current { out.append(c) }
        return out
    }()

    static let reference: [String: [String: Double]] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("reference.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Double]]
        else { return [:] }
        return json
    }()

    static let prices: [String: Result<PriceSeries, PriceProblem>] = {
        let folder = PriceFolder(url: Self.folder.appendingPathComponent("prices"), displayName: "Prices")
        return folder.load(folder.availableTickers())
    }()

    @Test func theCorpusIsLargeAndMostFiguresAreRefreshed() throws {
        #expect(Self.cases.count >= 60)
        let figures = Self.cases.filter { $0.kind == "figure" }
        let refreshed = figures.filter { !$0.expected.isEmpty }
        // Done when: at least 80% of the ways of writing a figure are refreshed; the rest are reported.
        #expect(Double(refreshed.count) >= 0.8 * Double(figures.count), "\(refreshed.count) of \(figures.count)")
        #expect(Self.cases.contains { $0.kind == "guard" && $0.warnings.isEmpty })
    }

    @Test(arguments: cases)
    func refreshOrReport(_ c: Case) throws {
        let pairs = try #require(Self.reference[c.window], "no reference window \(c.window)")
        let first = try plan(c.notes, prices: Self.prices, config: .init())
        for (path, note) in c.notes.sorted(by: { $0.key < $1.key }) {
            let expected = try c.expected[path].map { try Self.fill($0, pairs) } ?? note
            #expect(first.text(path) == expected, "\(c.name): \(path)")
        }
        let warnings = first.plan.warnings.map(\.description)
        for wanted in c.warnings {
            #expect(warnings.contains { $0.contains(wanted) }, "\(c.name): no warning with '\(wanted)' in \(warnings)")
        }
        #expect(warnings.count == c.warnings.count, "\(c.name): \(warnings)")
        // A second run over what the first wrote changes nothing.
        var after: [String: String] = [:]
        for path in c.notes.keys { after[path] = first.text(path) }
        let second = try plan(after, prices: Self.prices, config: .init())
        #expect(second.plan.changes.map(\.path) == [], "\(c.name): a second run changes something")
    }

    /// Replaces `{r:A|B}`, `{avg:A,B,C}`, `{median:…}`, `{min:…}`, `{max:…}`, `{mean:T/A,B,C}`,
    /// `{rolling:60/A,B,C}` (the latest 60-day rolling average) and `{trend:60/A,B,C}` (its trend word) with
    /// pandas' values; `:3` after the key gives three decimals, `:.2` no leading zero, `:%1` a percentage, `:,2` a
    /// decimal comma.
    static func fill(_ text: String, _ pairs: [String: Double]) throws -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let inside = rest[rest.index(after: open)..<close].split(separator: ":").map(String.init)
            guard inside.count >= 2 else {
                out += rest[open...close]
                rest = rest[rest.index(after: close)...]
                continue
            }
            if inside[0].lowercased() == "trend" {
                out += try Self.trend(inside[1], capitalized: inside[0] == "Trend", pairs)
                rest = rest[rest.index(after: close)...]
                continue
            }
            let value = try Self.value(inside[0], inside[1], pairs)
            let format = inside.count > 2 ? inside[2] : "2"
            out += Self.format(value, format)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func r(_ a: String, _ b: String, _ pairs: [String: Double]) throws -> Double {
        let key = [a, b].sorted().joined(separator: "|")
        return try #require(pairs[key], "no reference pair \(key)")
    }

    /// `{trend:60/A,B}`: the word for pandas' change of the rolling average over its window, with the default
    /// thresholds (rising from +0.05, falling from -0.05); `{Trend:…}` capitalised.
    static func trend(_ argument: String, capitalized: Bool, _ pairs: [String: Double]) throws -> String {
        let change = try #require(pairs["change:\(argument)"], "no reference change \(argument)")
        let word = change >= 0.05 ? "rising" : change <= -0.05 ? "falling" : "steady"
        return capitalized ? word.prefix(1).uppercased() + word.dropFirst() : word
    }

    static func value(_ kind: String, _ argument: String, _ pairs: [String: Double]) throws -> Double {
        if kind == "rolling" {
            return try #require(pairs["rolling:\(argument)"], "no reference rolling average \(argument)")
        }
        if kind == "r" {
            let ab = argument.split(separator: "|").map(String.init)
            return try r(ab[0], ab[1], pairs)
        }
        if kind == "mean" {
            let parts = argument.split(separator: "/").map(String.init)
            let others = parts[1].split(separator: ",").map(String.init).filter { $0 != parts[0] }
            return try others.map { try r(parts[0], $0, pairs) }.reduce(0, +) / Double(others.count)
        }
        if kind.hasPrefix("cross") {
            let groups = argument.split(separator: "/").map { $0.split(separator: ",").map(String.init) }
            var values: [Double] = []
            for a in groups[0] { for b in groups[1] { values.append(try r(a, b, pairs)) } }
            return kind == "crossmin" ? values.min()! : values.max()!
        }
        let group = argument.split(separator: ",").map(String.init)
        var values: [Double] = []
        for i in group.indices {
            for j in group.indices where j > i { values.append(try r(group[i], group[j], pairs)) }
        }
        values.sort()
        switch kind {
        case "avg": return values.reduce(0, +) / Double(values.count)
        case "median":
            let mid = values.count / 2
            return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
        case "min": return values.first!
        case "max": return values.last!
        default: throw CorpusError.unknownPlaceholder(kind)
        }
    }

    enum CorpusError: Error { case unknownPlaceholder(String) }

    /// Formats as printf would, independently of vaultgen's number forms.
    static func format(_ value: Double, _ format: String) -> String {
        if format.hasPrefix("%") {
            return String(format: "%.\(Int(format.dropFirst())!)f", value * 100) + "%"
        }
        if format.hasPrefix(".") {
            let text = String(format: "%.\(Int(format.dropFirst())!)f", value)
            return text.hasPrefix("0.") ? String(text.dropFirst()) : text.replacingOccurrences(of: "-0.", with: "-.")
        }
        if format.hasPrefix(",") {
            return String(format: "%.\(Int(format.dropFirst())!)f", value).replacingOccurrences(of: ".", with: ",")
        }
        return String(format: "%.\(Int(format)!)f", value)
    }
}
