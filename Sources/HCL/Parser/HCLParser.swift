import Foundation

/// The entry points for parsing HCL native syntax.
public enum HCLParser {
    /// Parses a configuration file's bytes. Never throws and never crashes: the result
    /// holds whatever could be parsed plus a diagnostic for every problem.
    public static func parse(_ bytes: [UInt8], path: String) -> ConfigFile {
        let (body, diagnostics) = bytes.withUnsafeBufferPointer { buffer -> (Body, [Diagnostic]) in
            let (tokens, hazard, unterminatedComment) = Lexer.tokenize(buffer)
            var diagnostics = Lexer.diagnostics(for: tokens, in: buffer, unterminatedComment: unterminatedComment)
            let run = { () -> (Body, [Diagnostic]) in
                var parser = Parser(src: buffer, tokens: tokens)
                let body = parser.parseBody(end: .eof)
                return (body, parser.diagnostics)
            }
            // Deeply nested input recurses deeply; give such input a stack that fits the
            // parser's depth limit rather than risk the caller's (possibly small) one.
            let (body, parseDiagnostics) = hazard > 24 ? onLargeStack(run) : run()
            diagnostics.append(contentsOf: parseDiagnostics)
            return (body, diagnostics)
        }
        return ConfigFile(path: path, body: body, diagnostics: diagnostics, source: bytes)
    }

    /// Reads and parses a file; a file that cannot be read is reported as a diagnostic.
    public static func parse(contentsOf path: String) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "it could not be read (check its permissions)" : "it does not exist"
            let diagnostic = Diagnostic(
                code: .unreadableFile, summary: "Failed to read file", detail: "The file \"\(path)\" could not be parsed because \(reason).",
                subject: nil)
            let empty = SourceRange.at(.start)
            return ConfigFile(path: path, body: Body(range: empty, endRange: empty), diagnostics: [diagnostic], source: [])
        }
        return parse([UInt8](data), path: path)
    }

    /// The stack size for parsing deeply nested input: room for `Parser.maxDepth` levels
    /// even in a debug build, where frames are large.
    static let largeStackSize = 1 << 29

    private static func onLargeStack<T>(_ work: () -> T) -> T {
        withoutActuallyEscaping(work) { work in runJoined(work) }
    }

    private static func runJoined<T>(_ work: @escaping () -> T) -> T {
        let job = LargeStackJob(work)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, largeStackSize)
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t? = nil
        #endif
        let context = Unmanaged.passRetained(job as StackJob).toOpaque()
        let created = pthread_create(&thread, &attributes, { context in
            Unmanaged<StackJob>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        if created != 0 {
            // No thread could be made: parse here and rely on the depth limit.
            Unmanaged<StackJob>.fromOpaque(context).release()
            job.run()
        } else {
            #if canImport(Glibc)
            pthread_join(thread, nil)
            #else
            pthread_join(thread!, nil)
            #endif
        }
        return job.result!
    }
}

/// Work handed to the large-stack thread; the caller joins the thread before reading the
/// result, so the work never runs concurrently with its owner.
private class StackJob: @unchecked Sendable {
    func run() {}
}

private final class LargeStackJob<T>: StackJob, @unchecked Sendable {
    var work: (() -> T)?
    var result: T?
    init(_ work: @escaping () -> T) { self.work = work }
    override func run() {
        result = work?()
        work = nil
    }
}
