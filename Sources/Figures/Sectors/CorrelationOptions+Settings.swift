import Correlation
import VaultModel

extension CorrelationOptions {
    /// The convention a vault's `correlation:` settings choose, over all data until a window is set.
    public init(settings: VaultConfig.CorrelationSettings) {
        self.init(
            returns: settings.returns == "log" ? .log : .simple,
            method: settings.method == "spearman" ? .spearman : .pearson, minOverlap: settings.minOverlap)
    }
}
