import Correlation
import Fetch
import Figures
import Foundation
import Refresh
import VaultModel

#if !FUZZING
    import TestSupport
    import Testing
#endif

/// What every fuzz input goes through (issue 7), shared with the libFuzzer targets in `Fuzz/`: the fuzz package
/// compiles this file as its `FuzzChecks` module (`Fuzz/Sources/FuzzChecks/FuzzChecks.swift` links here), with
/// `FUZZING` set.
///
/// Each check runs the public calls on the input and returns what is wrong with their results (empty when
/// all is well); a crash in the calls is the other kind of failure. The fuzzers abort on a non-empty result,
/// so libFuzzer saves the input; the test below replays every saved input from `Fuzz/Regressions/`.
public enum FuzzChecks {
    /// Problems the fuzzers found that are reported but not fixed yet, by a fragment of their message: the
    /// fuzzers skip them so they can look for others. None today. The replay below does not skip them: an input
    /// that shows one fails `make test` until it is fixed, since an input whose problem is let pass guards
    /// nothing.
    public static let knownIssues: [String] = []

    /// `problems` without the known issues.
    public static func new(_ problems: [String]) -> [String] {
        problems.filter { problem in !knownIssues.contains { problem.contains($0) } }
    }

    // MARK: Note parser

    /// The note parser on raw bytes (invalid UTF-8 included) and on the text a file would give, then the link
    /// checker on a vault holding the note and a note linking to it.
    public static func note(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let raw = SourceText(bytes: bytes)
        problems += check(NoteParser.parse(raw, path: "a.md"), in: raw, as: "raw bytes")
        let text = String(decoding: bytes, as: UTF8.self)
        let source = SourceText(text)
        problems += check(NoteParser.parse(text, path: "a.md"), in: source, as: "text")

        let result = LinkChecker(vault: Vault(texts: ["a.md": text, "b.md": "[[a]]"])).check()
        for finding in result.findings where finding.path == "a.md" {
            if finding.line < 1 || finding.line > source.lineCount || finding.column < 1 {
                problems.append("finding at \(finding.line):\(finding.column) outside the note: \(finding.message)")
            }
        }
        for format in CheckReport.Format.allCases { _ = CheckReport.render(result, format: format, vault: "/vault") }
        return problems
    }

    /// Links, headings, block ids and blocks of a parsed note lie inside its text.
    static func check(_ note: Note, in source: SourceText, as how: String) -> [String] {
        var problems: [String] = []
        let size = source.bytes.count
        func inside(_ range: Range<Int>) -> Bool { range.lowerBound >= 0 && range.upperBound <= size }
        for link in note.links {
            guard inside(link.byteRange) else {
                problems.append("\(how): link \(link.raw) at bytes \(link.byteRange) outside 0..<\(size)")
                continue
            }
            if source.position(of: link.byteRange.lowerBound) != link.position {
                problems.append("\(how): link \(link.raw) at \(link.position), its bytes start elsewhere")
            }
        }
        for heading in note.headings where !inside(heading.byteRange) || heading.line < 1 {
            problems.append("\(how): heading at line \(heading.line), bytes \(heading.byteRange) outside the note")
        }
        for id in note.blockIDs where id.line < 1 || id.line > source.lineCount {
            problems.append("\(how): block id ^\(id.id) on line \(id.line) outside the note")
        }
        for block in note.blocks where block.startLine < 1 || block.endLine < block.startLine {
            problems.append("\(how): \(block.kind) block on lines \(block.startLine)-\(block.endLine)")
        }
        return problems
    }

    // MARK: Table recogniser and sector notes

