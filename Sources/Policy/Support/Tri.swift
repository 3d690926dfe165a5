/// A three-valued answer: yes, no, or only apply can tell.
///
/// Policy documents and connected resources are often partly unknown while the code is
/// reviewed (an ARN in a `Resource`, a `for_each` over a computed set). Questions about
/// them are answered with `Tri` so that an unknown part never becomes a guessed pass or
/// fail: `.maybe` propagates through `&&` and `||` as in Kleene's logic.
enum Tri: Sendable, Hashable {
    case yes
    case no
    case maybe

    init(_ b: Bool) { self = b ? .yes : .no }

    static func && (a: Tri, b: @autoclosure () -> Tri) -> Tri {
        if a == .no { return .no }
        let rhs = b()
        if rhs == .no { return .no }
        return a == .yes && rhs == .yes ? .yes : .maybe
    }

    static func || (a: Tri, b: @autoclosure () -> Tri) -> Tri {
        if a == .yes { return .yes }
        let rhs = b()
        if rhs == .yes { return .yes }
        return a == .no && rhs == .no ? .no : .maybe
    }

    static prefix func ! (a: Tri) -> Tri {
        switch a {
        case .yes: return .no
        case .no: return .yes
        case .maybe: return .maybe
        }
    }

    /// `.yes` if any element answers yes, `.maybe` if none does but one might.
    static func any<S: Sequence>(_ s: S, _ f: (S.Element) -> Tri) -> Tri {
        var result = Tri.no
        for e in s {
            switch f(e) {
            case .yes: return .yes
            case .maybe: result = .maybe
            case .no: break
            }
        }
        return result
    }

    /// `.no` if any element answers no, `.maybe` if none does but one might.
    static func all<S: Sequence>(_ s: S, _ f: (S.Element) -> Tri) -> Tri {
        var result = Tri.yes
        for e in s {
            switch f(e) {
            case .no: return .no
            case .maybe: result = .maybe
            case .yes: break
            }
        }
        return result
    }
}
