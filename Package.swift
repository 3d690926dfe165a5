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
        .library(name: "Gate", targets: ["Gate"]),
        .library(name: "Audit", targets: ["Audit"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "ControlPlane", targets: ["ControlPlane"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
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
        // Actors, blast-radius limits, risk tiers, approval rules and decisions bound to a
        // plan digest. Pure: no storage, no processes, no clock of its own.
        .target(
            name: "Gate",
            dependencies: [
                "HCL", "Terraform", "Policy",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The append-only, hash-chained, Ed25519-signed event log and its verification.
        .target(name: "Audit", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Decisions and approvals on disk: SQLite embedded, PostgreSQL for several replicas,
        // one set of queries through SQLKit.
        .target(
            name: "Store",
            dependencies: [
                "Gate",
                "Audit",
                // SHA-256 of API token secrets, which are stored only hashed.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ]
        ),
        // One gate run from plan bytes to records, and the apply clearance, shared by the CLI
        // and the server so both decide with the same code.
        .target(name: "ControlPlane", dependencies: ["HCL", "Terraform", "Policy", "Gate", "Audit", "Store"]),
        // `airlock serve`: the REST API, web UI, webhooks and metrics on Hummingbird.
        .target(
            name: "AirlockServer",
            dependencies: [
                "ControlPlane", "Gate", "Audit", "Store", "Policy",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates"), .copy("Static")]
        ),
        .executableTarget(
            name: "airlock",
            dependencies: [
                "HCL",
                "Terraform",
                "Policy",
                "Gate",
                "Audit",
                "Store",
                "ControlPlane",
                "AirlockServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process parse throughput, compared with HashiCorp's parser by scripts/bench-parse.sh.
        .executableTarget(name: "parse-benchmark", dependencies: ["HCL"], path: "Benchmarks/ParseBenchmark"),
        // Audit log generation, verification speed against sha256sum, and the crash test's appender.
        .executableTarget(name: "audit-benchmark", dependencies: ["Audit"], path: "Benchmarks/AuditBenchmark"),
        // Case files are read from the repository by path, not bundled.
        .testTarget(name: "HCLTests", dependencies: ["HCL"], exclude: ["Cases"]),
        .testTarget(name: "TerraformTests", dependencies: ["HCL", "TerraformFunctions", "Terraform"], exclude: ["Cases"]),
        .testTarget(name: "PolicyTests", dependencies: ["HCL", "Terraform", "Policy"]),
        .testTarget(name: "GateTests", dependencies: ["HCL", "Terraform", "Policy", "Gate"], exclude: ["Fixtures"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "audit-benchmark"]),
        .testTarget(name: "StoreTests", dependencies: ["Gate", "Audit", "Store"]),
        // Runs the built binary: exit codes, formats, errors, as a user sees them.
        .testTarget(name: "CLITests", dependencies: ["airlock"]),
        // The API in process (HummingbirdTesting) and the server as a process on loopback;
        // `airlock` is a dependency so the binary the process tests start is built first.
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "airlock", "AirlockServer", "ControlPlane", "Gate", "Audit", "Store",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ]
)
