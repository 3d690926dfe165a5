import HCL

/// The one list of Terraform's built-in functions Airlock implements, by family.
///
/// Each family lives in its own file (`Builtins+Strings.swift`, ...). Impure functions
/// (`timestamp`, `uuid`, `bcrypt`, `plantimestamp`) are declared too: they return unknown,
/// as only apply can tell their value.
public enum BuiltinCatalog {
    public static let all: [BuiltinFunction] =
        Builtins.strings + Builtins.regex + Builtins.format + Builtins.collections + Builtins.sets
        + Builtins.conversion + Builtins.encoding + Builtins.numbers + Builtins.network + Builtins.hashes
        + Builtins.dates + Builtins.files + Builtins.impure
}

/// Namespace of the built-in families.
enum Builtins {}
