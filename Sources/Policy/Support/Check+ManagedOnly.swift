import Terraform

extension Check {
    /// The same check, judging only managed resources. A data source of the same type
    /// (`data "aws_vpc" "default"`) reads something created elsewhere: the configuration
    /// does not decide its settings, so it is not judged.
    var judgingManagedResourcesOnly: Check {
        var copy = self
        let judge = evaluate
        copy.evaluate = { instance, context in instance.mode == .managed ? judge(instance, context) : .notApplicable }
        return copy
    }
}
