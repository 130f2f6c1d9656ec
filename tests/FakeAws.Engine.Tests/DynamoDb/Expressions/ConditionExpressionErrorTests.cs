using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

public class ConditionExpressionErrorTests
{
    private const string Prefix = "Invalid ConditionExpression: ";

    [TestCase("foo", "Syntax error; token: \"<EOF>\", near: \"foo\"")]
    [TestCase("a x b", "Syntax error; token: \"x\", near: \"a x b\"")]
    [TestCase("a+:n<b", "Syntax error; token: \"+\", near: \"a+:n\"")]
    [TestCase("attribute_not_exists(", "Syntax error; token: \"<EOF>\", near: \"(\"")]
    [TestCase("contains (a, :s", "Syntax error; token: \"<EOF>\", near: \":s\"")]
    [TestCase("a = :n AND", "Syntax error; token: \"<EOF>\", near: \"AND\"")]
    [TestCase("a = :n)", "Syntax error; token: \")\", near: \":n)\"")]
    [TestCase("a IN ()", "Syntax error; token: \")\", near: \"()\"")]
    [TestCase("_a = :n", "Syntax error; token: \"_\", near: \"_a\"")]
    [TestCase("a[x] = :n", "Syntax error; token: \"x\", near: \"[x]\"")]
    [TestCase("a.1 = :n", "Syntax error; token: \"1\", near: \".1 =\"")]
    [TestCase("a = = :n", "Syntax error; token: \"=\", near: \"= = :n\"")]
    [TestCase("a != :n", "Syntax error; token: \"!\", near: \"a !=\"")]
    [TestCase("NOT", "Syntax error; token: \"<EOF>\", near: \"NOT\"")]
    [TestCase("(a = :n", "Syntax error; token: \"<EOF>\", near: \":n\"")]
    [TestCase("a BETWEEN :n :n2", "Syntax error; token: \":n2\", near: \":n :n2\"")]
    [TestCase("a = 5", "Syntax error; token: \"5\", near: \"= 5\"")]
    [TestCase("(a) AND b = :n", "Syntax error; token: \"AND\", near: \") AND b\"")]
    [TestCase("# = :n", "Syntax error; token: \"#\", near: \"# =\"")]
    [TestCase("((a = :n))", "The expression has redundant parentheses;")]
    [TestCase("((a)) = :n", "The expression has redundant parentheses;")]
    [TestCase("a = ((:n))", "The expression has redundant parentheses;")]
    [TestCase("dog(a) = :n", "Invalid function name; function: dog")]
    [TestCase("BEGINS_WITH(a, :s)", "Invalid function name; function: BEGINS_WITH")]
    [TestCase("attribute_exists(a) < :n", "The function is not allowed to be used this way in an expression; function: attribute_exists")]
    [TestCase("size(a)", "The function is not allowed to be used this way in an expression; function: size")]
    [TestCase("if_not_exists(a, a) = :n", "The function is not allowed to be used this way in an expression; function: if_not_exists")]
    [TestCase("contains(begins_with(a, :s), :s)", "The function is not allowed to be used this way in an expression; function: begins_with")]
    [TestCase("status = :s", "Attribute name is a reserved keyword; reserved keyword: status")]
    [TestCase("a.Value = :s", "Attribute name is a reserved keyword; reserved keyword: Value")]
    [TestCase("#undefined = :s", "An expression attribute name used in the document path is not defined; attribute name: #undefined")]
    [TestCase("a = :undefined", "An expression attribute value used in expression is not defined; attribute value: :undefined")]
    [TestCase("size(a, b) = :n", "Incorrect number of operands for operator or function; operator or function: size, number of operands: 2")]
    [TestCase("attribute_exists(a, b)", "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2")]
    [TestCase("begins_with(a)", "Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1")]
    [TestCase("a = a", "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]")]
    [TestCase("contains(a.b[1], #a.b[1])", "The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a, b, [1]]")]
    [TestCase("attribute_exists(:s)", "Operator or function requires a document path; operator or function: attribute_exists")]
    [TestCase("attribute_type(a, :n)", "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N")]
    [TestCase("attribute_type(a, b)", "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}")]
    [TestCase("attribute_type(a, :badtype)", "Invalid attribute type name found; type: DOG, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")]
    [TestCase("begins_with(a, :n)", "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")]
    [TestCase("begins_with(size(a), :s)", "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")]
    [TestCase("size(:n) > :n", "Incorrect operand type for operator or function; operator or function: size, operand type: N")]
    [TestCase("size(:bool) > :n", "Incorrect operand type for operator or function; operator or function: size, operand type: BOOL")]
    [TestCase("a < :l", "Incorrect operand type for operator or function; operator or function: <, operand type: L")]
    [TestCase(":m >= a", "Incorrect operand type for operator or function; operator or function: >=, operand type: M")]
    [TestCase("a BETWEEN :ss AND :ss", "Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: SS")]
    [TestCase("a BETWEEN :n2 AND :n", "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}")]
    [TestCase("a BETWEEN :n AND :s", "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:abc}")]
    public void ConditionExpression_BadInput_FailsWithAwsMessage(string expression, string message) =>
        AssertValidation(() => Condition(expression, StandardValues(), StandardNames()), Prefix + message);

    [TestCase("#undefined = a AND b = :undefined", "An expression attribute name used in the document path is not defined; attribute name: #undefined")]
    [TestCase("a = :undefined AND #undefined = b", "An expression attribute value used in expression is not defined; attribute value: :undefined")]
    [TestCase("status = :undefined", "Attribute name is a reserved keyword; reserved keyword: status")]
    [TestCase("dog(status)", "Invalid function name; function: dog")]
    [TestCase("((size(status)))", "The expression has redundant parentheses;")]
    [TestCase("size(a) AND dog(b)", "Invalid function name; function: dog")]
    [TestCase("a = :n2 AND a = a AND size(a, b) = :n", "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]")]
    public void ConditionExpression_SeveralProblems_ReportsInAwsOrder(string expression, string message) =>
        AssertValidation(() => Condition(expression, StandardValues(), StandardNames()), Prefix + message);

    [Test]
    public void ConditionExpression_Empty_IsRejected() =>
        AssertValidation(() => Condition(""), Prefix + "The expression can not be empty;");

    [Test]
    public void ConditionExpression_Over4KB_IsRejected()
    {
        var expression = "attribute_exists(" + new string('a', 4080) + ")";
        AssertValidation(() => Condition(expression), Prefix + "Expression size has exceeded the maximum allowed size; expression size: 4098");
    }

    [Test]
    public void ConditionExpression_Exactly4KB_IsAccepted()
    {
        var expression = "attribute_exists(" + new string('a', 4078) + ")";
        Assert.That(Condition(expression).Condition, Is.Not.Null);
    }

    [Test]
    public void ConditionExpression_InWithHundredAndOneOperands_IsRejected()
    {
        var values = Enumerable.Range(0, 100).ToDictionary(i => $":v{i}", i => N(i.ToString()));
        AssertValidation(() => Condition($"a IN ({string.Join(",", values.Keys)})", values),
            Prefix + "The IN operator is provided with too many operands; number of operands: 101");
    }
}
