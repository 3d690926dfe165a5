import HCL
import Terraform

extension AWSChecks {
    static let outdated: [Check] = []
    static let outdatedModule: [ModuleCheck] = []
}
