import HCL
import Terraform

extension AWSChecks {
    static let iam: [Check] = []
}
