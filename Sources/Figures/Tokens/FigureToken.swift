import Foundation

/// One token of a prose sentence or a table cell, with its byte range in the note.
///
/// Figures are bound to their subjects from tokens, never from the raw shape of the text: a ticker is a
/// ticker because the run knows it (a price file, the note's group), a number keeps the form it was written
/// in so that a refresh writes it back the same way.
public struct FigureToken: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A ticker the run knows (`HUT`, `BTC-USD`, `BRK.B`), matched longest first.
        case ticker(String)
        /// A ticker-shaped word the run does not know (`XYZ`, `AI`): a ticker only where a pair is written.
        case unknownTicker(String)
        case number(NumberForm, value: Double)
        /// A word, lowercased; `corr.` is the word `corr` followed by `.`.
        case word(String)
        /// A wiki-link's target (`[[DC REITs]]` → `DC REITs`).
        case link(String)
        /// One punctuation mark: `( ) , ; : = / & . ! ?` and the dashes `-` `–` `—`.
        case punctuation(String)
    }

    public var kind: Kind
    public var range: Range<Int>

    public init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    public var ticker: String? {
        switch kind {
        case .ticker(let t), .unknownTicker(let t): return t
        default: return nil
        }
    }

    public var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }

    public var number: (form: NumberForm, value: Double)? {
        if case .number(let form, let value) = kind { return (form, value) }
        return nil
    }

    public func isPunctuation(_ mark: String) -> Bool {
        kind == .punctuation(mark)
    }

    /// `ticker HUT 0..<3`, `number 0.70/2 30..<34`, for test dumps.
    public var description: String {
        let span = "\(range.lowerBound)..<\(range.upperBound)"
        switch kind {
        case .ticker(let t): return "ticker \(t) \(span)"
        case .unknownTicker(let t): return "unknown \(t) \(span)"
        case .number(let form, let value): return "number \(form.format(value))/\(form.decimals) \(span)"
        case .word(let w): return "word \(w)"
        case .link(let target): return "link \(target)"
        case .punctuation(let p): return p
        }
    }
}

/// How a number was written, so that a new value is written the same way.
public struct NumberForm: Sendable, Equatable {
    /// Digits after the decimal mark.
    public var decimals: Int
    /// `0.50` rather than `.50`.
    public var leadingZero = true
    /// `50%`: the value is a hundredth of what is written.
    public var percent = false
    /// `0,50`: a decimal comma.
    public var decimalComma = false
    /// `−0.10` with U+2212 rather than `-`.
    public var unicodeMinus = false

    public init(
        decimals: Int, leadingZero: Bool = true, percent: Bool = false, decimalComma: Bool = false,
        unicodeMinus: Bool = false
    ) {
        self.decimals = decimals
        self.leadingZero = leadingZero
        self.percent = percent
        self.decimalComma = decimalComma
        self.unicodeMinus = unicodeMinus
    }

    /// The value rounded to the written decimals: what a reader sees, and what labels are chosen from.
    public func rounded(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let shown = Double(formatted(percent ? value * 100 : value, decimals)) ?? value
        return percent ? shown / 100 : shown
    }

    /// `value` written in this form; never `-0.00`; `n/a` when it is not finite.
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let shown = percent ? value * 100 : value
        var text = formatted(shown, decimals)
        var negative = false
        if text.hasPrefix("-") {
            text.removeFirst()
            negative = !text.allSatisfy { $0 == "0" || $0 == "." }
        }
        if !leadingZero, text.hasPrefix("0."), decimals > 0 { text.removeFirst() }
        if decimalComma { text = text.replacingOccurrences(of: ".", with: ",") }
        if negative { text = (unicodeMinus ? "\u{2212}" : "-") + text }
        return percent ? text + "%" : text
    }

    /// printf's rounding of the exact binary value, as the figures were always written.
    private func formatted(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
