import HCL

/// An error of this target's helpers that carries the text Terraform shows for it.
protocol DescribedError: Error {
    var message: String { get }
}

extension RFC3339.Failure: DescribedError {}
extension GoDuration.Failure: DescribedError {}
extension CIDR.Failure: DescribedError {}
extension YAMLDecoding.Failure: DescribedError {}
extension GoPath.HomeError: DescribedError {}
extension GoCSV.ParseError: DescribedError {}

/// The message of an error caught where Swift cannot yet infer a typed `catch`.
func messageOf(_ error: any Error) -> String {
    if let e = error as? DescribedError { return e.message }
    if let e = error as? JSONParser.Error { return e.description }
    if let e = error as? FunctionError { return e.message }
    return "\(error)"
}
