import Testing

@testable import VaultModel

/// Each default threshold applies from its own value up: a value exactly on it gets its label, the next
/// double below gets the label under it.
@Suite("Labels: each default threshold at, just below and just above it")
struct LabelThresholdTests {
    /// A threshold, its label, and the label just below it (nil below the lowest).
    struct Step: Sendable, CustomTestStringConvertible {
        var threshold: Double
        var label: String
        var below: String?
        init(_ threshold: Double, _ label: String, _ below: String?) {
            (self.threshold, self.label, self.below) = (threshold, label, below)
        }
        var testDescription: String { "\(label) from \(threshold)" }
    }

    static let correlation = [
        Step(0.6, "strong", "moderate"), Step(0.4, "moderate", "weak"), Step(0.2, "weak", "near zero"),
        Step(-0.2, "near zero", "negative"), Step(-1, "negative", nil),
    ]
    static let clusters = [
        Step(0.5, "overlapping clusters", "loosely linked"), Step(0.3, "loosely linked", "separate clusters"),
        Step(-1, "separate clusters", nil),
    ]

    @Test(arguments: correlation)
    func correlationLabel(_ step: Step) {
        let (threshold, label, below) = (step.threshold, step.label, step.below)
        let thresholds = VaultConfig.LabelSettings().correlation
        #expect(thresholds.contains(VaultConfig.Threshold(label: label, minimum: threshold)))
        #expect(VaultConfig.LabelSettings.label(for: threshold, in: thresholds) == label)
        #expect(VaultConfig.LabelSettings.label(for: threshold.nextUp, in: thresholds) == label)
        #expect(VaultConfig.LabelSettings.label(for: threshold.nextDown, in: thresholds) == below)
    }

    @Test(arguments: clusters)
    func clustersLabel(_ step: Step) {
        let (threshold, label, below) = (step.threshold, step.label, step.below)
        let thresholds = VaultConfig.LabelSettings().clusters
        #expect(thresholds.contains(VaultConfig.Threshold(label: label, minimum: threshold)))
        #expect(VaultConfig.LabelSettings.label(for: threshold, in: thresholds) == label)
        #expect(VaultConfig.LabelSettings.label(for: threshold.nextUp, in: thresholds) == label)
        #expect(VaultConfig.LabelSettings.label(for: threshold.nextDown, in: thresholds) == below)
    }

    @Test func theDefaultsAreTheOnesTheREADMEDocuments() {
        let labels = VaultConfig.LabelSettings()
        #expect(labels.correlation.map(\.label) == Self.correlation.map(\.label))
        #expect(labels.correlation.map(\.minimum) == Self.correlation.map(\.threshold))
        #expect(labels.clusters.map(\.label) == Self.clusters.map(\.label))
        #expect(labels.clusters.map(\.minimum) == Self.clusters.map(\.threshold))
    }

    /// A configured list in any order: the highest threshold reached wins, and 1.0 is reachable.
    @Test func aConfiguredTopThresholdOfOneAppliesToOne() {
        let thresholds = [
            VaultConfig.Threshold(label: "loose", minimum: -1), VaultConfig.Threshold(label: "perfect", minimum: 1),
            VaultConfig.Threshold(label: "tight", minimum: 0.9),
        ]
        #expect(VaultConfig.LabelSettings.label(for: 1, in: thresholds) == "perfect")
        #expect(VaultConfig.LabelSettings.label(for: 1.0.nextDown, in: thresholds) == "tight")
        #expect(VaultConfig.LabelSettings.label(for: 0.9, in: thresholds) == "tight")
        #expect(VaultConfig.LabelSettings.label(for: 0.5, in: thresholds) == "loose")
    }
}
