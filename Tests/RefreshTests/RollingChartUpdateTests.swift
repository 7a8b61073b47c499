import Charts
import Foundation
import Refresh
import TestSupport
import Testing
import VaultModel

@Suite("update draws the rolling correlation chart a sector note embeds")
struct RollingChartUpdateTests {
    static let chartPath = "Attachments/crypto-to-ai-rolling-correlation.png"

    /// The seed vault with the rolling chart embedded in Crypto-to-AI (which has a `vs [[DC REITs]]` row).
    static func vault(config: String? = nil) throws -> FixtureVault {
        let vault = try FixtureVault("update-seed")
        let note = vault.root.appendingPathComponent("Sectors/Crypto-to-AI.md")
        try (try vault.text("Sectors/Crypto-to-AI.md") + "\n![[crypto-to-ai-rolling-correlation.png]]\n").write(
            to: note, atomically: true, encoding: .utf8)
        if let config {
            try config.write(
                to: vault.root.appendingPathComponent(".vaultgen.yml"), atomically: true, encoding: .utf8)
        }
        return vault
    }

    static func pixels(_ vault: FixtureVault) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        let bytes = [UInt8](try Data(contentsOf: vault.root.appendingPathComponent(chartPath)))
        return try #require(ChartImage(format: .png, bytes: bytes).pixels())
    }

    /// Pixels within 12 of `hex` on every channel.
    static func count(_ pixels: (width: Int, height: Int, rgba: [UInt8]), near hex: UInt32) -> Int {
        let target = [Int(hex >> 16 & 0xFF), Int(hex >> 8 & 0xFF), Int(hex & 0xFF)]
        return stride(from: 0, to: pixels.rgba.count, by: 4).filter { offset in
            (0..<3).allSatisfy { abs(Int(pixels.rgba[offset + $0]) - target[$0]) <= 12 }
        }.count
    }

    @Test func itIsDrawnWithTheGroupAndThePeerLineAndASecondRunWritesNothing() throws {
        let vault = try Self.vault()
        defer { vault.remove() }
        let first = try vault.update()
        #expect(first.written.contains(Self.chartPath))
        #expect(first.charts.contains { $0.path == Self.chartPath && $0.kind == .rollingCorrelation })
        let image = try Self.pixels(vault)
        #expect(image.width == 1400 && image.height == 800)
        #expect(Self.count(image, near: 0xE69F00) > 1500, "the group's line")
        #expect(Self.count(image, near: 0x56B4E9) > 1500, "the line against DC REITs")
        let bytes = try Data(contentsOf: vault.root.appendingPathComponent(Self.chartPath))
        let second = try vault.update()
        #expect(second.charts.isEmpty)
        #expect(second.written.isEmpty)
        #expect(try Data(contentsOf: vault.root.appendingPathComponent(Self.chartPath)) == bytes)
    }

    @Test func theConfigsWindowChangesThePicture() throws {
        let sixty = try Self.vault()
        let twenty = try Self.vault(config: "correlation:\n  rolling: 20\n")
        defer {
            sixty.remove()
            twenty.remove()
        }
        _ = try sixty.update()
        _ = try twenty.update()
        let a = try Data(contentsOf: sixty.root.appendingPathComponent(Self.chartPath))
        let b = try Data(contentsOf: twenty.root.appendingPathComponent(Self.chartPath))
        #expect(a != b)
    }

    @Test func aPeerWithoutPricesLeavesTheChartAsItWasWithAWarning() throws {
        let vault = try Self.vault()
        defer { vault.remove() }
        _ = try vault.update()
        let before = try Data(contentsOf: vault.root.appendingPathComponent(Self.chartPath))
        try FileManager.default.removeItem(at: vault.root.appendingPathComponent("Prices/EQIX.csv"))
        let outcome = try vault.update(asOf: "2026-01-15")
        let warnings = outcome.plan.warnings.map(\.message)
        #expect(
            warnings.contains {
                $0.hasPrefix("rolling correlation chart crypto-to-ai-rolling-correlation.png left as it was: ")
                    && $0.contains("the line against [[DC REITs]]: no usable prices for EQIX")
            }, "\(warnings)")
        #expect(!outcome.written.contains(Self.chartPath))
        #expect(try Data(contentsOf: vault.root.appendingPathComponent(Self.chartPath)) == before)
    }

    @Test func aWindowLongerThanTheDataLeavesTheChartWithAWarning() throws {
        let vault = try Self.vault(config: "correlation:\n  rolling: 5000\n")
        defer { vault.remove() }
        let outcome = try vault.update()
        #expect(!outcome.written.contains(Self.chartPath))
        #expect(
            outcome.plan.warnings.map(\.message).contains {
                $0.contains("no pair of the group has 5000 common days in the window (correlation: rolling: 5000)")
            })
    }
}
