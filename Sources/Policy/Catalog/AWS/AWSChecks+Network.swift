import HCL
import Terraform

extension AWSChecks {
    static let network: [Check] = []
}
