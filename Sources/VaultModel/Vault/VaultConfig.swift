/// The settings a vault keeps in `.vaultgen.yml` at its root; every key is optional.
///
/// The file is hidden from Obsidian (a dot file) and read once per run. Unknown keys are an error, so a typo
/// never silently falls back to a default.
public struct VaultConfig: Sendable, Equatable {
    public static let fileName = ".vaultgen.yml"

    /// Vault paths (globs) that are not read at all, in addition to `.obsidian/`, `.trash/`, `.git/` and
    /// every other dot folder.
    public var exclude: [String] = []
    /// The folder of price files, relative to the vault root.
    public var prices: String = "Prices"
    /// The folder of Mustache templates that override the built-in ones, relative to the vault root; nil for the
    /// built-in templates alone.
    public var templates: String?
    public var check = CheckSettings()
    public var correlation = CorrelationSettings()
    public var labels = LabelSettings()
    public var update = UpdateSettings()
    public var fetch = FetchSettings()

    public init() {}

    /// What `vaultgen check` reports and how loudly.
    public struct CheckSettings: Sendable, Equatable {
        /// Severity per finding kind; a kind set to `off` is not reported.
        public var severity: [FindingKind: Severity] = FindingKind.defaultSeverities
        /// Link targets (globs, matched against the target as written) that are never reported.
        public var ignoreTargets: [String] = []
        /// Notes (globs on vault paths) that are not reported as orphans.
        public var ignoreOrphans: [String] = []
        public init() {}
    }

    /// How figures are computed from prices.
    public struct CorrelationSettings: Sendable, Equatable {
        public var minOverlap = 60
        /// `simple` or `log`.
        public var returns = "simple"
        /// `pearson` or `spearman`.
        public var method = "pearson"
        /// The trailing window of a rolling-correlation chart, in return periods (trading days).
        public var rolling = 60
        public init(minOverlap: Int = 60, returns: String = "simple", method: String = "pearson", rolling: Int = 60) {
            self.minOverlap = minOverlap
            self.returns = returns
            self.method = method
            self.rolling = rolling
        }
    }

    /// Words that interpret a correlation, each with the lowest value it applies to.
    public struct LabelSettings: Sendable, Equatable {
        public init() {}

        /// For one pair or a group's average: `strong` from 0.6, and so on.
        public var correlation: [Threshold] = [
            Threshold(label: "strong", minimum: 0.6), Threshold(label: "moderate", minimum: 0.4),
            Threshold(label: "weak", minimum: 0.2), Threshold(label: "near zero", minimum: -0.2),
            Threshold(label: "negative", minimum: -1),
        ]
        /// For two groups, by the highest correlation between them.
        public var clusters: [Threshold] = [
            Threshold(label: "overlapping clusters", minimum: 0.5),
            Threshold(label: "loosely linked", minimum: 0.3),
            Threshold(label: "separate clusters", minimum: -1),
        ]
        /// For a rolling average's change over its window: `rising` from +0.05, `falling` from -0.05 down.
        public var trend = TrendThresholds()

        /// The label of the highest threshold that `value` reaches.
        public static func label(for value: Double, in thresholds: [Threshold]) -> String? {
            thresholds.sorted { $0.minimum > $1.minimum }.first { value >= $0.minimum }?.label
        }
    }

    /// When a rolling correlation is `rising` or `falling`; between the two it is `steady`.
    public struct TrendThresholds: Sendable, Equatable {
        /// The smallest change that is `rising`.
        public var rising = 0.05
        /// The largest change that is `falling`.
        public var falling = -0.05

        public init(rising: Double = 0.05, falling: Double = -0.05) {
            self.rising = rising
            self.falling = falling
        }

        /// `rising`, `falling` or `steady` for a change.
        public func word(for change: Double) -> String {
            change >= rising ? "rising" : change <= falling ? "falling" : "steady"
        }
    }

    public struct Threshold: Sendable, Equatable {
        public var label: String
        public var minimum: Double
        public init(label: String, minimum: Double) {
            self.label = label
            self.minimum = minimum
        }
    }

    /// What `vaultgen update` maintains besides figures.
    public struct UpdateSettings: Sendable, Equatable {
        /// The heading (level 2) whose section gets generated backlinks.
        public var relatedHeading = "Related"
        /// The subsection (level 3) vaultgen owns inside it.
        public var backlinksHeading = "Backlinks"
        /// Notes (globs) that get backlinks; empty means every note with a Related section.
        public var backlinksFor: [String] = []
        /// Whether backlinks are maintained at all.
        public var backlinks = true
        /// Notes (globs) that are sector notes besides those with `tickers:` or the `#sector` tag.
        public var sectorNotes: [String] = []
        /// Notes (globs) whose figures are never touched, sector notes or not.
        public var exclude: [String] = []
        public init() {}
    }

    /// Where `vaultgen fetch` gets new daily bars and how gently it asks.
    public struct FetchSettings: Sendable, Equatable {
        /// `yahoo` (the default: it answers without a key) or `stooq` (which now asks for one).
        public var provider = "yahoo"
        /// Overrides the provider's base URL (a mirror, or a local server in tests).
        public var baseURL: String? = nil
        /// Tickers fetched besides those the sector notes use.
        public var tickers: [String] = []
        /// Seconds before one request is abandoned.
        public var timeout: Double = 20
        /// Further tries after a timeout, a 429 or a 5xx.
        public var retries = 3
        /// Requests per second at most.
        public var rate: Double = 2
        /// The environment variable holding the provider's key, for providers that need one.
        public var keyEnvironment: String? = nil
        public init() {}
    }
}