    /// The table reader on every paragraph of the note, then the note as a sector note in a small vault:
    /// recognised, its figures computed from synthetic prices, its edits made and spliced, as `update` does
    /// (without drawing charts).
    public static func table(_ bytes: [UInt8], templates: TemplateSet) -> [String] {
        var problems: [String] = []
        let raw = SourceText(bytes: bytes)
        let note = NoteParser.parse(raw, path: "Sectors/Fuzz.md")
        for block in note.blocks where block.kind == .paragraph {
            guard let table = MarkdownTable.read(block, in: raw) else { continue }
            problems += check(table, block: block, in: raw)
        }

        let text = String(decoding: bytes, as: UTF8.self)
        let texts = companions.merging(["Sectors/Fuzz.md": text]) { _, new in new }
        let vault = Vault(texts: texts)
        let sources = vault.notes.map { SourceText(texts[$0.path] ?? "") }
        let updater = VaultUpdater(vault: vault, sources: sources, templates: templates)
        _ = updater.tickersNeeded()
        let editor = FigureEditor(templates: templates, labels: vault.config.labels)
        for sector in updater.sectorNotes() {
            let source = sources[sector.index]
            for range in ranges(of: sector) where range.lowerBound < 0 || range.upperBound > source.bytes.count {
                problems.append("\(sector.path): a figure owns bytes \(range) outside 0..<\(source.bytes.count)")
            }
            var peers: [String: Result<[String], SectorFigures.PeerProblem>] = [:]
            for figure in sector.figures {
                if case .cross(let peer) = figure.subject { peers[peer] = updater.peerTickers(peer, from: sector.path) }
            }
            var options = CorrelationOptions(minOverlap: 2)
            (options.since, options.until) = sector.window.bounds(end: nil)
            var tickers = sector.tickers
            for case .success(let more) in peers.values { tickers += more }
            let figures = SectorFigures(sector: sector, peers: peers, prices: prices(for: tickers), options: options)
            let edits = editor.edit(sector, figures: figures, source: source).edits
            for edit in edits where edit.range.lowerBound < 0 || edit.range.upperBound > source.bytes.count {
                problems.append("\(sector.path): edit of \(edit.figure) at bytes \(edit.range) outside the note")
            }
            guard problems.isEmpty else { continue }
            do {
                let updated = try Splice.apply(edits, to: source.bytes)
                if String(validating: updated, as: UTF8.self) == nil {
                    problems.append("\(sector.path): the refreshed note is not valid UTF-8")
                }
            } catch {
                problems.append("\(sector.path): edits of \(error.first.figure) and \(error.second.figure) overlap")
            }
        }
        return problems
    }

    /// Notes the fuzzed note may link to: companies with a ticker, and a peer group.
    static let companions = [
        "Companies/Hut 8.md": "---\nticker: HUT\n---\n# Hut 8\n",
        "Companies/IREN.md": "---\nticker: IREN\n---\n# IREN\n",
        "Companies/Core Scientific.md": "---\nticker: CORZ\n---\n# Core Scientific\n",
        "Sectors/DC REITs.md": "---\ntickers: [EQIX, DLR]\n---\n# DC REITs\n\n| Ticker |\n|---|\n| EQIX |\n| DLR |\n",
    ]

    /// A table's rows and cells lie inside its paragraph and the text.
    static func check(_ table: MarkdownTable, block: MarkdownBlock, in source: SourceText) -> [String] {
        var problems: [String] = []
        let size = source.bytes.count
        if table.header.cells.count != table.delimiter.cells.count {
            problems.append("table on line \(table.header.line): header and delimiter differ in cell count")
        }
        for row in [table.header, table.delimiter] + table.rows {
            if row.line < block.startLine || row.line > block.endLine || row.range.lowerBound < 0
                || row.range.upperBound > size
            {
                problems.append("table row on line \(row.line), bytes \(row.range), outside its paragraph")
                continue
            }
            for cell in row.cells
            where cell.range.lowerBound < row.range.lowerBound || cell.range.upperBound > row.range.upperBound {
                problems.append("cell \(cell.text) at bytes \(cell.range) outside its row \(row.range)")
            }
        }
        let body = table.bodyRange
        if body.lowerBound < 0 || body.upperBound > size { problems.append("table body \(body) outside the note") }
        _ = table.isAligned
        return problems
    }

