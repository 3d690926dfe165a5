import Foundation
import Hummingbird
import Logging

/// `airlock serve`: the application and how it runs.
public enum AirlockServer {
    /// The router with every route and middleware, for `run` and for tests
    /// (HummingbirdTesting drives it in process).
    public static func router(service: ControlService) -> Router<AirlockRequestContext> {
        let router = Router(context: AirlockRequestContext.self)
        router.add(middleware: ResponseCounting(metrics: service.metrics))
        router.add(middleware: Authentication(service: service))
        APIRoutes(service: service).register(on: router)
        WebRoutes(service: service).register(on: router)
        return router
    }

    public static func application(service: ControlService, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(service: service),
            configuration: .init(address: .hostname(service.settings.host, port: service.settings.port), serverName: "airlock"),
            onServerRunning: { channel in
                logger.notice("airlock serve: listening on http://\(service.settings.host):\(channel.localAddress?.port ?? service.settings.port)")
            },
            logger: logger)
    }
}

/// Counts responses by status class for `/metrics`, thrown errors included.
struct ResponseCounting: RouterMiddleware {
    typealias Context = AirlockRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            metrics.recordRequest(status: response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            metrics.recordRequest(status: error.status.code)
            throw error
        } catch {
            // Not a client's fault (the database went away, a bug): a JSON 500 that says what,
            // rather than Hummingbird's empty one.
            metrics.recordRequest(status: 500)
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            throw APIError(.internalServerError, "internal", "The server failed: \(error)")
        }
    }
}
