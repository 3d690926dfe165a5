import Foundation
import HCL

extension Value {
    /// A string value in Unicode normalization form C, as every `cty.StringVal` is.
    ///
    /// go-cty normalizes each string it makes, so a function that cuts or joins strings
    /// (`substr` on `e` plus a combining accent, `join` of a letter and an accent) returns
    /// the composed form. ASCII text is already normalized and skips the work.
    static func normalizedString(_ s: String) -> Value {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return .string(s) }
        return .string(s.precomposedStringWithCanonicalMapping)
    }
}
