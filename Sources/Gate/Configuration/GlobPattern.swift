/// A shell-style pattern: `*` matches within one path segment (no `/`), `**` matches across
/// segments, `?` one character; everything else is literal. Case-sensitive, as resource
/// types, workspaces and paths are.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    private let pieces: [Piece]

    private enum Piece: Hashable, Sendable {
        case literal([UInt8])
        case star, doubleStar, one
    }

    public init(_ text: String) {
        self.text = text
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] }
        }
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "*"):
                flush()
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                    pieces.append(.doubleStar)
                    i += 1
                    // `**/` also matches no directory at all: `a/**/b` matches `a/b`.
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") { i += 1 }
                } else {
                    pieces.append(.star)
                }
            case UInt8(ascii: "?"):
                flush()
                pieces.append(.one)
            default:
                literal.append(bytes[i])
            }
            i += 1
        }
        flush()
        self.pieces = pieces
    }

    public var description: String { text }

    public func matches(_ name: String) -> Bool {
        Self.match(pieces[...], Array(name.utf8)[...])
    }

    private static func match(_ pattern: ArraySlice<Piece>, _ name: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case .literal(let bytes):
            guard name.starts(with: bytes) else { return false }
            return match(rest, name.dropFirst(bytes.count))
        case .one:
            guard let c = name.first, c != UInt8(ascii: "/") else { return false }
            return match(rest, name.dropFirst())
        case .star, .doubleStar:
            var tail = name
            while true {
                if match(rest, tail) { return true }
                guard let c = tail.first else { return false }
                if first == .star, c == UInt8(ascii: "/") { return false }
                tail = tail.dropFirst()
            }
        }
    }
}

extension GlobPattern: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
