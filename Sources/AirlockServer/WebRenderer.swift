import Foundation
import Hummingbird
import Mustache

/// Renders the web UI's pages from the bundled `Templates/*.mustache` and answers with
/// HTML. Pages extend `layout` (swift-mustache's template inheritance), so the header,
/// navigation and banners are written once.
struct WebRenderer: Sendable {
    let library: MustacheLibrary
    let stylesheet: ByteBuffer

    /// Loads the templates and the stylesheet bundled with this module. A template that
    /// does not parse is a build defect; it throws here, so the server's tests catch it.
    static func bundled() throws -> WebRenderer {
        guard let resources = Bundle.module.resourceURL else { throw WebRendererError("the module has no resource bundle") }
        let folder = resources.appendingPathComponent("Templates")
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        for file in names {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                throw WebRendererError("template \(file) does not parse: \(error)")
            }
        }
        let css = try Data(contentsOf: resources.appendingPathComponent("Static/airlock.css"))
        return WebRenderer(library: library, stylesheet: ByteBuffer(bytes: css))
    }

    /// The page `template` rendered with `view`, as an HTML response.
    func page(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        guard let html = library.render(view, withTemplate: template) else {
            throw WebRendererError("no template \(template)")
        }
        var fields = headers
        for field in Self.securityHeaders { fields.append(field) }
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Sent with every page. The policy allows only this server's stylesheet and forms
    /// posted back to it: no scripts at all, so injected markup could not run even if
    /// escaping failed. No referrer, because the sign-in link carries a token; no caching,
    /// because pages show live approval state.
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        HTTPFields.Element.Name("X-Content-Type-Options")!: "nosniff",
        HTTPFields.Element.Name("Referrer-Policy")!: "no-referrer",
        .cacheControl: "no-store",
    ]

    func stylesheetResponse() -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
            body: .init(byteBuffer: stylesheet))
    }
}

struct WebRendererError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
