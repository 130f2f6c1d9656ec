using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>AWS's messages for expressions, with the "Invalid ConditionExpression: " style prefix.</summary>
internal static class ExpressionErrors
{
    /// <summary>The longest expression string AWS accepts, in UTF-8 bytes.</summary>
    public const int MaxExpressionBytes = 4096;

    public static AwsServiceException Invalid(ExpressionKind kind, string message) =>
        DynamoDbErrors.Validation($"Invalid {kind}: {message}");

    public static AwsServiceException Empty(ExpressionKind kind) => Invalid(kind, "The expression can not be empty;");

    /// <summary>An expression over 4 KB: AWS gives the size for every kind but an UpdateExpression.</summary>
    public static AwsServiceException TooLarge(ExpressionKind kind, int bytes) => kind == ExpressionKind.UpdateExpression
        ? Invalid(kind, "Expression size has exceeded the maximum allowed size;")
        : Invalid(kind, $"Expression size has exceeded the maximum allowed size; expression size: {bytes}");

    public static AwsServiceException Syntax(ExpressionKind kind, string token, string near) =>
        Invalid(kind, $"Syntax error; token: \"{token}\", near: \"{near}\"");

    public static AwsServiceException RedundantParentheses(ExpressionKind kind) =>
        Invalid(kind, "The expression has redundant parentheses;");

    public static AwsServiceException UnknownFunction(ExpressionKind kind, string function) =>
        Invalid(kind, $"Invalid function name; function: {function}");

    public static AwsServiceException MisusedFunction(ExpressionKind kind, string function) =>
        Invalid(kind, $"The function is not allowed to be used this way in an expression; function: {function}");

    public static AwsServiceException Reserved(ExpressionKind kind, string word) =>
        Invalid(kind, $"Attribute name is a reserved keyword; reserved keyword: {word}");

    public static AwsServiceException UndefinedName(ExpressionKind kind, string placeholder) =>
        Invalid(kind, $"An expression attribute name used in the document path is not defined; attribute name: {placeholder}");

    public static AwsServiceException UndefinedValue(ExpressionKind kind, string placeholder) =>
        Invalid(kind, $"An expression attribute value used in expression is not defined; attribute value: {placeholder}");

    public static AwsServiceException OperandCount(ExpressionKind kind, string function, int count) =>
        Invalid(kind, $"Incorrect number of operands for operator or function; operator or function: {function}, number of operands: {count}");

    public static AwsServiceException OperandType(ExpressionKind kind, string function, string type) =>
        Invalid(kind, $"Incorrect operand type for operator or function; operator or function: {function}, operand type: {type}");

    public static AwsServiceException PathRequired(ExpressionKind kind, string function) =>
        Invalid(kind, $"Operator or function requires a document path; operator or function: {function}");

    public static AwsServiceException NotDistinct(ExpressionKind kind, string op, DocumentPath path) =>
        Invalid(kind, $"The first operand must be distinct from the remaining operands for this operator or function; operator: {op}, first operand: {path}");

    public static AwsServiceException Overlap(ExpressionKind kind, DocumentPath one, DocumentPath two) =>
        Invalid(kind, $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {one}, path two: {two}");

    public static AwsServiceException Conflict(ExpressionKind kind, DocumentPath one, DocumentPath two) =>
        Invalid(kind, $"Two document paths conflict with each other; must remove or rewrite one of these paths; path one: {one}, path two: {two}");

    // Runtime failures of UpdateExpression carry no "Invalid UpdateExpression" prefix.
    public static AwsServiceException IncorrectDataType() =>
        DynamoDbErrors.Validation("An operand in the update expression has an incorrect data type");

    public static AwsServiceException InvalidPathForUpdate() =>
        DynamoDbErrors.Validation("The document path provided in the update expression is invalid for update");

    public static AwsServiceException MissingAttribute() =>
        DynamoDbErrors.Validation("The provided expression refers to an attribute that does not exist in the item");
}
