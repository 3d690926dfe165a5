import HCL

/// Terraform's explicit conversions (`tostring` ... `toset`, go-cty conversions with
/// Terraform's own messages) and the functions that read or change sensitive marks.
extension Builtins {
    static let conversion: [BuiltinFunction] = [
        conversionFunction("tobool", to: .bool),
        conversionFunction("tolist", to: .list(.any)),
        conversionFunction("tomap", to: .map(.any)),
        conversionFunction("tonumber", to: .number),
        conversionFunction("toset", to: .set(.any)),
        conversionFunction("tostring", to: .string),
        sensitive, nonsensitive, issensitive, ephemeralasnull,
    ].map(\.builtin)

    /// Terraform's `MakeToFunc`: accepts any value so that failures get messages written
    /// for an explicit conversion rather than for an argument of the wrong type.
    static func conversionFunction(_ name: String, to want: ValueType) -> CtyFunction {
        CtyFunction(
            name, [.anything("v")],
            type: { args throws(FunctionError) in
                let got = args[0].type
                if got == want || got.isConvertible(to: want) { return want }
                switch (got, want) {
                case (.tuple, .tuple):
                    throw FunctionError(argument: 0, "incompatible tuple type for conversion: \(got.mismatchMessage(convertingTo: want)).")
                case (.object, .object):
                    throw FunctionError(argument: 0, "incompatible object type for conversion: \(got.mismatchMessage(convertingTo: want)).")
                default:
                    throw FunctionError(argument: 0, "cannot convert \(got.friendlyName) to \(want.friendlyNameForConstraint).")
                }
            }
        ) { args, type throws(FunctionError) in
            let v = args[0]
            // The declared type, `list(any)` for tolist: what the list will hold is not known yet.
            if !v.isKnown { return Value.unknown(type).marked(v.isSensitive) }
            do throws(ConversionError) {
                return try v.converted(to: type)
            } catch {
                // The type allowed it, the value did not ("yes" to bool).
                let plain = v.unmarkedDeep
                let got = plain.type
                if v.containsSensitive {
                    throw FunctionError(argument: 0, "cannot convert this sensitive \(got.friendlyName) to \(want.friendlyNameForConstraint).")
                }
                let what = plain.stringValue.map(goQuoted) ?? "string"
                switch (got, want) {
                case (.string, .bool):
                    throw FunctionError(argument: 0, "cannot convert \(what) to bool; only the strings \"true\" or \"false\" are allowed.")
                case (.string, .number):
                    throw FunctionError(argument: 0, "cannot convert \(what) to number; given string must be a decimal representation of a number.")
                default:
                    throw FunctionError(argument: 0, "cannot convert \(got.friendlyName) to \(want.friendlyNameForConstraint).")
                }
            }
        }
    }

    /// `sensitive`: the same value, marked.
    static let sensitive = CtyFunction("sensitive", [.anything("value")], type: { args in args[0].type }) { args, _ in
        args[0].marked(true)
    }

    /// `nonsensitive`: the value without its own mark; marks deeper inside stay.
    static let nonsensitive = CtyFunction("nonsensitive", [.anything("value")], type: { args in args[0].type }) { args, _ in
        var v = args[0]
        v.isSensitive = false
        return v
    }

    /// `issensitive`: whether the value itself is marked; an unmarked unknown may still
    /// become sensitive, so the answer waits.
    static let issensitive = CtyFunction("issensitive", [.anything("value")], returns: .bool) { args, _ in
        if args[0].isSensitive { return .true }
        return args[0].isKnown ? .false : .unknown(.bool)
    }

    /// `ephemeralasnull`: ephemeral values are not modelled, so every value passes through.
    static let ephemeralasnull = CtyFunction("ephemeralasnull", [.anything("value")], type: { args in args[0].type }) {
        args, _ in args[0]
    }
}
