import HCL
import Terraform

extension AWSChecks {
    static let compute: [Check] = []
}
