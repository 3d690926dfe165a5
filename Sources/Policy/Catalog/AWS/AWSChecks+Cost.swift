import HCL
import Terraform

extension AWSChecks {
    static let cost: [Check] = []
}