    /// Every byte range a sector note's figures own.
    static func ranges(of sector: SectorNote) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for figure in sector.figures {
            ranges += figure.numbers.map(\.range)
            for names in figure.names { ranges += [names.first, names.second] }
            if let label = figure.label { ranges.append(label.range) }
        }
        for table in sector.pairTables { ranges += [table.body] + table.rows.map(\.number.range) }
        return ranges
    }

    /// Synthetic daily closes for up to 16 tickers (the rest have no prices), the same for a name every run.
    static func prices(for tickers: [String]) -> [String: Result<PriceSeries, PriceProblem>] {
        var out: [String: Result<PriceSeries, PriceProblem>] = [:]
        for ticker in tickers.prefix(16) where out[ticker] == nil {
            // FNV-1a of the name: the same walk for a ticker in every process.
            let seed = ticker.utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
            out[ticker] = .success(series(ticker, seed: seed))
        }
        return out
    }

    /// 400 days of closes from 2024-01-01, a random walk made from `seed`.
    static func series(_ ticker: String, seed: UInt64) -> PriceSeries {
        var state = seed | 1
        var close = 100.0
        var closes: [Double] = []
        for _ in 0..<400 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            close *= 1 + (Double(state >> 11) / Double(1 << 53) - 0.5) / 10
            closes.append(close)
        }
        let start = Day(year: 2024, month: 1, day: 1)!.daysSince1970
        return PriceSeries(ticker: ticker, days: (0..<400).map { Day(daysSince1970: start + $0) }, closes: closes)
    }

    // MARK: Price reader and correlation engine

    /// The price reader on the text a file would give; on success, the series correlated with a fixed one
    /// under several conventions, and the default convention compared with a plain two-pass Pearson.
    public static func prices(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let text = String(decoding: bytes, as: UTF8.self)
        let series: PriceSeries
        do {
            series = try PriceReader.parse(text, ticker: "FUZZ", file: "Prices/FUZZ.csv")
        } catch {
            if error.file != "Prices/FUZZ.csv" || error.line < 1 { problems.append("error \(error) names no place") }
            _ = error.description
            return problems
        }
        if series.days.isEmpty || series.days.count != series.closes.count {
            problems.append("a series of \(series.days.count) days and \(series.closes.count) closes")
        }
        for i in series.days.indices.dropFirst() where series.days[i - 1] >= series.days[i] {
            problems.append("days out of order at \(series.days[i])")
        }
        for close in series.closes where !(close.isFinite && close > 0) { problems.append("close \(close)") }

        let reference = self.series("REF", seed: 7)
        let input: [String: Result<PriceSeries, PriceProblem>] = ["FUZZ": .success(series), "REF": .success(reference)]
        let conventions = [
            CorrelationOptions(minOverlap: 2),
            CorrelationOptions(returns: .log, method: .spearman, minOverlap: 2),
            CorrelationOptions(alignment: .intersection, frequency: .weekly, minOverlap: 2),
            CorrelationOptions(since: Day.parseBound("2024-03"), until: Day.parseBound("2024-06-30"), minOverlap: 2),
        ]
        for options in conventions {
            let matrix = CorrelationEngine.matrix(input, tickers: ["FUZZ", "REF", "FUZZ"], options: options)
            let pair = matrix.pair("FUZZ", "REF")
            if let r = pair.r, !(r >= -1 && r <= 1) || pair.overlap < 2 {
                problems.append("r = \(r) over \(pair.overlap) periods with \(options)")
            }
            if let r = matrix.r("FUZZ", "FUZZ"), abs(r - 1) > 1e-9 { problems.append("FUZZ with itself: \(r)") }
            for format in CorrelationReport.Format.allCases {
                _ = CorrelationReport(matrix: matrix).render(format)
            }
        }
        let r = CorrelationEngine.matrix(input, tickers: ["FUZZ", "REF"], options: conventions[0]).r("FUZZ", "REF")
        switch pearson(series, reference) {
        case .nonFinite:
            if let r { problems.append("r = \(r) from returns that are not finite numbers") }
        case .value(let expected, let huge):
            if let r, abs(r - expected) > 1e-6 {
                let why = huge ? " (returns so large that their squares overflow)" : ""
                problems.append("r = \(r), a plain Pearson gives \(expected)\(why)")
            }
        case .undefined:
            break
        }
        return problems
    }

    // MARK: Provider answers

    /// The answer read as Stooq's CSV and as Yahoo's chart JSON (status 200, asked for `FUZZ`): bars come back
    /// sorted, one per day, every close and adjusted close a positive finite number; a failure's message
    /// quotes no more than a short piece of the answer.
    public static func providers(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        for provider in PriceProvider.allCases {
            do {
                let bars = try provider.bars(from: HTTPResponse(status: 200, body: bytes), ticker: "FUZZ")
                if bars.isEmpty { problems.append("\(provider): no bars and no failure") }
                for i in bars.indices.dropFirst() where bars[i - 1].day >= bars[i].day {
                    problems.append("\(provider): days out of order at \(bars[i].day)")
                }
                for bar in bars
                where !(bar.close.isFinite && bar.close > 0 && bar.adjustedClose.isFinite && bar.adjustedClose > 0) {
                    problems.append("\(provider): close \(bar.close), adjusted \(bar.adjustedClose) on \(bar.day)")
                }
            } catch {
                let message = error.description
                if message.utf8.count > 400 { problems.append("\(provider): a message of \(message.utf8.count) bytes") }
            }
        }
        return problems
    }

    enum Reference {
        /// A return on the common days is infinite (a close ratio overflows): the pair must be n/a.
        case nonFinite
        /// Pearson over the common days; `huge` when the returns are so large that their squares overflow.
        case value(Double, huge: Bool)
        /// Fewer than two common days, or returns (nearly) constant: n/a and any digits are both acceptable.
        case undefined
    }

    /// Pearson of simple returns between consecutive rows on the days both series have one, as pandas defines
    /// it, computed on deviations scaled by their largest so that no square overflows.
    static func pearson(_ a: PriceSeries, _ b: PriceSeries) -> Reference {
        func returns(_ s: PriceSeries) -> [Day: Double] {
            var out: [Day: Double] = [:]
            for i in s.days.indices.dropFirst() { out[s.days[i]] = s.closes[i] / s.closes[i - 1] - 1 }
            return out
        }
        let x = returns(a)
        let y = returns(b)
        let days = x.keys.filter { y[$0] != nil }.sorted()
        guard days.count >= 2 else { return .undefined }
        let xs = days.map { x[$0]! }
        let ys = days.map { y[$0]! }
        guard (xs + ys).allSatisfy(\.isFinite) else { return .nonFinite }
        let n = Double(days.count)
        func scaled(_ v: [Double]) -> (values: [Double], mean: Double, spread: Double) {
            let mean = v.reduce(0) { $0 + $1 / n }
            let spread = v.map { abs($0 - mean) }.max() ?? 0
            return (spread > 0 ? v.map { ($0 - mean) / spread } : v, mean, spread)
        }
        let (u, mx, sx) = scaled(xs)
        let (v, my, sy) = scaled(ys)
        // Near-constant returns: the engine may rightly call the pair n/a or differ in the last digits.
        guard sx > 1e-9 * abs(mx), sy > 1e-9 * abs(my), sx > 0, sy > 0 else { return .undefined }
        var suv = 0.0
        var suu = 0.0
        var svv = 0.0
        for (p, q) in zip(u, v) {
            suv += p * q
            suu += p * p
            svv += q * q
        }
        let r = suv / (suu * svv).squareRoot()
        return r.isFinite ? .value(r, huge: sx > 1e150 || sy > 1e150) : .undefined
    }
}

