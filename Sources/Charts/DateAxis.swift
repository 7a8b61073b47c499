import Correlation

/// Ticks for a time axis on calendar boundaries: days, Mondays, months, quarters or years.
///
/// The finest spacing whose labels do not overlap is chosen, so a month of data gets daily or weekly ticks
/// and two years get quarters; month and year ticks always fall on the first of a month, which is where a
/// reader expects "Jul 2024" to be.
struct DateAxis: Sendable, Equatable {
    struct Tick: Sendable, Equatable {
        var day: Int
        var label: String
    }

    let ticks: [Tick]

    private enum Spacing: Equatable {
        case days(Int)
        case months(Int)
    }

    private static let spacings: [Spacing] = [
        .days(1), .days(2), .days(7), .days(14), .months(1), .months(2), .months(3), .months(6), .months(12),
        .months(24), .months(60), .months(120), .months(240), .months(600),
    ]

    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Ticks between `first` and `last` (days since 1970) for an axis `length` points long.
    ///
    /// - Parameter labelWidth: Measures a label in points, so spacing accounts for the real font.
    init(from first: Int, to last: Int, length: Double, labelWidth: (String) -> Double) {
        let pointsPerDay = length / Double(max(last - first, 1))
        var chosen: [Tick] = []
        for spacing in DateAxis.spacings {
            let ticks = DateAxis.ticks(spacing, from: first, to: last)
            chosen = ticks
            let widest = ticks.map { labelWidth($0.label) }.max() ?? 0
            let closest = zip(ticks, ticks.dropFirst()).map { $1.day - $0.day }.min() ?? Int.max
            if Double(closest) * pointsPerDay >= widest + 14 { break }
        }
        ticks = chosen
    }

    private static func ticks(_ spacing: Spacing, from first: Int, to last: Int) -> [Tick] {
        switch spacing {
        case .days(let step):
            // Weekly ticks fall on Mondays; 1970-01-05 was one.
            let anchor = step >= 7 ? 4 : 0
            let start = first + ((anchor - first) % step + step) % step
            return stride(from: start, through: last, by: step).map { day in
                let civil = Day(daysSince1970: day).civil
                return Tick(day: day, label: "\(monthNames[civil.month - 1]) \(civil.day)")
            }
        case .months(let step):
            let civil = Day(daysSince1970: first).civil
            var index = civil.year * 12 + civil.month - 1
            if civil.day > 1 { index += 1 }
            index = (index + step - 1) / step * step
            var ticks: [Tick] = []
            while let day = Day(year: index / 12, month: index % 12 + 1, day: 1), day.daysSince1970 <= last {
                let label = step >= 12 ? "\(index / 12)" : "\(monthNames[index % 12]) \(index / 12)"
                ticks.append(Tick(day: day.daysSince1970, label: label))
                index += step
            }
            return ticks
        }
    }
}
