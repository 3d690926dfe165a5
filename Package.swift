// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Airlock",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "airlock", targets: ["airlock"]),
        .library(name: "HCL", targets: ["HCL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Core library: HCL native syntax. No server or CLI dependency.
        .target(name: "HCL"),
        .executableTarget(
            name: "airlock",
            dependencies: [
                "HCL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Case files are read from the repository by path, not bundled.
        // In-process parse throughput, compared with HashiCorp's parser by scripts/bench-parse.sh.
        .executableTarget(name: "parse-benchmark", dependencies: ["HCL"], path: "Benchmarks/ParseBenchmark"),
        .testTarget(name: "HCLTests", dependencies: ["HCL"], exclude: ["Cases"]),
    ]
)
