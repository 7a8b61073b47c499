import Correlation

extension PriceFile {
    /// What the provider's bars do to a file.
    enum Merge: Equatable {
        /// Nothing after the file's last day, and the days both hold agree.
        case upToDate
        /// Days to write after the file's rows; `corrects` is the file's last day when its row is replaced.
        case append([DailyBar], corrects: Day?)
        /// A day before the file's last differs: the provider re-adjusted history (a dividend or a split).
        case rewrite(firstDifference: Day)
    }

    /// Compares the days the answer and the file share, then takes the days after the file's last.
    ///
    /// The file's last day alone may differ without a rewrite: a bar fetched while its market was still open
    /// holds a provisional close, which the next fetch corrects in place. Days the file lacks inside its span
    /// are left alone; a gap is the file's business.
    func merge(_ bars: [DailyBar]) -> Merge {
        var correction: DailyBar?
        for bar in bars where bar.day <= lastDay && matches(bar.adjustedClose, on: bar.day) == false {
            guard bar.day == lastDay else { return .rewrite(firstDifference: bar.day) }
            correction = bar
        }
        let newer = bars.filter { $0.day > lastDay }
        if let correction { return .append([correction] + newer, corrects: lastDay) }
        return newer.isEmpty ? .upToDate : .append(newer, corrects: nil)
    }
}
