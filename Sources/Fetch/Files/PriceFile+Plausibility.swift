import Correlation
import Foundation

extension PriceFile {
    /// Most of the file's days the provider's history may lack before a rewrite would lose rows: two, or one in
    /// a hundred (a holiday one source lists and the other does not).
    static func allowedMissingDays(fileRows: Int) -> Int { max(2, fileRows / 100) }

    /// Most days on which the ratio of new to old closes may change: three, or one in twenty. A split or a
    /// dividend scales every close before its day by one factor, so the ratio is a step function with a step per
    /// event; another ticker's history changes it nearly every day.
    static func allowedRatioSteps(commonDays: Int) -> Int { max(3, commonDays / 20) }

    /// Why `bars`, a full history that differs from the file, cannot be the file's history re-adjusted, or nil
    /// when it can.
    ///
    /// It must cover the file (start within a week of its first day, reach its last, hold nearly all its days),
    /// and on the days both hold the ratio of new to old closes must be steady but for a few steps. A step is a
    /// change larger than the rounding of the two old closes (a file kept to cents moves a ratio by up to
    /// 0.005 / price) and a relative 1e-6.
    func rewriteProblem(_ bars: [DailyBar]) -> String? {
        var ratios: [Double] = []
        var tolerances: [Double] = []
        var missing: [Day] = []
        var index = 0
        for day in series.days {
            while index < bars.count, bars[index].day < day { index += 1 }
            guard index < bars.count, bars[index].day == day, let cell = written[day], cell.price > 0 else {
                missing.append(day)
                continue
            }
            ratios.append(bars[index].adjustedClose / cell.price)
            tolerances.append(0.5 * pow(10, -Double(cell.decimals)) / cell.price)
        }
        if missing.count > Self.allowedMissingDays(fileRows: series.days.count) {
            let shown = missing.prefix(3).map(\.iso).joined(separator: ", ")
            let more = missing.count > 3 ? " and \(missing.count - 3) more" : ""
            return "it lacks \(missing.count) of the file's \(series.days.count) days (\(shown)\(more))"
        }
        var steps = 0
        for k in ratios.indices.dropFirst() {
            let change = abs(ratios[k] / ratios[k - 1] - 1)
            if !(change <= tolerances[k] + tolerances[k - 1] + 1e-6) { steps += 1 }
        }
        if steps > Self.allowedRatioSteps(commonDays: ratios.count) {
            return "the ratio of new to old closes changes on \(steps) of \(ratios.count) common days"
        }
        return nil
    }
}
