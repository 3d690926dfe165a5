import HCL

extension Builtins {
    /// Functions whose result only apply can know, so they are unknown strings here.
    ///
    /// `timestamp` and `plantimestamp` read the clock (Terraform defers `timestamp` to apply
    /// and fixes `plantimestamp` when the plan is made, which Airlock never is), `uuid`
    /// and `bcrypt` draw random numbers (bcrypt a random salt). A fixed stand-in would
    /// let policies compare values Terraform would never produce, so the honest static
    /// answer is "a string, not yet known". Arguments are still checked: `bcrypt` takes a
    /// string and at most one cost.
    static let impure: [BuiltinFunction] = [
        BuiltinFunction("timestamp", [], returns: .string) { _, _ throws(FunctionError) in .unknown(.string) },
        BuiltinFunction("plantimestamp", [], returns: .string) { _, _ throws(FunctionError) in .unknown(.string) },
        BuiltinFunction("uuid", [], returns: .string) { _, _ throws(FunctionError) in .unknown(.string) },
        BuiltinFunction("bcrypt", [.init("str", .string)], variadic: .init("cost", .number), returns: .string) { args, _ throws(FunctionError) in
            if args.count > 2 { throw FunctionError("bcrypt() takes no more than two arguments.") }
            if args.count == 2 {
                // golang.org/x/crypto/bcrypt accepts costs 4 to 31.
                guard let cost = args[1].numberValue?.int else {
                    throw FunctionError("value must be a whole number, between -9223372036854775808 and 9223372036854775807.")
                }
                if cost > 31 { throw FunctionError("error occured generating password crypto/bcrypt: cost \(cost) is outside allowed inclusive range 4..31.") }
            }
            return .unknown(.string)
        },
    ]
}
