import Foundation

/// A value axis with "nice" ticks: steps of 1, 2, 2.5 or 5 times a power of ten, ends on ticks.
///
/// Round steps make grid lines easy to read off; the step is the smallest nice one that needs no more than
/// the target number of intervals, so the axis uses the plot's height without crowding labels.
struct ValueAxis: Sendable, Equatable {
    let lower: Double
    let upper: Double
    let step: Double
    /// Digits after the decimal point every label needs to tell neighbouring ticks apart.
    let decimals: Int

    /// An axis covering `low...high` with about `intervals` steps.
    init(covering low: Double, _ high: Double, intervals: Int) {
        var low = low
        var high = high
        if low == high {
            // A flat line still needs a scale around it: ±10 % of the value, or ±1 around zero.
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let rough = (high - low) / Double(max(intervals, 1))
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let multiplier = [1, 2, 2.5, 5, 10].first { $0 * magnitude >= rough * (1 - 1e-9) } ?? 10
        step = multiplier * magnitude
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
        // 2.5 × 10^k needs one digit more than its power of ten when the step is below 10 (0.25, 2.5).
        let stepDecimals = max(0, -Int(log10(step).rounded(.down)))
        let scaledStep = step * pow(10, Double(stepDecimals))
        decimals = abs(scaledStep - scaledStep.rounded()) > 1e-6 ? stepDecimals + 1 : stepDecimals
    }

    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    /// `value` with the axis' decimals, thousands grouped by commas and a true minus sign.
    func label(_ value: Double) -> String {
        let scale = pow(10, Double(decimals))
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var text = String(whole).groupedByThousands
        if decimals > 0 {
            let fraction = String(Int(scaled) % Int(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return value < 0 && scaled != 0 ? "\u{2212}" + text : text
    }
}

extension String {
    fileprivate var groupedByThousands: String {
        var result = ""
        for (index, character) in reversed().enumerated() {
            if index > 0 && index % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }
}
