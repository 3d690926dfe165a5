import HCL
import Terraform

extension AWSChecks {
    static let logging: [Check] = []
}
