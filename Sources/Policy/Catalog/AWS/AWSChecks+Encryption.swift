import HCL
import Terraform

extension AWSChecks {
    static let encryption: [Check] = []
}
