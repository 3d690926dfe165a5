import Foundation
import HCL

/// The vocabulary of network exposure checks: which source addresses are "the internet",
/// what traffic a protocol and port range admit, and which traffic a check cares about.
/// Security groups and network ACLs both speak it.
enum NetworkExposure {
    /// Whether a CIDR block covers every address of its family (`0.0.0.0/0`, `::/0`, or any
    /// other spelling with a zero-length prefix, such as `0:0:0:0:0:0:0:0/0`).
    static func isWholeInternet(_ cidr: String) -> Bool {
        let parts = cidr.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), prefix == 0 else { return false }
        let address = parts[0]
        if address.contains(":") { return isIPv6(address) }
        return isIPv4(address)
    }

    private static func isIPv4(_ s: Substring) -> Bool {
        let octets = s.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { o in
            !o.isEmpty && o.count <= 3 && o.allSatisfy(\.isASCIIDigit) && Int(o)! <= 255
        }
    }

    private static func isIPv6(_ s: Substring) -> Bool {
        let halves = s.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        let groups = halves.flatMap { $0.isEmpty ? [] : $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
        guard groups.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }) else { return false }
        return halves.count == 2 ? groups.count < 8 : groups.count == 8
    }

    /// Whether a source value (one CIDR string, or a list of them) includes the whole
    /// internet: `.maybe` when a CIDR in it is known only after apply.
    static func includesWholeInternet(_ value: Value?) -> Tri {
        guard let value, !value.isNull else { return .no }
        guard value.isKnown else { return .maybe }
        if let s = value.stringValue { return Tri(isWholeInternet(s)) }
        guard let elements = value.elements else { return .no }
        return Tri.any(elements) { e in
            guard e.isKnown else { return .maybe }
            return Tri(e.stringValue.map(isWholeInternet) ?? false)
        }
    }

    /// The first whole-internet CIDR in a source value, for messages.
    static func wholeInternetCIDR(in value: Value?) -> String? {
        guard let value else { return nil }
        if let s = value.stringValue { return isWholeInternet(s) ? s : nil }
        return value.elements?.compactMap(\.stringValue).first(where: isWholeInternet)
    }

    /// An IP protocol as security groups and network ACLs name it: a name or an IANA number,
    /// `-1` (or `all`) for every protocol.
    enum IPProtocol: Sendable, Hashable {
        case all
        case tcp
        case udp
        /// ICMP or ICMPv6: the "ports" are ICMP types and codes.
        case icmp
        /// Any other protocol (ESP, GRE ...): no ports; every packet of it is admitted.
        case other(String)

        init(_ raw: String) {
            switch raw.lowercased() {
            case "-1", "all": self = .all
            case "tcp", "6": self = .tcp
            case "udp", "17": self = .udp
            case "icmp", "1", "icmpv6", "58": self = .icmp
            default: self = .other(raw)
            }
        }

        /// Whether the protocol has ports, so that `from_port`/`to_port` matter.
        var hasPorts: Bool {
            switch self {
            case .tcp, .udp: return true
            case .all, .icmp, .other: return false
            }
        }
    }

    /// An inclusive TCP/UDP port range. A negative bound stands for "any" as in the EC2 API
    /// (`-1`); otherwise the bounds are taken as written: `0`–`0` is port 0 alone.
    struct PortRange: Sendable, Hashable, CustomStringConvertible {
        var lower: Int
        var upper: Int

        init(from: Int?, to: Int?) {
            let f = from ?? -1, t = to ?? -1
            lower = f < 0 ? 0 : f
            upper = t < 0 ? 65535 : t
        }

        func contains(_ port: Int) -> Bool { lower <= port && port <= upper }
        var isEveryPort: Bool { lower <= 1 && upper >= 65535 }
        var description: String { lower == upper ? "port \(lower)" : "ports \(lower)-\(upper)" }
    }

    /// The traffic a check asks about.
    enum Target: Sendable, Hashable {
        /// One TCP port, with the service that listens there (`22`, "SSH").
        case tcpPort(Int, service: String)
        /// Any of several TCP ports (database listeners), each with its service.
        case tcpPorts([Int: String])
        /// Every protocol, or every port of TCP or UDP.
        case allTraffic
        /// Anything but web traffic: TCP 80 and 443, and UDP 443 (HTTP/3).
        case beyondWeb

        /// What of this target traffic of `proto` on `ports` admits, in words; nil when it
        /// admits none of it. `ports` is only read for protocols that have ports.
        func admitted(by proto: IPProtocol, ports: PortRange) -> String? {
            switch self {
            case .tcpPort(let port, let service):
                switch proto {
                case .all: return "all traffic, including \(service) (TCP \(port))"
                case .tcp: return ports.contains(port) ? "\(service) (TCP \(ports.lower == ports.upper ? "\(port)" : "\(ports.description) including \(port)"))" : nil
                case .udp, .icmp, .other: return nil
                }
            case .tcpPorts(let services):
                switch proto {
                case .all:
                    return "all traffic, including database ports"
                case .tcp:
                    let hit = services.keys.sorted().filter(ports.contains)
                    guard !hit.isEmpty else { return nil }
                    return hit.prefix(4).map { "\(services[$0]!) (TCP \($0))" }.joined(separator: ", ") + (hit.count > 4 ? " and \(hit.count - 4) more" : "")
                case .udp, .icmp, .other: return nil
                }
            case .allTraffic:
                switch proto {
                case .all: return "all traffic (every protocol and port)"
                case .tcp: return ports.isEveryPort ? "every TCP port" : nil
                case .udp: return ports.isEveryPort ? "every UDP port" : nil
                case .icmp, .other: return nil
                }
            case .beyondWeb:
                switch proto {
                case .all: return "all traffic"
                case .tcp: return ports.lower == ports.upper && (ports.lower == 80 || ports.lower == 443) ? nil : "TCP \(ports.description)"
                case .udp: return ports.lower == 443 && ports.upper == 443 ? nil : "UDP \(ports.description)"
                case .icmp: return nil
                case .other(let p): return "protocol \(p)"
                }
            }
        }
    }

    /// Database and data-store listeners that should never face the internet.
    static let databasePorts: [Int: String] = [
        1433: "SQL Server", 1521: "Oracle", 2379: "etcd", 3306: "MySQL", 5432: "PostgreSQL", 5439: "Redshift",
        5984: "CouchDB", 6379: "Redis", 7474: "Neo4j", 8086: "InfluxDB", 9042: "Cassandra", 9092: "Kafka",
        9200: "Elasticsearch", 9300: "Elasticsearch transport", 11211: "Memcached", 27017: "MongoDB",
    ]
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
