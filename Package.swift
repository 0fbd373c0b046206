// swift-tools-version:6.0
import PackageDescription

// Stages, arrows one way:
//   resonanz (CLI) ─► Workflows ─► Reports ─► Analytics ─► TextAnalysis
//        └─► Evaluation ─► Workflows (and below): `resonanz eval` and `bench` only
//                         │  └─► Storage ─┘      │
//                         └──────────────────────┴──► Corpus
// Reports also imports TextAnalysis (the token and research exports); the CLI imports Workflows
// and Evaluation only. Every target declares exactly the targets it imports. TextAnalysis and Corpus import nothing from the package. System ICU is reached only through
// CICUShim, whose public header has no ICU types (see docs/architecture.md for why).
// Property tests (Tests/*/…PropertyTests.swift) draw their inputs from swift-property-based.
let propertyBased = Target.Dependency.product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "Resonanz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "resonanz", targets: ["resonanz"]),
        .library(name: "TextAnalysis", targets: ["TextAnalysis"]),
        // For the fuzz targets in Fuzz/, which build against the readers from outside.
        .library(name: "Corpus", targets: ["Corpus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.12.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        .target(name: "CICUShim", dependencies: ["CICU"]),
        .target(name: "TextAnalysis", dependencies: ["CICUShim"]),
        .target(
            name: "Corpus",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Analytics", dependencies: ["TextAnalysis", "Corpus"]),
        .target(
            name: "Reports",
            dependencies: [
                "Analytics", "Corpus", "TextAnalysis",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        .target(
            name: "Storage",
            dependencies: [
                "Analytics", "Corpus",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Workflows",
            dependencies: [
                "TextAnalysis", "Corpus", "Analytics", "Reports", "Storage",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Evaluation",
            dependencies: ["Analytics", "Corpus", "Reports", "TextAnalysis", "Workflows"]
        ),
        .executableTarget(
            name: "resonanz",
            dependencies: [
                "Workflows", "Evaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "_TestSupport",
            dependencies: [
                "TextAnalysis", "Corpus", "Analytics",
                propertyBased,
            ],
            path: "Tests/_TestSupport"
        ),
        .testTarget(
            name: "TextAnalysisTests",
            dependencies: ["TextAnalysis", "_TestSupport", propertyBased]),
        .testTarget(
            name: "CorpusTests",
            dependencies: ["Corpus", "_TestSupport", propertyBased]),
        .testTarget(
            name: "AnalyticsTests",
            dependencies: ["Analytics", "Corpus", "TextAnalysis", "_TestSupport", propertyBased]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Analytics"]),
        .testTarget(
            name: "WorkflowsTests", dependencies: ["Workflows", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "Analytics", "Corpus", "_TestSupport", propertyBased,
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "Analytics", "Corpus", "_TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Storage", "_TestSupport", propertyBased, .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
