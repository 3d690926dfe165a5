import HCL

extension Builtins {
    /// The IP prefix functions of Terraform's `cidr.go`, for IPv4 and IPv6.
    static let network: [BuiltinFunction] = [
        BuiltinFunction("cidrhost", [.init("prefix", .string), .init("hostnum", .number)], returns: .string) { args, _ throws(FunctionError) in
            let hostNumber = try wholeNumber(args[1], argument: nil)
            let network = try parsePrefix(args[0], argument: nil)
            do {
                return .string(CIDR.string(try CIDR.host(network, hostNumber)))
            } catch {
                throw FunctionError("\(messageOf(error)).")
            }
        },
        BuiltinFunction("cidrnetmask", [.init("prefix", .string)], returns: .string) { args, _ throws(FunctionError) in
            let network = try parsePrefix(args[0], argument: nil)
            guard CIDR.to4(network.ip) != nil else {
                throw FunctionError("IPv6 addresses cannot have a netmask: \(args[0].stringValue!).")
            }
            return .string(CIDR.string(network.mask))
        },
        BuiltinFunction(
            "cidrsubnet", [.init("prefix", .string), .init("newbits", .number), .init("netnum", .number)], returns: .string
        ) { args, _ throws(FunctionError) in
            let newBits = try smallInteger(args[1], argument: nil)
            let netNumber = try wholeNumber(args[2], argument: nil)
            let network = try parsePrefix(args[0], argument: nil)
            do {
                return .string(CIDR.string(try CIDR.subnet(network, newBits: newBits, netNumber)))
            } catch {
                throw FunctionError("\(messageOf(error)).")
            }
        },
        BuiltinFunction("cidrsubnets", [.init("prefix", .string)], variadic: .init("newbits", .number), returns: .list(.string)) {
            args, _ throws(FunctionError) in
            try subnets(args)
        },
    ]

    private static func parsePrefix(_ value: Value, argument: Int?) throws(FunctionError) -> CIDR.Network {
        do {
            return try CIDR.parseCIDR(value.stringValue!)
        } catch {
            throw FunctionError(argument: argument, "invalid CIDR expression: \(messageOf(error)).")
        }
    }

    /// A number as gocty reads it into a `*big.Int`.
    private static func wholeNumber(_ value: Value, argument: Int?) throws(FunctionError) -> BigInteger {
        guard let n = value.numberValue, n.isInteger, let big = BigInteger(decimal: n.description) else {
            throw FunctionError(argument: argument, "value must be a whole number.")
        }
        return big
    }

    /// A number as gocty reads it into an `int`.
    private static func smallInteger(_ value: Value, argument: Int?) throws(FunctionError) -> Int {
        guard let n = value.numberValue, n.isInteger, let i = n.int else {
            throw FunctionError(argument: argument, "value must be a whole number, between -9223372036854775808 and 9223372036854775807.")
        }
        return i
    }

    /// `cidrsubnets`: consecutive subnets of the given extra lengths, each after the last.
    private static func subnets(_ args: [Value]) throws(FunctionError) -> Value {
        let network = try parsePrefix(args[0], argument: 0)
        let (startLength, _) = CIDR.maskSize(network.mask)
        let lengths = args.dropFirst()
        guard !lengths.isEmpty else { return .list([], element: .string) }
        let first = try smallInteger(args[1], argument: 1) + startLength
        var current = CIDR.previousSubnet(network, prefixLength: first)
        var results: [Value] = []
        for (offset, argument) in lengths.enumerated() {
            let index = offset + 1
            var length = try smallInteger(argument, argument: index)
            if length < 1 { throw FunctionError(argument: index, "must extend prefix by at least one bit.") }
            // Terraform caps each extension at 32 bits so the subnet number fits 32-bit platforms.
            if length > 32 { throw FunctionError(argument: index, "may not extend prefix by more than 32 bits.") }
            length += startLength
            let addressBits = network.ip.count * 8
            if length > addressBits {
                let proto = addressBits == 32 ? "IPv4" : addressBits == 128 ? "IPv6" : "IP"
                throw FunctionError(argument: index, "would extend prefix to \(length) bits, which is too long for an \(proto) address.")
            }
            let next: CIDR.Network
            let rollover: Bool
            do {
                (next, rollover) = try CIDR.nextSubnet(current, prefixLength: length)
            } catch {
                throw FunctionError(argument: index, "\(messageOf(error)).")
            }
            if rollover || !CIDR.contains(network, next.ip) {
                throw FunctionError(argument: index, "not enough remaining address space for a subnet with a prefix of \(length) bits after \(CIDR.string(current)).")
            }
            current = next
            results.append(.string(CIDR.string(current)))
        }
        return .list(results, element: .string)
    }
}
