import HCL
import Terraform

/// How a load balancer listener treats plain HTTP, shared by the listener check and the
/// load balancer check.
enum ListenerFacts {
    /// Passed for HTTPS/TLS/TCP/UDP listeners and HTTP listeners that redirect to HTTPS;
    /// failed for other HTTP listeners.
    static func judgePlainHTTP(_ listener: ResourceInstance, _ context: CheckContext) -> Verdict {
        guard let proto = listener.value("protocol") else { return .notApplicable }
        var p = proto.stringValue
        if !proto.isKnown {
            guard listener.configurationWrites("protocol") == false else { return AttributeRules.unknown(listener, "protocol") }
            // Unset: HTTP on an Application Load Balancer, TCP on a Network one.
            let lbs = context.graph.referenced(by: listener, types: ["aws_lb", "aws_alb"])
            guard lbs.count == 1, let type = lbs[0].valueOrProviderDefault("load_balancer_type", default: .string("application")),
                type.isKnown
            else { return AttributeRules.unknown(listener, "protocol") }
            guard type.stringValue == "application" else { return .notApplicable }
            p = "HTTP"
        }
        guard p == "HTTP" else { return .passed }
        let actions = listener.blocks("default_action")
        for (i, action) in actions.enumerated() {
            guard let type = action.attributes?["type"] else { continue }
            guard type.isKnown else { return AttributeRules.unknown(listener, "default_action[\(i)].type") }
            guard type.stringValue == "redirect" else { continue }
            guard let protocolValue = action.attributes?["redirect"]?.elements?.first?.attributes?["protocol"] else { continue }
            guard protocolValue.isKnown else { return AttributeRules.unknown(listener, "default_action[\(i)].redirect[0].protocol") }
            if protocolValue.stringValue == "HTTPS" { return .passed }
        }
        return .failed(path: listener.configurationWrites("protocol") == true ? "protocol" : "", message: "Listener \(listener.address) serves plain HTTP and does not redirect to HTTPS.")
    }
}
