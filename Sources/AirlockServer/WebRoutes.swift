import Foundation
import Hummingbird

/// The web UI: server-rendered pages for reviewers (see Templates/).
struct WebRoutes {
    let service: ControlService

    func register(on router: Router<AirlockRequestContext>) {
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/ui"]) }
        router.get("/ui") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "<!doctype html><title>Airlock</title><h1>Airlock</h1>")))
        }
    }
}
