import Foundation
import Gate
import Policy
import Testing

/// Reading `airlock.yaml`: every diagnostic code with its position, the model each section
/// reads into, the shipped example, file discovery, and inputs that must not crash.
@Suite struct ConfigurationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    // MARK: Diagnostics

    /// A snippet and the diagnostics it must produce, as `CODE line:column`, in order.
    struct DiagnosticCase: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var expected: [String]
        /// Text the first diagnostic's summary or detail must contain (a suggestion, a hint).
        var mentions: String? = nil
        var testDescription: String { name }
    }

    static let diagnosticCases: [DiagnosticCase] = [
        DiagnosticCase(name: "the smallest valid file", yaml: "version: 1\n", expected: []),
        DiagnosticCase(name: "CRLF line endings", yaml: "version: 1\r\nrules: []\r\n", expected: []),
        // GATE001
        DiagnosticCase(name: "unclosed flow list", yaml: "version: 1\nrules: [\n", expected: ["GATE001 3:1"]),
        DiagnosticCase(name: "bad indentation", yaml: "version: 1\nrisk:\n  stateful_delete: high\n other_delete: low\n", expected: ["GATE001 4:2"]),
        DiagnosticCase(name: "two documents", yaml: "version: 1\n---\nversion: 1\n", expected: ["GATE001 2:1"]),
        DiagnosticCase(name: "a control character", yaml: "version: 1\nbaseline: a\u{07}b\n", expected: ["GATE001 2:12"]),
        // GATE002
        DiagnosticCase(name: "tab indentation", yaml: "version: 1\nenvironments:\n\tprod: {}\n", expected: ["GATE002 3:1"], mentions: "tab"),
        DiagnosticCase(name: "tab after spaces", yaml: "version: 1\nrisk:\n  \tstateful_delete: high\n", expected: ["GATE002 3:3"]),
        // GATE003
        DiagnosticCase(name: "ten thousand open brackets", yaml: "version: 1\nrules: " + String(repeating: "[", count: 10_000), expected: ["GATE003 2:107"]),
        // GATE004
        DiagnosticCase(name: "empty file", yaml: "", expected: ["GATE004 1:1"], mentions: "version: 1"),
        DiagnosticCase(name: "comments only", yaml: "# nothing yet\n\n", expected: ["GATE004 1:1"]),
        DiagnosticCase(name: "a bare document marker", yaml: "---\n", expected: ["GATE004 1:1"]),
        // GATE005
        DiagnosticCase(name: "a list at the top", yaml: "- version: 1\n", expected: ["GATE005 1:1"]),
        DiagnosticCase(name: "a scalar at the top", yaml: "airlock\n", expected: ["GATE005 1:1"]),
        // GATE006, GATE007
        DiagnosticCase(name: "no version", yaml: "rules: []\n", expected: ["GATE006 1:1"]),
        DiagnosticCase(name: "version 2", yaml: "version: 2\nfuture_section: {}\n", expected: ["GATE007 1:10"], mentions: "version: 1"),
        // GATE008
        DiagnosticCase(name: "misspelt section", yaml: "version: 1\nenviroments: {}\n", expected: ["GATE008 2:1"], mentions: "Did you mean \"environments\"?"),
        DiagnosticCase(
            name: "misspelt limit", yaml: "version: 1\nactors:\n  - match: \"agent:*\"\n    limits:\n      max_delete: 0\n",
            expected: ["GATE008 5:7"], mentions: "Did you mean \"max_deletes\"?"),
        DiagnosticCase(
            name: "camelCase key", yaml: "version: 1\nactors:\n  - match: \"agent:*\"\n    onViolation: deny\n",
            expected: ["GATE008 4:5"], mentions: "Did you mean \"on_violation\"?"),
        DiagnosticCase(
            name: "plural condition key", yaml: "version: 1\nrules:\n  - name: r\n    when: {tiers: [high]}\n    outcome: deny\n",
            expected: ["GATE008 4:12"], mentions: "Did you mean \"tier\"?"),
        DiagnosticCase(name: "unknown severity in new_findings", yaml: "version: 1\nrisk:\n  new_findings: {hihg: high}\n", expected: ["GATE008 3:18"], mentions: "Did you mean \"high\"?"),
        DiagnosticCase(name: "YAML merge key", yaml: "version: 1\nrisk:\n  <<: {other_delete: low}\n", expected: ["GATE008 3:3"], mentions: "merge"),
        DiagnosticCase(name: "a key far from any", yaml: "version: 1\nzzz: 1\n", expected: ["GATE008 2:1"]),
        // GATE009
        DiagnosticCase(name: "a section twice", yaml: "version: 1\nrules: []\nrules: []\n", expected: ["GATE009 3:1"], mentions: "line 2"),
        DiagnosticCase(
            name: "an environment twice", yaml: "version: 1\nenvironments:\n  prod: {workspaces: [prod]}\n  prod: {workspaces: [live]}\n",
            expected: ["GATE009 4:3"]),
        // GATE010
        DiagnosticCase(name: "a mapping where a name is expected", yaml: "version: 1\ndefault_outcome: {deny: true}\n", expected: ["GATE010 2:18"]),
        DiagnosticCase(name: "a mapping where a list is expected", yaml: "version: 1\nstateful_types: {aws: db}\n", expected: ["GATE010 2:17"]),
        DiagnosticCase(name: "a section with no value", yaml: "version: 1\nrules:\n", expected: ["GATE010 2:1"], mentions: "[]"),
        DiagnosticCase(name: "a quoted version", yaml: "version: \"1\"\n", expected: ["GATE010 1:10"], mentions: "quotes"),
        DiagnosticCase(
            name: "yes for a boolean", yaml: "version: 1\nactors:\n  - match: \"*\"\n    limits: {protect_stateful: yes}\n",
            expected: ["GATE010 4:32"]),
        DiagnosticCase(
            name: "a fraction for a count", yaml: "version: 1\nactors:\n  - match: \"*\"\n    limits: {max_changes: 1.5}\n",
            expected: ["GATE010 4:27"]),
        DiagnosticCase(
            name: "a list for allow and deny", yaml: "version: 1\nactors:\n  - match: \"*\"\n    limits: {resource_types: [aws_s3_bucket]}\n",
            expected: ["GATE010 4:30"], mentions: "{allow: [...]}"),
        DiagnosticCase(name: "environments as a list", yaml: "version: 1\nenvironments:\n  - name: prod\n", expected: ["GATE010 3:3"], mentions: "`prod:`"),
        DiagnosticCase(name: "a list as a key", yaml: "version: 1\n? [a, b]\n: 1\n", expected: ["GATE010 2:3"]),
        DiagnosticCase(name: "a rule that is a name", yaml: "version: 1\nrules: [deny-everything]\n", expected: ["GATE010 2:9"]),
        // GATE011
        DiagnosticCase(
            name: "misspelt tier", yaml: "version: 1\nrules:\n  - name: r\n    when: {tier: [high, critcal]}\n    outcome: deny\n",
            expected: ["GATE011 4:25"], mentions: "Did you mean \"critical\"?"),
        DiagnosticCase(
            name: "unknown outcome", yaml: "version: 1\nrules:\n  - name: r\n    outcome: block\n",
            expected: ["GATE011 4:14"]),
        DiagnosticCase(
            name: "outcome in another case", yaml: "version: 1\ndefault_outcome: Deny\n",
            expected: ["GATE011 2:18"], mentions: "Did you mean \"deny\"?"),
        DiagnosticCase(
            name: "destroy is not an action", yaml: "version: 1\nrules:\n  - name: r\n    when: {action: destroy}\n    outcome: deny\n",
            expected: ["GATE011 4:20"]),
        DiagnosticCase(
            name: "robot is not an actor kind", yaml: "version: 1\nrules:\n  - name: r\n    when: {actor_kind: [agent, robot]}\n    outcome: deny\n",
            expected: ["GATE011 4:32"]),
        DiagnosticCase(
            name: "limits cannot allow", yaml: "version: 1\nactors:\n  - match: \"*\"\n    on_violation: allow\n",
            expected: ["GATE011 4:19"]),
        DiagnosticCase(
            name: "unknown finding severity", yaml: "version: 1\nrules:\n  - name: r\n    when: {new_finding_severity: severe}\n    outcome: deny\n",
            expected: ["GATE011 4:34"]),
        DiagnosticCase(
            name: "escalation for bots", yaml: "version: 1\nrisk:\n  escalations: [{actor_kinds: [bot]}]\n",
            expected: ["GATE011 3:32"]),
        DiagnosticCase(name: "an empty rule name", yaml: "version: 1\nrules:\n  - name: \"\"\n    outcome: deny\n", expected: ["GATE011 3:11"]),
        // GATE012
        DiagnosticCase(
            name: "negative max_deletes", yaml: "version: 1\nactors:\n  - match: \"agent:*\"\n    limits:\n      max_deletes: -1\n",
            expected: ["GATE012 5:20"]),
        DiagnosticCase(name: "a size threshold of zero", yaml: "version: 1\nrisk:\n  size: [{changes: 0, tier: low}]\n", expected: ["GATE012 3:20"]),
        DiagnosticCase(
            name: "zero approvals", yaml: "version: 1\nrules:\n  - name: r\n    outcome: approval_required\n    approvals: {count: 0}\n",
            expected: ["GATE012 5:24"]),
        DiagnosticCase(name: "zero escalation steps", yaml: "version: 1\nrisk:\n  escalations: [{steps: 0}]\n", expected: ["GATE012 3:25"]),
        DiagnosticCase(
            name: "a count beyond 64 bits", yaml: "version: 1\nactors:\n  - match: \"*\"\n    limits: {max_changes: 99999999999999999999}\n",
            expected: ["GATE012 4:27"]),
        // GATE013
        DiagnosticCase(name: "a rule without a name", yaml: "version: 1\nrules:\n  - outcome: deny\n", expected: ["GATE013 3:5"]),
        DiagnosticCase(name: "a rule without an outcome", yaml: "version: 1\nrules:\n  - name: r\n", expected: ["GATE013 3:5"]),
        DiagnosticCase(name: "limits without match", yaml: "version: 1\nactors:\n  - limits: {max_changes: 5}\n", expected: ["GATE013 3:5"]),
        DiagnosticCase(name: "a size threshold without a tier", yaml: "version: 1\nrisk:\n  size: [{changes: 10}]\n", expected: ["GATE013 3:10"]),
        // GATE014
        DiagnosticCase(
            name: "two rules with one name", yaml: "version: 1\nrules:\n  - name: r\n    outcome: deny\n  - name: r\n    outcome: allow\n",
            expected: ["GATE014 5:11"], mentions: "line 3"),
        // GATE015
        DiagnosticCase(
            name: "limits to an undeclared environment", yaml: "version: 1\nactors:\n  - match: \"agent:*\"\n    limits: {environments: [dev, qa]}\n",
            expected: ["GATE015 4:34"]),
        DiagnosticCase(
            name: "limits to a misspelt environment",
            yaml: "version: 1\nenvironments:\n  production: {workspaces: [prod]}\nrules: []\nrisk: {escalations: []}\nactors:\n  - match: \"agent:*\"\n    limits: {environments: [prodution]}\n",
            expected: ["GATE015 8:29"], mentions: "Did you mean \"production\"?"),
        // GATE016
        DiagnosticCase(
            name: "a rule in an unknown environment", yaml: "version: 1\nrules:\n  - name: r\n    when: {environment: qa}\n    outcome: deny\n",
            expected: ["GATE016 4:25"]),
        DiagnosticCase(
            name: "an escalation in an unknown environment", yaml: "version: 1\nrisk:\n  escalations: [{environments: [qa]}]\n",
            expected: ["GATE016 3:33"]),
        DiagnosticCase(
            name: "own environments without prod keep the default rules",
            yaml: "version: 1\nenvironments:\n  production: {workspaces: [production]}\n",
            expected: ["GATE016 2:1"], mentions: "\"prod\""),
        DiagnosticCase(
            name: "a default environment the file dropped",
            yaml: "version: 1\nenvironments:\n  live: {workspaces: [live]}\nrisk: {escalations: []}\nrules:\n  - name: r\n    when: {environment: staging}\n    outcome: deny\n",
            expected: ["GATE016 7:25"]),
        // GATE017, GATE018
        DiagnosticCase(
            name: "an unquoted account", yaml: "version: 1\nenvironments:\n  prod: {accounts: [111111111111]}\n",
            expected: ["GATE017 3:21"], mentions: "\"111111111111\""),
        DiagnosticCase(
            name: "an account that lost its leading zero", yaml: "version: 1\nenvironments:\n  prod: {accounts: [12345678901]}\n",
            expected: ["GATE018 3:21"], mentions: "leading zeros"),
        DiagnosticCase(
            name: "a quoted account too short", yaml: "version: 1\nactors:\n  - match: \"*\"\n    limits: {accounts: [\"1234\"]}\n",
            expected: ["GATE018 4:25"]),
        // GATE019
        DiagnosticCase(name: "an actor without a kind", yaml: "version: 1\nactors:\n  - match: claude-code\n", expected: ["GATE019 3:12"], mentions: "agent:claude-code"),
        DiagnosticCase(name: "an unknown actor kind", yaml: "version: 1\nactors:\n  - match: [\"agnet:*\"]\n", expected: ["GATE019 3:13"], mentions: "Did you mean \"agent\"?"),
        DiagnosticCase(name: "an actor kind without a name", yaml: "version: 1\nactors:\n  - match: \"agent:\"\n", expected: ["GATE019 3:12"]),
        DiagnosticCase(
            name: "a role member without a kind", yaml: "version: 1\napprovals:\n  roles:\n    security: [carol]\n",
            expected: ["GATE019 4:16"]),
        DiagnosticCase(
            name: "a rule actor with a capital kind", yaml: "version: 1\nrules:\n  - name: r\n    when: {actor: \"Agent:*\"}\n    outcome: deny\n",
            expected: ["GATE019 4:19"]),
        // GATE020
        DiagnosticCase(
            name: "an unknown instance size", yaml: "version: 1\nactors:\n  - match: \"*\"\n    limits: {max_instance_size: huge}\n",
            expected: ["GATE020 4:33"]),
        DiagnosticCase(
            name: "an instance type for a size", yaml: "version: 1\nactors:\n  - match: \"*\"\n    limits: {max_instance_size: m5.xlarge}\n",
            expected: ["GATE020 4:33"], mentions: "`xlarge`"),
        // GATE021
        DiagnosticCase(
            name: "approvals on a deny rule", yaml: "version: 1\nrules:\n  - name: r\n    outcome: deny\n    approvals: {count: 2}\n",
            expected: ["GATE021 5:5"]),
        // GATE022
        DiagnosticCase(name: "an unknown duration unit", yaml: "version: 1\napprovals: {approval_lifetime: 24x}\n", expected: ["GATE022 2:32"]),
        DiagnosticCase(name: "a zero duration", yaml: "version: 1\napprovals: {decision_lifetime: 0h}\n", expected: ["GATE022 2:32"]),
        DiagnosticCase(name: "a negative duration", yaml: "version: 1\napprovals: {decision_lifetime: -60}\n", expected: ["GATE022 2:32"]),
        // GATE023
        DiagnosticCase(name: "an environment with no selectors", yaml: "version: 1\nenvironments:\n  prod:\n  dev: {workspaces: [dev]}\n", expected: ["GATE023 3:3"]),
        // GATE024
        DiagnosticCase(name: "matching no actor", yaml: "version: 1\nactors:\n  - match: []\n", expected: ["GATE024 3:12"]),
        DiagnosticCase(name: "no tier at all", yaml: "version: 1\nrules:\n  - name: r\n    when: {tier: []}\n    outcome: deny\n", expected: ["GATE024 4:18"]),
        DiagnosticCase(name: "a role nobody holds", yaml: "version: 1\napprovals:\n  roles: {security: []}\n", expected: ["GATE024 3:21"]),
        // GATE026
        DiagnosticCase(
            name: "a rule on an unknown sensitive category", yaml: "version: 1\nrules:\n  - name: r\n    when: {sensitive_category: networking}\n    outcome: deny\n",
            expected: ["GATE026 4:32"], mentions: "Did you mean \"network\"?"),
        DiagnosticCase(name: "a tier for an unknown category", yaml: "version: 1\nrisk:\n  sensitive_change: {dns: high}\n", expected: ["GATE026 3:22"]),
        DiagnosticCase(
            name: "a category added by sensitive_types_extra", yaml: "version: 1\nsensitive_types_extra: {dns: [aws_route53_record]}\nrisk:\n  sensitive_change: {dns: high}\n",
            expected: []),
        // Several problems in one file are all reported, in file order.
        DiagnosticCase(
            name: "every problem at once",
            yaml: """
                version: 1
                enviroments: {}
                actors:
                  - match: "robot:*"
                    limits: {max_deletes: -2}
                rules:
                  - name: a
                    outcome: maybe
                  - name: a
                    outcome: deny

                """,
            expected: ["GATE008 2:1", "GATE019 4:12", "GATE012 5:27", "GATE011 8:14", "GATE014 9:11"]),
        // Quoted brackets and block scalars are text, not nesting.
        DiagnosticCase(
            name: "brackets inside quotes and block scalars",
            yaml: "version: 1\nrules:\n  - name: r\n    outcome: deny\n    message: \"" + String(repeating: "[", count: 500) + "\"\n"
                + "  - name: s\n    outcome: deny\n    message: |\n      " + String(repeating: "[x] ", count: 500) + "\n      it's \"fine\n"
                + "  - name: t\n    outcome: deny\n    message: \"" + String(repeating: "{", count: 300) + "\n      still quoted\"\n",
            expected: []),
    ]

    @Test(arguments: diagnosticCases)
    func diagnostics(_ c: DiagnosticCase) {
        let (configuration, diagnostics) = GateConfiguration.parse(c.yaml, path: "airlock.yaml")
        #expect(diagnostics.map { "\($0.code) \($0.line):\($0.column)" } == c.expected, "\(diagnostics)")
        #expect((configuration == nil) == diagnostics.containsErrors)
        if let mentions = c.mentions, let first = diagnostics.first {
            #expect(first.summary.contains(mentions) || first.detail.contains(mentions), "\(first)")
        }
        for diagnostic in diagnostics {
            #expect(diagnostic.severity.rawValue == ConfigurationDiagnostic.Code(rawValue: diagnostic.code)?.severity.rawValue)
            #expect(!diagnostic.summary.isEmpty && !diagnostic.detail.isEmpty)
        }
    }

    /// Every code is documented, and every code but the file-reading one (tested through
    /// `load`) has a case above.
    @Test func catalog() throws {
        let doc = try Self.documentation()
        let covered = Set(Self.diagnosticCases.flatMap { $0.expected.map { String($0.prefix(7)) } })
        for code in ConfigurationDiagnostic.Code.allCases {
            #expect(doc.contains("`\(code.rawValue)`"), "\(code.rawValue) is not in docs/airlock-yaml.md")
            if code != .unreadableFile { #expect(covered.contains(code.rawValue), "no case produces \(code.rawValue)") }
        }
    }

    @Test func descriptionNamesFileLineAndColumn() {
        let (_, diagnostics) = GateConfiguration.parse("version: 1\nrules:\n  - name: r\n    outcome: block\n", path: "repo/airlock.yaml")
        let text = diagnostics.first?.description ?? ""
        #expect(text.hasPrefix("repo/airlock.yaml:4:14: error[GATE011]: \"block\" is not a valid rule \"r\".outcome\n  "))
        #expect(text.contains("allow, approval_required, deny"))
    }

    // MARK: Model

    /// A snippet and what it reads as: the defaults with `change` applied (lines ignored).
    struct ModelCase: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var change: @Sendable (inout GateConfiguration) -> Void
        var testDescription: String { name }
    }

    static let modelCases: [ModelCase] = [
        ModelCase(name: "a file with only version is the defaults", yaml: "version: 1\n") { _ in },
        ModelCase(
            name: "only actors keeps the default environments and rules",
            yaml: "version: 1\nactors:\n  - match: [\"agent:*\", \"ci:*\"]\n    limits: {max_changes: 10, protect_stateful: true}\n"
        ) {
            $0.actorLimits = [ActorLimits(actors: ["agent:*", "ci:*"], limits: BlastRadiusLimits(maxChanges: 10, protectStateful: true))]
        },
        ModelCase(
            name: "a string where a list is expected is a one-item list",
            yaml: "version: 1\nactors:\n  - match: \"agent:*\"\n    limits: {providers: aws, environments: dev}\nrules:\n  - name: r\n    when: {tier: high, action: delete, resource_type: \"aws_db_*\"}\n    outcome: deny\n"
        ) {
            $0.actorLimits = [ActorLimits(actors: ["agent:*"], limits: BlastRadiusLimits(providers: ["aws"], environments: ["dev"]))]
            $0.rules = [GateRule(name: "r", when: RuleCondition(tiers: [.high], actions: [.delete], resourceTypes: ["aws_db_*"]), outcome: .deny)]
        },
        ModelCase(name: "an empty rules list means no rules", yaml: "version: 1\nrules: []\ndefault_outcome: approval_required\n") {
            $0.rules = []
            $0.defaultOutcome = .approvalRequired
        },
        ModelCase(name: "risk keys left out keep their defaults", yaml: "version: 1\nrisk:\n  stateful_delete: critical\n") {
            $0.risk.statefulDelete = .critical
        },
        ModelCase(
            name: "severities and categories left out keep their defaults",
            yaml: "version: 1\nrisk:\n  new_findings: {medium: high}\n  existing_findings: {critical: critical}\n  sensitive_change: {iam: critical}\n"
        ) {
            $0.risk.newFindings[.medium] = .high
            $0.risk.existingFindings[.critical] = .critical
            $0.risk.sensitiveChange = ["default": .medium, "iam": .critical]
        },
        ModelCase(
            name: "size and escalations replace the defaults",
            yaml: "version: 1\nrisk:\n  size: [{changes: 10, tier: high}]\n  escalations:\n    - {actor_kinds: agent, steps: 2, from_low: true}\n"
        ) {
            $0.risk.size = [SizeThreshold(changes: 10, tier: .high)]
            $0.risk.escalations = [Escalation(actorKinds: [.agent], steps: 2, fromLow: true)]
        },
        ModelCase(
            name: "environments keep their order",
            yaml: "version: 1\nenvironments:\n  prod: {workspaces: [prod], accounts: [\"012345678901\"]}\n  dev: {directories: [\"envs/dev/**\"], regions: \"us-*\"}\n"
        ) {
            $0.environments = [
                EnvironmentDefinition(name: "prod", workspaces: ["prod"], accounts: ["012345678901"]),
                EnvironmentDefinition(name: "dev", directories: ["envs/dev/**"], regions: ["us-*"]),
            ]
        },
        ModelCase(
            name: "stateful_types replaces the list and stateful_types_extra adds to it",
            yaml: "version: 1\nstateful_types: [aws_db_instance]\nstateful_types_extra: [\"aws_mq_*\"]\n"
        ) {
            $0.statefulTypes = ["aws_db_instance", "aws_mq_*"]
        },
        ModelCase(
            name: "sensitive_types_extra extends a category and adds new ones",
            yaml: "version: 1\nsensitive_types: {iam: [\"aws_iam_*\"]}\nsensitive_types_extra: {iam: [aws_lambda_permission], dns: [aws_route53_record]}\n"
        ) {
            $0.sensitiveTypes = [
                SensitiveCategory(name: "iam", types: ["aws_iam_*", "aws_lambda_permission"]),
                SensitiveCategory(name: "dns", types: ["aws_route53_record"]),
            ]
        },
        ModelCase(
            name: "durations in every unit",
            yaml: "version: 1\napprovals:\n  approval_lifetime: 90s\n  decision_lifetime: 7d\n  roles: {security: \"human:carol\"}\n"
        ) {
            $0.approvals = ApprovalSettings(approvalLifetime: 90, decisionLifetime: 7 * 86400, roleMembers: ["security": ["human:carol"]])
        },
        ModelCase(name: "a duration in plain seconds", yaml: "version: 1\napprovals: {approval_lifetime: 3600, decision_lifetime: 30m}\n") {
            $0.approvals = ApprovalSettings(approvalLifetime: 3600, decisionLifetime: 1800)
        },
        ModelCase(
            name: "a warning leaves the configuration usable",
            yaml: "version: 1\nrules:\n  - name: r\n    outcome: deny\n    approvals: {count: 2}\n    message: no\n"
        ) {
            $0.rules = [GateRule(name: "r", when: RuleCondition(), outcome: .deny, message: "no")]
        },
        ModelCase(
            name: "every rule condition",
            yaml: """
                version: 1
                rules:
                  - name: everything
                    when:
                      tier: [high, critical]
                      actor_kind: [agent, ci]
                      actor: "agent:*"
                      environment: [prod, staging]
                      action: [delete, replace, no-op, forget]
                      resource_type: "aws_*"
                      stateful: true
                      sensitive: false
                      sensitive_category: iam
                      new_finding_severity: [critical, info]
                    outcome: approval_required
                    approvals: {count: 2, roles: [security, dba]}
                    message: Everything holds.

                """
        ) {
            $0.rules = [GateRule(
                name: "everything",
                when: RuleCondition(
                    tiers: [.high, .critical], actorKinds: [.agent, .ci], actors: ["agent:*"], environments: ["prod", "staging"],
                    actions: [.delete, .replace, .noOp, .forget], resourceTypes: ["aws_*"], stateful: true, sensitive: false,
                    sensitiveCategories: ["iam"], newFindingSeverities: ["critical", "info"]),
                outcome: .approvalRequired, approvals: ApprovalRequirement(count: 2, roles: ["security", "dba"]), message: "Everything holds.")]
        },
        ModelCase(name: "an unquoted account is read as written", yaml: "version: 1\nenvironments:\n  prod: {accounts: [012345678901]}\nrules: []\nrisk: {escalations: []}\n") {
            $0.environments = [EnvironmentDefinition(name: "prod", accounts: ["012345678901"])]
            $0.rules = []
            $0.risk.escalations = []
        },
    ]

    @Test(arguments: modelCases)
    func model(_ c: ModelCase) {
        let (configuration, diagnostics) = GateConfiguration.parse(c.yaml, path: "airlock.yaml")
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        var expected = GateConfiguration.defaults
        expected.path = "airlock.yaml"
        c.change(&expected)
        #expect(configuration.map(Self.withoutLines) == Self.withoutLines(expected))
    }

    /// Lines are where things were written; the cases compare what was written.
    static func withoutLines(_ configuration: GateConfiguration) -> GateConfiguration {
        var c = configuration
        for i in c.environments.indices { c.environments[i].line = nil }
        for i in c.actorLimits.indices { c.actorLimits[i].line = nil }
        for i in c.rules.indices { c.rules[i].line = nil }
        return c
    }

    @Test func linesPointAtDefinitions() {
        let yaml = "version: 1\nenvironments:\n  prod: {workspaces: [prod]}\nactors:\n  - match: \"*\"\nrules:\n  - name: r\n    outcome: deny\n"
        let configuration = GateConfiguration.parse(yaml, path: "airlock.yaml").configuration
        #expect(configuration?.environments.first?.line == 3)
        #expect(configuration?.actorLimits.first?.line == 5)
        #expect(configuration?.rules.first?.line == 7)
    }

    // MARK: The documentation

    static func documentation() throws -> String {
        try String(contentsOf: repository.appendingPathComponent("docs/airlock-yaml.md"), encoding: .utf8)
    }

    /// The YAML blocks of docs/airlock-yaml.md, in order.
    static func documentedSnippets() throws -> [String] {
        try documentation().components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
    }

    /// The "Defaults" section, written as a file, reads as `GateConfiguration.defaults`.
    @Test func documentedDefaultsAreTheDefaults() throws {
        let doc = try Self.documentation()
        let section = try #require(doc.components(separatedBy: "## Defaults").last)
        let yaml = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let (configuration, diagnostics) = GateConfiguration.parse(yaml, path: "defaults.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        var expected = GateConfiguration.defaults
        expected.path = "defaults.yaml"
        #expect(configuration.map(Self.withoutLines) == expected)
    }

    /// Every example in the documentation is a valid file (with `version: 1` added to the
    /// ones showing a single section).
    @Test func documentedExamplesParse() throws {
        let snippets = try Self.documentedSnippets()
        #expect(snippets.count >= 12)
        for snippet in snippets {
            let text = snippet.hasPrefix("version:") ? snippet : "version: 1\n" + snippet
            let (_, diagnostics) = GateConfiguration.parse(text, path: "snippet.yaml")
            #expect(!diagnostics.containsErrors, "\(snippet)\n\(diagnostics)")
        }
    }

    // MARK: The shipped example

    @Test func exampleParsesCleanly() throws {
        let path = Self.repository.appendingPathComponent("examples/airlock.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (parsed, diagnostics) = GateConfiguration.parse(text, path: path)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let configuration = try #require(parsed)
        #expect(configuration.path == path)
        #expect(configuration.environments.map(\.name) == ["prod", "staging", "dev"])
        #expect(configuration.environments[0].accounts == ["111111111111", "012345678901"])
        #expect(configuration.environments[0].workspaces.map(\.text) == ["prod", "prod-*", "production"])

        #expect(configuration.actorLimits.count == 3)
        let agents = configuration.actorLimits[0]
        #expect(agents.actors == ["agent:*"])
        #expect(agents.onViolation == .deny)
        #expect(agents.limits.environments == ["dev", "staging"])
        #expect(agents.limits.maxDeletes == 0)
        #expect(agents.limits.protectStateful == true)
        #expect(agents.limits.maxInstanceSize == "xlarge")
        #expect(agents.limits.resourceTypes?.deny.first == "aws_iam_user*")
        #expect(agents.limits.instanceTypes?.allow == ["t3.*", "t4g.*", "db.t4g.*"])
        #expect(configuration.actorLimits[1].onViolation == .approvalRequired)
        #expect(configuration.actorLimits[1].actors == ["agent:claude-code"])

        #expect(configuration.risk.statefulDelete == .critical)
        #expect(configuration.risk.existingFindings == [.critical: .high, .high: .medium, .medium: .low, .low: .low, .info: .low])
        #expect(configuration.risk.sensitiveChange == ["default": .medium, "iam": .high, "audit": .high])
        #expect(configuration.risk.size == [SizeThreshold(changes: 25, tier: .medium), SizeThreshold(changes: 100, tier: .high)])
        #expect(configuration.risk.escalations.last == Escalation(environments: ["prod"], actorKinds: [.agent], steps: 1, fromLow: true))

        #expect(configuration.rules.map(\.name) == [
            "agents-no-destroy-in-prod", "stateful-deletes-need-a-dba", "iam-needs-security", "critical-risk-needs-security",
            "high-risk-needs-review", "new-critical-findings-from-agents",
        ])
        #expect(configuration.rules[0].when == RuleCondition(actorKinds: [.agent], environments: ["prod"], actions: [.delete, .replace]))
        #expect(configuration.rules[1].approvals == ApprovalRequirement(count: 2, roles: ["dba"]))
        #expect(configuration.rules[5].when.newFindingSeverities == ["critical", "high"])
        #expect(configuration.defaultOutcome == .allow)

        #expect(configuration.approvals.approvalLifetime == 12 * 3600)
        #expect(configuration.approvals.decisionLifetime == 2 * 86400)
        #expect(configuration.approvals.roleMembers == ["security": ["human:carol", "human:dan"], "dba": ["human:erin"]])
        #expect(configuration.statefulTypes == GateConfiguration.defaultStatefulTypes + ["aws_lightsail_database", "aws_mq_broker"])
        #expect(configuration.sensitiveTypes.first { $0.name == "iam" }?.types.last == "aws_iam_openid_connect_provider")
        #expect(configuration.sensitiveTypes.last == SensitiveCategory(name: "dns", types: ["aws_route53_record"]))
        #expect(configuration.baseline == ".airlock/baseline.json")
    }

    // MARK: Size and hostile input

    /// 5,000 rules: each rule is looked up in a dictionary, not compared with every other.
    @Test func fiveThousandRules() {
        var yaml = "version: 1\nrules:\n"
        for i in 0..<5_000 {
            yaml += "  - name: rule-\(i)\n    when: {tier: [high, critical], environment: prod, resource_type: \"aws_\(i)_*\"}\n    outcome: approval_required\n    approvals: {count: 1, roles: [security]}\n"
        }
        let (configuration, diagnostics) = GateConfiguration.parse(yaml, path: "airlock.yaml")
        #expect(diagnostics.isEmpty)
        #expect(configuration?.rules.count == 5_000)
        #expect(configuration?.rules.last?.line == 2 + 4 * 4_999 + 1)
    }

    struct HostileCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var testDescription: String { name }
    }

    static let hostileCases: [HostileCase] = [
        HostileCase(name: "100,000 open brackets", text: String(repeating: "[", count: 100_000)),
        HostileCase(name: "100,000 open braces with keys", text: String(repeating: "{a: ", count: 100_000)),
        HostileCase(name: "balanced deep brackets", text: String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)),
        HostileCase(name: "a sequence of sequences on one line", text: String(repeating: "- ", count: 50_000) + "x"),
        HostileCase(name: "a staircase of mappings", text: (0..<3_000).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n")),
        HostileCase(name: "deep nesting inside a section", text: "version: 1\nrisk:\n  size: " + String(repeating: "[{changes: ", count: 20_000)),
        HostileCase(name: "anchors and aliases everywhere", text: "version: 1\na: &a [x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nstateful_types: [*c, *c, *c]\nrules: *c\n"),
        HostileCase(name: "an alias to nothing", text: "version: 1\nrules: *missing\n"),
        HostileCase(name: "binary noise", text: String(decoding: (0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }, as: UTF8.self)),
        HostileCase(name: "a huge key", text: String(repeating: "k", count: 200_000) + ": 1\n"),
        HostileCase(name: "nested garbage in every section", text: "version: 1\n" + ConfigurationTests.sectionNames.map { "\($0): [[[{{{[{a: [b, {c: d}]}]}}}]]]" }.joined(separator: "\n")),
        HostileCase(name: "everything null", text: "version: 1\n" + ConfigurationTests.sectionNames.map { "\($0): ~" }.joined(separator: "\n")),
        HostileCase(name: "sections that are lists of lists", text: "version: 1\n" + ConfigurationTests.sectionNames.map { "\($0): [[1], [2]]" }.joined(separator: "\n")),
    ]

    static let sectionNames = [
        "environments", "actors", "risk", "rules", "default_outcome", "approvals", "stateful_types", "stateful_types_extra",
        "sensitive_types", "sensitive_types_extra", "baseline",
    ]

    @Test(arguments: hostileCases)
    func hostileInputFails(_ c: HostileCase) {
        let (configuration, diagnostics) = GateConfiguration.parse(c.text, path: "airlock.yaml")
        #expect(configuration == nil)
        #expect(diagnostics.containsErrors)
        #expect(diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 })
    }

    /// Random text built from YAML's special characters, from a fixed seed: whatever it
    /// is, parsing returns.
    @Test func randomTextNeverCrashes() {
        let alphabet = Array("[]{}:-?,#&*!|>'\"%@` \n\n  \tab1_version: rules\u{0}é")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3_000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 56)
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let (configuration, diagnostics) = GateConfiguration.parse(text, path: "airlock.yaml")
            #expect((configuration == nil) == diagnostics.containsErrors)
        }
    }

    // MARK: Finding the file

    @Test func loadFindsTheNearestFileUpToTheGitRoot() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let repo = root.appendingPathComponent("repo")
        let nested = repo.appendingPathComponent("envs/prod")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)

        // Outside the repository: never read.
        try "version: 1\nrules: []\n".write(to: root.appendingPathComponent("airlock.yaml"), atomically: true, encoding: .utf8)
        var loaded = GateConfiguration.load(searchingFrom: nested.path)
        #expect(loaded.configuration == .defaults)
        #expect(loaded.configuration?.path == nil)
        #expect(loaded.text == nil)

        // The hidden name is found when it is the only one.
        try "version: 1\ndefault_outcome: deny\n".write(to: repo.appendingPathComponent(".airlock.yaml"), atomically: true, encoding: .utf8)
        loaded = GateConfiguration.load(searchingFrom: nested.path)
        #expect(loaded.configuration?.defaultOutcome == .deny)
        #expect(loaded.configuration?.path?.hasSuffix("repo/.airlock.yaml") == true)

        // airlock.yaml wins over .airlock.yaml in the same directory.
        try "version: 1\ndefault_outcome: approval_required\n".write(to: repo.appendingPathComponent("airlock.yaml"), atomically: true, encoding: .utf8)
        loaded = GateConfiguration.load(searchingFrom: nested.path)
        #expect(loaded.configuration?.defaultOutcome == .approvalRequired)
        #expect(loaded.text == "version: 1\ndefault_outcome: approval_required\n")

        // A nearer file wins over one further up, and its diagnostics name it.
        try "version: 1\ndefault_outcome: nope\n".write(to: nested.appendingPathComponent("airlock.yaml"), atomically: true, encoding: .utf8)
        loaded = GateConfiguration.load(searchingFrom: nested.path)
        #expect(loaded.configuration == nil)
        #expect(loaded.diagnostics.map(\.code) == ["GATE011"])
        #expect(loaded.diagnostics.first?.path.hasSuffix("envs/prod/airlock.yaml") == true)
    }

    @Test func loadReportsAFileItCannotRead() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data([0x76, 0x65, 0xFF, 0xFE, 0x0A]).write(to: root.appendingPathComponent("airlock.yaml"))
        let loaded = GateConfiguration.load(searchingFrom: root.path)
        #expect(loaded.configuration == nil)
        #expect(loaded.diagnostics.map { "\($0.code) \($0.line):\($0.column)" } == ["GATE025 1:1"])
        #expect(loaded.text == nil)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-configuration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
