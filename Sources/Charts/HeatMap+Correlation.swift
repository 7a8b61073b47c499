import Correlation

extension HeatMap {
    /// The heat map of a correlation matrix, leaving out tickers that had no usable prices.
    ///
    /// A ticker left out for bad data would only add a row and a column of "n/a"; its reason belongs in the
    /// note's text, not in the picture.
    public static func correlations(title: String, subtitle: String = "", matrix: CorrelationMatrix) -> HeatMap {
        let labels = matrix.tickers.filter { matrix.problems[$0] == nil }
        let values = labels.flatMap { row in labels.map { column in matrix.r(row, column) } }
        return HeatMap(title: title, subtitle: subtitle, labels: labels, values: values)
    }
}
