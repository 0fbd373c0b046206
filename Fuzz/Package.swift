// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for Resonanz's input surfaces, built only by `make fuzz` (scripts/fuzz.sh) with
// `--sanitize fuzzer --sanitize address`; libFuzzer supplies `main`. A separate package keeps them
// out of the main build, where they would have no entry point.
//
// The main package is the parent folder; SwiftPM names a local package after its folder, which is
// whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let resonanz = root.lastPathComponent

let package = Package(
    name: "ResonanzFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "TextAnalysis", package: resonanz), .product(name: "Corpus", package: resonanz),
            ]),
        .executableTarget(
            name: "fuzz-analyzer",
            dependencies: ["FuzzSupport", .product(name: "TextAnalysis", package: resonanz)]),
        .executableTarget(
            name: "fuzz-csv", dependencies: ["FuzzSupport", .product(name: "Corpus", package: resonanz)]),
        .executableTarget(
            name: "fuzz-jsonl", dependencies: ["FuzzSupport", .product(name: "Corpus", package: resonanz)]),
        .executableTarget(
            name: "fuzz-framework", dependencies: ["FuzzSupport", .product(name: "Corpus", package: resonanz)]),
        .executableTarget(
            name: "fuzz-strategy", dependencies: ["FuzzSupport", .product(name: "Corpus", package: resonanz)]),
    ],
    swiftLanguageModes: [.v6]
)
