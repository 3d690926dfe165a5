/// The stable machine code of every diagnostic the HCL layer can report.
///
/// Codes never change meaning once released; new problems get new codes.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    // Characters and encoding (lexical level).
    case invalidCharacter = "HCL001"
    case invalidEncoding = "HCL002"
    case unsupportedOperator = "HCL003"
    case invalidMultiLineString = "HCL004"
    case curlyQuotes = "HCL005"
    case unterminatedComment = "HCL006"

    // Bodies, attributes and blocks.
    case argumentOrBlockRequired = "HCL101"
    case invalidArgumentName = "HCL102"
    case attributeRedefined = "HCL103"
    case missingNewlineAfterArgument = "HCL104"
    case unexpectedCommaAfterArgument = "HCL105"
    case invalidBlockDefinition = "HCL106"
    case unclosedBlock = "HCL107"
    case unclosedBody = "HCL108"
    case missingNewlineAfterBlock = "HCL109"
    case invalidSingleArgumentBlock = "HCL110"
    case argumentDefinitionRequired = "HCL111"

    // Expressions.
    case missingExpression = "HCL201"
    case invalidExpression = "HCL202"
    case invalidNumberLiteral = "HCL203"
    case missingFalseExpression = "HCL204"
    case unbalancedParentheses = "HCL205"
    case invalidAttributeName = "HCL206"
    case invalidLegacyIndex = "HCL207"
    case nestedSplat = "HCL208"
    case missingCloseBracket = "HCL209"
    case missingClosingParenthesis = "HCL210"
    case unterminatedFunctionCall = "HCL211"
    case missingArgumentSeparator = "HCL212"
    case unterminatedTuple = "HCL213"
    case missingItemSeparator = "HCL214"
    case unterminatedObject = "HCL215"
    case missingAttributeValue = "HCL216"
    case missingKeyValueSeparator = "HCL217"
    case missingAttributeSeparator = "HCL218"
    case invalidForExpression = "HCL219"
    case invalidFunctionName = "HCL220"
    case nestingTooDeep = "HCL221"

    // Strings and templates.
    case invalidStringLiteral = "HCL301"
    case unterminatedStringLiteral = "HCL302"
    case invalidEscapeSequence = "HCL303"
    case unterminatedTemplate = "HCL304"
    case unclosedInterpolation = "HCL305"
    case extraCharactersAfterInterpolation = "HCL306"
    case invalidTemplateDirective = "HCL307"
    case invalidForDirective = "HCL308"
    case invalidTemplateKeyword = "HCL309"
    case extraCharactersInDirective = "HCL310"
    case unexpectedEndOfTemplate = "HCL311"
    case unexpectedDirective = "HCL312"

    // Files.
    case unreadableFile = "HCL901"
}