#if !FUZZING
    /// Every input committed under `Fuzz/Regressions/<target>/` (crashes the fuzzers found, and a few inputs
    /// picked from their corpora) goes through the fuzz target's checks without a crash or a problem.
    @Suite("Fuzz regressions: committed fuzz inputs give sane results")
    struct FuzzRegressionTests {
        static let folder = Repo.root.appendingPathComponent("Fuzz/Regressions")

        static func inputs(_ target: String) -> [String] {
            let path = folder.appendingPathComponent(target).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted()
        }

        static func bytes(_ target: String, _ name: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: folder.appendingPathComponent(target).appendingPathComponent(name)))
        }

        @Test func everyTargetHasInputs() {
            for target in ["note", "table", "prices", "providers"] {
                #expect(!Self.inputs(target).isEmpty, "Fuzz/Regressions/\(target)")
            }
        }

        /// No problem at all: a known issue (`FuzzChecks.knownIssues`) fails here too, until it is fixed.
        static func expectNone(_ problems: [String]) {
            #expect(problems == [])
        }

        @Test(arguments: inputs("note")) func note(_ name: String) throws {
            Self.expectNone(FuzzChecks.note(try Self.bytes("note", name)))
        }

        @Test(arguments: inputs("table")) func table(_ name: String) throws {
            let templates = try TemplateSet.load(folder: Repo.templates)
            Self.expectNone(FuzzChecks.table(try Self.bytes("table", name), templates: templates))
        }

        @Test(arguments: inputs("prices")) func prices(_ name: String) throws {
            Self.expectNone(FuzzChecks.prices(try Self.bytes("prices", name)))
        }

        @Test(arguments: inputs("providers")) func providers(_ name: String) throws {
            Self.expectNone(FuzzChecks.providers(try Self.bytes("providers", name)))
        }
    }
#endif
