// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Airlock",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "airlock", targets: ["airlock"]),
        .library(name: "HCL", targets: ["HCL"]),
        .library(name: "TerraformFunctions", targets: ["TerraformFunctions"]),
        .library(name: "Terraform", targets: ["Terraform"]),
        .library(name: "Policy", targets: ["Policy"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // Core library: HCL native syntax, values with unknowns, expression evaluation.
        // No server or CLI dependency; BigInt gives numbers Terraform's exactness.
        .target(name: "HCL", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Terraform's built-in functions. Kept apart from HCL so the parser and evaluator
        // build and test without swift-crypto and Yams.
        .target(
            name: "TerraformFunctions",
            dependencies: [
                "HCL",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Modules, variables, expansion, plans and state: Terraform's view of a configuration.
        .target(
            name: "Terraform", dependencies: ["HCL", "TerraformFunctions"],
            resources: [.copy("Resources/aws-provider-schema.jsonl")]
        ),
        // Checks, the built-in catalog, custom policies, suppressions and reports.
        .target(name: "Policy", dependencies: ["HCL", "Terraform", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "airlock",
            dependencies: [
                "HCL",
                "Terraform",
                "Policy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process parse throughput, compared with HashiCorp's parser by scripts/bench-parse.sh.
        .executableTarget(name: "parse-benchmark", dependencies: ["HCL"], path: "Benchmarks/ParseBenchmark"),
        // Case files are read from the repository by path, not bundled.
        .testTarget(name: "HCLTests", dependencies: ["HCL"], exclude: ["Cases"]),
        .testTarget(name: "TerraformTests", dependencies: ["HCL", "TerraformFunctions", "Terraform"], exclude: ["Cases"]),
        .testTarget(name: "PolicyTests", dependencies: ["HCL", "Terraform", "Policy"]),
        // Runs the built binary: exit codes, formats, errors, as a user sees them.
        .testTarget(name: "CLITests", dependencies: ["airlock"]),
    ]
)
