import Crypto
import Foundation

/// The SHA-256 of the policy in force when a decision was made: the configuration text,
/// the IDs of every check that ran (with Airlock's version, which fixes their logic) and
/// the baseline. Two decisions with the same policy digest were judged by the same rules.
public enum PolicyDigest {
    /// `customPolicies` is the bytes of every custom policy file, in path order.
    public static func compute(airlockVersion: String, configurationText: String?, checkIDs: [String], baseline: Data?, customPolicies: Data? = nil) -> String {
        var text = "airlock \(airlockVersion)\n"
        text += "configuration " + (configurationText.map { sha256(Data($0.utf8)) } ?? "defaults") + "\n"
        text += "checks " + checkIDs.sorted().joined(separator: ",") + "\n"
        text += "baseline " + (baseline.map(sha256) ?? "none") + "\n"
        if let customPolicies { text += "custom " + sha256(customPolicies) + "\n" }
        return "sha256:" + sha256(Data(text.utf8))
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
