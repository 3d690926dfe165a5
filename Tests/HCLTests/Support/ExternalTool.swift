import Foundation

/// Runs a real external tool (HashiCorp's parser, Terraform) for differential tests.
enum ExternalTool {
    /// HashiCorp's own HCL parser built by `scripts/build-hclref.sh`, or `AIRLOCK_HCLREF`.
    static var hashicorpParser: String? {
        let candidates = [ProcessInfo.processInfo.environment["AIRLOCK_HCLREF"], Repository.path(".build-tools/hclref")]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var terraform: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin"
        return (path.split(separator: ":").map { "\($0)/terraform" } + ["/usr/local/bin/terraform"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool` with `arguments` and returns its exit status and standard output.
    /// Output goes through a temporary file, so large output cannot fill a pipe and block.
    static func run(_ tool: String, _ arguments: [String], in directory: String? = nil) throws -> (status: Int32, output: [UInt8]) {
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-tool-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL) }
        let out = try FileHandle(forWritingTo: outURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        return (process.terminationStatus, [UInt8](try Data(contentsOf: outURL)))
    }
}
