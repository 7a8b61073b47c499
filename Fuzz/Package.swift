// swift-tools-version:6.0
// libFuzzer targets for vaultgen (issue 7). Built and run by `make fuzz` at the repository root, never by the
// main package (see the Makefile's fuzz-build for the flags).
//
// The main package exports no library products, so the library targets are compiled here again from the same
// sources through the symbolic links in `Linked/`. `Sources/FuzzChecks/FuzzChecks.swift` is a link to
// `Tests/ReliabilityTests/FuzzRegressionTests.swift`: the fuzzers and `make test` run the very same checks.
import PackageDescription

let package = Package(
    name: "vaultgen-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", path: "Linked/CCmark", pkgConfig: "libcmark"),
        .systemLibrary(name: "CCairo", path: "Linked/CCairo", pkgConfig: "cairo"),
        .target(name: "VaultFiles", path: "Linked/VaultFiles"),
        .target(
            name: "VaultModel", dependencies: ["CCmark", "VaultFiles", .product(name: "Yams", package: "Yams")],
            path: "Linked/VaultModel"),
        .target(name: "Correlation", dependencies: ["VaultFiles"], path: "Linked/Correlation"),
        .target(name: "Figures", dependencies: ["VaultModel", "Correlation"], path: "Linked/Figures"),
        .target(name: "Charts", dependencies: ["CCairo", "Correlation"], path: "Linked/Charts"),
        .target(
            name: "Refresh",
            dependencies: [
                "VaultModel", "VaultFiles", "Correlation", "Charts", "Figures",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Linked/Refresh"),
        .target(
            name: "Fetch", dependencies: ["Correlation", "VaultModel", "Figures", "Refresh"], path: "Linked/Fetch"),
        // The checks each input goes through; FUZZING leaves out the Swift Testing suite around them.
        .target(
            name: "FuzzChecks", dependencies: ["VaultModel", "Correlation", "Figures", "Refresh", "Fetch"],
            swiftSettings: [.define("FUZZING")]),
        // One libFuzzer entry point (`LLVMFuzzerTestOneInput`) per target; libFuzzer supplies `main`.
        .executableTarget(name: "FuzzNote", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "FuzzTable", dependencies: ["FuzzChecks", "Refresh"]),
        .executableTarget(name: "FuzzPrices", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "FuzzProviders", dependencies: ["FuzzChecks"]),
    ]
)
