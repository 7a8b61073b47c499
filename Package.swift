// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vaultgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vaultgen", targets: ["vaultgen"]),
        // `vaultgen fetch` runs it: only this program links URLSession (and so libcurl).
        .executable(name: "vaultgen-fetch", targets: ["VaultgenFetch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Debian's libcmark-dev; the only Swift file that imports it is VaultModel/Markdown/CmarkDocument.swift.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Debian's libcairo2-dev; the only Swift file that imports it is Charts/CairoCanvas.swift.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // Open a vault's files so that nothing outside it is read or written: the one rule every reader and writer
        // of vault files goes through.
        .target(name: "VaultFiles"),
        // Scan, parse and index a vault; check its links.
        .target(
            name: "VaultModel",
            dependencies: ["CCmark", "VaultFiles", .product(name: "Yams", package: "Yams")]
        ),
        // Price files and the correlation engine.
        // OpenBLAS (Debian's libopenblas0) is opened at run time by Correlation/CrossProducts.swift, not linked.
        .target(name: "Correlation", dependencies: ["VaultFiles"]),
        // Which notes are sector notes, and every figure in them bound to its subject (tokens → subjects).
        .target(name: "Figures", dependencies: ["VaultModel", "Correlation"]),
        // Draw the charts sector notes embed (PNG and SVG, with cairo).
        .target(name: "Charts", dependencies: ["CCairo", "Correlation"]),
        // Recognise what a note owns, recompute it, render it and splice it back.
        .target(
            name: "Refresh",
            dependencies: [
                "VaultModel", "VaultFiles", "Correlation", "Charts", "Figures",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Templates/*.mustache as string literals (the EmbedTemplates plugin writes them at build time), so that
        // one copied binary renders with the default templates.
        .target(name: "DefaultTemplates", plugins: ["EmbedTemplates"]),
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        // How vaultgen speaks: errors, warnings, results, -q, -v and --color, for both executables.
        .target(
            name: "ConsoleOutput", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Download new daily bars into the price files.
        .target(name: "Fetch", dependencies: ["Correlation", "VaultModel", "Figures", "Refresh"]),
        // `-C DIR` / `--vault DIR`, the option group both executables share.
        .target(
            name: "CommandOptions",
            dependencies: ["VaultModel", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "VaultgenFetch",
            dependencies: [
                "CommandOptions", "ConsoleOutput", "Fetch", "Figures", "Refresh", "VaultModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "vaultgen",
            dependencies: [
                "CommandOptions", "ConsoleOutput", "VaultModel", "VaultFiles", "Correlation", "Figures", "Refresh",
                "DefaultTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds allocate with mimalloc (Debian's libmimalloc-dev), which replaces malloc for the
            // whole process: parsing makes millions of small strings and arrays, and glibc's allocator was a fifth
            // of a check's time (1k notes: 54 → 45 ms). Debug and sanitizer builds keep glibc's.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux], configuration: .release))]
        ),
        // Helpers every test target shares: repository paths, the built binary, scratch folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "VaultModelTests", dependencies: ["VaultModel"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "VaultModel", "Correlation"]),
        .testTarget(name: "CorrelationTests", dependencies: ["Correlation"], exclude: ["Fixtures"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Correlation"]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["Refresh", "VaultModel", "VaultFiles", "Correlation", "Fetch", "TestSupport"]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "Correlation", "VaultModel", "TestSupport"]),
        .testTarget(
            name: "RefreshTests",
            dependencies: ["Refresh", "Figures", "VaultModel", "Correlation", "ConsoleOutput", "TestSupport"]),
    ]
)
