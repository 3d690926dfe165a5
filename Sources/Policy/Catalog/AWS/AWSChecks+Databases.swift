import HCL
import Terraform

extension AWSChecks {
    static let databases: [Check] = []
}
