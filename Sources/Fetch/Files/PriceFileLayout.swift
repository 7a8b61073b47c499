import Foundation

/// The three price-file layouts the price reader knows, and how a fetched bar is written in each.
///
/// Every layout stores the adjusted close where the reader takes its price from, so rows appended by fetch
/// continue the series the file already holds: `Date,Close` gets the adjusted close; Yahoo's layout gets the
/// close and the adjusted close in their own columns; Stooq's layout is adjusted as a whole (open, high and
/// low are scaled by the same factor as the close, as Stooq does).
enum PriceFileLayout: Sendable, Equatable, CaseIterable {
    case dateClose, yahoo, stooq

    /// The header vaultgen writes in a new file of this layout.
    var header: String {
        switch self {
        case .dateClose: return "Date,Close"
        case .yahoo: return "Date,Open,High,Low,Close,Adj Close,Volume"
        case .stooq: return "Date,Open,High,Low,Close,Volume"
        }
    }

    /// The column the reader takes the price from.
    var priceColumn: Int {
        switch self {
        case .dateClose: return 1
        case .yahoo: return 5
        case .stooq: return 4
        }
    }

    /// The layout of a header line, ignoring case and spaces around cells, as the reader does.
    init?(headerLine: some StringProtocol) {
        let names = headerLine.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard
            let layout = Self.allCases.first(where: {
                $0.header.lowercased().split(separator: ",").map(String.init) == names
            })
        else { return nil }
        self = layout
    }

    /// One row for `bar`, without a line end.
    func row(_ bar: DailyBar) -> String {
        let date = bar.day.iso
        switch self {
        case .dateClose:
            return "\(date),\(Self.price(bar.adjustedClose))"
        case .yahoo:
            let cells = [bar.open, bar.high, bar.low].map { $0.map(Self.price) ?? "" }
            return ([date] + cells + [Self.price(bar.close), Self.price(bar.adjustedClose), Self.volume(bar.volume)])
                .joined(separator: ",")
        case .stooq:
            let factor = bar.adjustedClose / bar.close
            let cells = [bar.open, bar.high, bar.low].map { $0.map { Self.price($0 * factor) } ?? "" }
            return ([date] + cells + [Self.price(bar.adjustedClose), Self.volume(bar.volume)]).joined(separator: ",")
        }
    }

    /// The shortest text that reads back as the same Double (`12.5`, `4.090000152587891`).
    static func price(_ value: Double) -> String {
        "\(value)"
    }

    /// A whole number without `.0`; a fractional volume (crypto) as it is; a missing one empty.
    static func volume(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
