import Testing

@testable import AirlockServer

/// Where a sign-in may send the browser, and which form posts count as cross-site.
@Suite struct WebSessionTests {
    @Test(arguments: [
        ("/ui", "/ui"), ("/ui/audit", "/ui/audit"), ("/ui/audit?before=40", "/ui/audit?before=40"), ("/ui?x=1", "/ui?x=1"),
        ("/ui/decisions/dec_abc", "/ui/decisions/dec_abc"),
        (nil, "/ui"), ("", "/ui"), ("/", "/ui"), ("/api/v1/tokens", "/ui"), ("/uix", "/ui"), ("//evil.example", "/ui"),
        ("https://evil.example/ui", "/ui"), ("/ui//evil.example", "/ui"), ("/ui/\\evil.example", "/ui"), ("/ui/../api", "/ui"),
        ("/ui/..", "/ui"), ("/ui/a b", "/ui"), ("/ui/\n", "/ui"),
    ] as [(String?, String)])
    func safeNext(next: String?, expected: String) {
        #expect(WebSession.safeNext(next) == expected)
    }

    @Test(arguments: [
        (nil, "localhost", false),
        ("http://localhost", "localhost", false),
        ("http://localhost:80", "localhost", false),
        ("http://127.0.0.1:8080", "127.0.0.1:8080", false),
        ("http://[::1]:8080", "[::1]:8080", false),
        ("HTTP://LocalHost:8080", "localhost:8080", false),
        ("https://evil.example", "localhost", true),
        ("http://127.0.0.1:9999", "127.0.0.1:8080", true),
        ("null", "localhost", true),
        ("http://localhost", nil, true),
    ] as [(String?, String?, Bool)])
    func crossSite(origin: String?, host: String?, expected: Bool) {
        #expect(WebSession.isCrossSite(origin: origin, host: host) == expected)
    }
}
