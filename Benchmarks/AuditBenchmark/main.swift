// The audit log's benchmark and stress driver. scripts/bench-audit.sh runs it; the crash
// test in AuditTests runs `append-loop` and kills it.
//
// Usage:
//   audit-benchmark generate DIR COUNT     append COUNT varied events (10,000 per append call)
//   audit-benchmark verify DIR [RUNS] [anchored|every]
//                                          time verify (chain-anchored, the default; every
//                                          signature; or both) and `sha256sum` over the same
//                                          file; best of RUNS (3)
//   audit-benchmark append DIR COUNT       time COUNT single appends to the log as it is (each
//                                          reads only the log's end)
//   audit-benchmark append-loop DIR COUNT  append one by one, printing `acked <seq>` after each
//   audit-benchmark ed25519 [COUNT]        swift-crypto Ed25519 sign and verify, µs per operation
// Every figure is one JSON object per line on stdout.
import Audit
import Crypto
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// User plus system CPU seconds this process has used, to show how much of a wall-clock
/// figure ran in parallel (and, on a shared machine, how much CPU it really got).
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func json(_ fields: KeyValuePairs<String, Any>) -> String {
    "{" + fields.map { key, value in
        let text: String
        switch value {
        case let string as String: text = "\"\(string)\""
        case let double as Double: text = String(format: "%.6g", double)
        default: text = "\(value)"
        }
        return "\"\(key)\": \(text)"
    }.joined(separator: ", ") + "}"
}

/// The n-th of a repeating mix of the events a busy repository logs, with realistic sizes.
func record(_ n: Int) -> AuditRecord {
    let kinds = AuditEventKind.allCases.filter { $0 != .logRecovered }
    let kind = kinds[n % kinds.count]
    let digest = "sha256:" + String(repeating: String(format: "%08x", n &* 2_654_435_761 & 0xffff_ffff), count: 8)
    let agent = n % 3 != 0
    return AuditRecord(
        kind: kind, actor: agent ? "agent:claude-code" : "human:alice",
        actorDetails: agent
            ? ["kind": "agent", "model": "claude-sonnet", "session": "s-\(n / 50)", "on_behalf_of": "human:alice"]
            : ["kind": "human"],
        planDigest: digest, policyDigest: "sha256:" + String(repeating: "ab", count: 32),
        decisionID: "dec-\(n / 4)", summary: "\(kind.rawValue) of plan \(digest.prefix(19)) in workspace prod-\(n % 7)",
        details: ["resources": String(n % 40), "risk": ["low", "medium", "high"][n % 3], "workspace": "prod-\(n % 7)"])
}

func argument(_ index: Int, _ usage: String) -> String {
    let arguments = CommandLine.arguments
    guard arguments.count > index else { fail("usage: audit-benchmark \(usage)") }
    return arguments[index]
}

func count(_ index: Int, _ usage: String) -> Int {
    guard let value = Int(argument(index, usage)), value > 0 else { fail("usage: audit-benchmark \(usage)") }
    return value
}

/// Wall time of `sha256sum FILE`: reading and hashing the file once, the floor for any verifier.
func sha256sumSeconds(_ path: String) throws -> Double {
    try seconds {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { fail("sha256sum failed") }
    }
}

let command = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ""
switch command {
case "generate":
    let usage = "generate DIR COUNT"
    let log = AuditLog(directory: argument(2, usage))
    let total = count(3, usage)
    let batch = 10_000
    let elapsed = try seconds {
        for start in stride(from: 0, to: total, by: batch) {
            try log.append(contentsOf: (start..<min(start + batch, total)).map(record))
        }
    }
    print(json(["command": "generate", "events": total, "seconds": elapsed]))

case "verify":
    let usage = "verify DIR [RUNS] [anchored|every]"
    let log = AuditLog(directory: argument(2, usage))
    let runs = CommandLine.arguments.count > 3 ? count(3, usage) : 3
    let bytes = (try? FileManager.default.attributesOfItem(atPath: log.logPath)[.size] as? Int) ?? 0
    let floor = try (0..<runs).map { _ in try sha256sumSeconds(log.logPath) }.min()!
    print(json(["tool": "sha256sum", "bytes": bytes, "seconds": floor, "mb_per_s": Double(bytes) / 1e6 / floor]))
    let only = CommandLine.arguments.count > 4 ? argument(4, usage) : nil
    let modes = [
        ("anchored", "chain_anchored", AuditSignatureCheck.chainAnchored), ("every", "every_event", .everyEvent),
    ]
    for (short, name, mode) in modes where only == nil || only == short {
        var result: AuditVerification?
        var timings: [(wall: Double, cpu: Double)] = []
        for _ in 0..<runs {
            let cpuBefore = cpuSeconds()
            let wall = seconds { result = log.verify(signatures: mode) }
            timings.append((wall, cpuSeconds() - cpuBefore))
        }
        guard let result, let fastest = timings.min(by: { $0.wall < $1.wall }) else { continue }
        let best = fastest.wall
        print(
            json([
                "tool": "airlock", "signatures": name, "events": result.eventCount,
                "signatures_checked": result.signaturesChecked, "valid": result.isValid, "seconds": best,
                "cpu_seconds": fastest.cpu, "events_per_s": Double(result.eventCount) / best,
                "ratio_to_sha256sum": best / floor,
                "cores": ProcessInfo.processInfo.activeProcessorCount,
            ]))
    }

case "append":
    let usage = "append DIR COUNT"
    let log = AuditLog(directory: argument(2, usage))
    let total = count(3, usage)
    let before = try log.head()?.sequence ?? 0
    let bytes = (try? FileManager.default.attributesOfItem(atPath: log.logPath)[.size] as? Int) ?? 0
    let cpuBefore = cpuSeconds()
    let elapsed = try seconds { for n in 0..<total { try log.append(record(n)) } }
    // CPU apart from wall time: the wall figure is mostly waiting for fsync.
    let cpu = cpuSeconds() - cpuBefore
    print(
        json([
            "command": "append", "events_before": before, "log_bytes": bytes, "appends": total,
            "ms_per_append": elapsed * 1000 / Double(total), "cpu_ms_per_append": cpu * 1000 / Double(total),
        ]))

case "append-loop":
    let usage = "append-loop DIR COUNT"
    let log = AuditLog(directory: argument(2, usage))
    for n in 0..<count(3, usage) {
        let event = try log.append(record(n))
        // Printed only after append returned, i.e. after the event was fsynced: the crash
        // test holds every sequence it reads here to be durable.
        FileHandle.standardOutput.write(Data("acked \(event.sequence)\n".utf8))
    }

case "ed25519":
    let total = CommandLine.arguments.count > 2 ? count(2, "ed25519 [COUNT]") : 20_000
    let key = Curve25519.Signing.PrivateKey()
    let message = Array(SHA256.hash(data: Data("audit".utf8)))
    let signature = try key.signature(for: message)
    var valid = 0
    let verifying = seconds {
        for _ in 0..<total where key.publicKey.isValidSignature(signature, for: message) { valid += 1 }
    }
    let signing = try seconds { for _ in 0..<total { _ = try key.signature(for: message) } }
    guard valid == total else { fail("a valid signature failed to verify") }
    print(
        json([
            "operation": "ed25519", "count": total, "verify_us": verifying * 1e6 / Double(total),
            "sign_us": signing * 1e6 / Double(total),
        ]))

default:
    fail("usage: audit-benchmark generate|verify|append|append-loop|ed25519 ...")
}
