import HCL
import Terraform

extension AWSChecks {
    static let secrets: [Check] = []
    static let secretsModule: [ModuleCheck] = []
}
