import Foundation
import VaultModel

/// Pads rendered table rows to the column widths of a table the user keeps aligned.
enum TableAligner {
    static func align(_ rows: String, like table: MarkdownTable) -> String {
        // Column widths: what the header and the delimiter row span, widened only if a new cell needs it.
        let header = zip(table.header.cells, table.delimiter.cells).map { max($0.text.count, $1.text.count) }
        let parsed = rows.split(separator: "\n", omittingEmptySubsequences: false).map { line -> [String] in
            var cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingWhitespace()
            }
            if cells.first == "" { cells.removeFirst() }
            if cells.last == "" { cells.removeLast() }
            return cells
        }
        var widths = header
        for cells in parsed {
            for (i, cell) in cells.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        return parsed.map { cells in
            "| "
                + cells.enumerated().map { i, cell in
                    cell.padding(toLength: i < widths.count ? widths[i] : cell.count, withPad: " ", startingAt: 0)
                }.joined(separator: " | ") + " |"
        }.joined(separator: "\n")
    }
}
