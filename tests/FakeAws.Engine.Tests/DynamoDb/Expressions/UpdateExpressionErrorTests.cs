using System.Text.RegularExpressions;
using FakeAws.Engine.DynamoDb;
using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

public class UpdateExpressionErrorTests
{
    private const string Prefix = "Invalid UpdateExpression: ";
    private static readonly Dictionary<string, AttributeValue> Key = Item(("pk", S("k")));

    [TestCase("HELLO b = :n", "Syntax error; token: \"HELLO\", near: \"HELLO b\"")]
    [TestCase("SET _123 = :n", "Syntax error; token: \"_\", near: \"SET _123\"")]
    [TestCase("SET 123a = :n", "Syntax error; token: \"123\", near: \"SET 123a\"")]
    [TestCase("SET a = :n + :n2 + :s", "Syntax error; token: \"+\", near: \":n2 + :s\"")]
    [TestCase("SET a[:n] = :s", "Syntax error; token: \":n\", near: \"[:n]\"")]
    [TestCase("SET a[#n] = :s", "Syntax error; token: \"#n\", near: \"[#n]\"")]
    [TestCase("SET :s = :n", "Syntax error; token: \":s\", near: \"SET :s =\"")]
    [TestCase("SET a = if_not_exists(a, :n+:n2)", "Syntax error; token: \"+\", near: \":n+:n2\"")]
    [TestCase("SET a", "Syntax error; token: \"<EOF>\", near: \"a\"")]
    [TestCase("SET a = :n,", "Syntax error; token: \"<EOF>\", near: \",\"")]
    [TestCase("SET a = :n b = :n", "Syntax error; token: \"b\", near: \":n b =\"")]
    [TestCase("ADD a b", "Syntax error; token: \"b\", near: \"a b\"")]
    [TestCase("SET a = (:n + :n2) + :n", "Syntax error; token: \"+\", near: \") + :n\"")]
    [TestCase("SET hi-there = :n", "Syntax error; token: \"-\", near: \"hi-there\"")]
    [TestCase("SET a = :", "Syntax error; token: \":\", near: \"= :\"")]
    [TestCase("SET a = _f(b)", "Syntax error; token: \"_\", near: \"= _f\"")]
    [TestCase("REMOVE status", "Attribute name is a reserved keyword; reserved keyword: status")]
    [TestCase("SET a = list_append(Size, :l)", "Attribute name is a reserved keyword; reserved keyword: Size")]
    [TestCase("SET a = f(b,c,d)", "Invalid function name; function: f")]
    [TestCase("SET a = LIST_APPEND(:l, :l)", "Invalid function name; function: LIST_APPEND")]
    [TestCase("SET a = :n SET b = :n2", "The \"SET\" section can only be used once in an update expression;")]
    [TestCase("SET a = :n REMOVE b SET c = :n2", "The \"SET\" section can only be used once in an update expression;")]
    [TestCase("REMOVE a ADD b :n REMOVE c", "The \"REMOVE\" section can only be used once in an update expression;")]
    [TestCase("SET #undefined = :n", "An expression attribute name used in the document path is not defined; attribute name: #undefined")]
    [TestCase("SET a = :undefined", "An expression attribute value used in expression is not defined; attribute value: :undefined")]
    [TestCase("SET a = :undefined, #undefined = :n", "An expression attribute name used in the document path is not defined; attribute name: #undefined")]
    [TestCase("SET a = :n REMOVE a", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]")]
    [TestCase("SET #a = :n, a = :n2", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]")]
    [TestCase("SET a = :n, a.b = :n2", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]")]
    [TestCase("SET a[1][1] = :n, a[1] = :n2", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, [1], [1]], path two: [a, [1]]")]
    [TestCase("SET a.b = :n, a[1] = :n2", "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]")]
    [TestCase("SET a.b.c = :n, a.b[2] = :n2, x = :n, x = :n2", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [x], path two: [x]")]
    [TestCase("ADD a :s", "Incorrect operand type for operator or function; operator: ADD, operand type: STRING")]
    [TestCase("ADD a :l", "Incorrect operand type for operator or function; operator: ADD, operand type: LIST")]
    [TestCase("ADD a :m", "Incorrect operand type for operator or function; operator: ADD, operand type: MAP")]
    [TestCase("ADD a :bool", "Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN")]
    [TestCase("DELETE a :n", "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER")]
    [TestCase("DELETE a :b", "Incorrect operand type for operator or function; operator: DELETE, operand type: BINARY")]
    [TestCase("DELETE a :null", "Incorrect operand type for operator or function; operator: DELETE, operand type: NULL")]
    [TestCase("SET a = list_append(:l)", "Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1")]
    [TestCase("SET a = if_not_exists(a, :n, :n2)", "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 3")]
    [TestCase("SET a = list_append(:l, :s)", "Incorrect operand type for operator or function; operator or function: list_append, operand type: S")]
    [TestCase("SET a = :s + :n", "Incorrect operand type for operator or function; operator or function: +, operand type: S")]
    [TestCase("SET a = b - :ss", "Incorrect operand type for operator or function; operator or function: -, operand type: SS")]
    [TestCase("SET b = if_not_exists(:n, :n2)", "Operator or function requires a document path; operator or function: if_not_exists")]
    [TestCase("SET b = if_not_exists(if_not_exists(a, :n2), :n)", "Operator or function requires a document path; operator or function: if_not_exists")]
    [TestCase("SET a = list_append(list_append(:l, :l), :l)", "The function is not allowed to be used this way in an expression; function: list_append")]
    [TestCase("SET a = size(b)", "The function is not allowed to be used this way in an expression; function: size")]
    public void UpdateExpression_BadInput_FailsWithAwsMessage(string expression, string message) =>
        AssertValidation(() => Update(expression, StandardValues(), StandardNames()), Prefix + message);

    [Test]
    public void UpdateExpression_Empty_IsRejected() =>
        AssertValidation(() => Update(""), Prefix + "The expression can not be empty;");

    [TestCase("SET a = b", "The provided expression refers to an attribute that does not exist in the item")]
    [TestCase("SET a = list_append(b, :l)", "The provided expression refers to an attribute that does not exist in the item")]
    [TestCase("SET a = s + :n", "An operand in the update expression has an incorrect data type")]
    [TestCase("SET a = list_append(s, :l)", "An operand in the update expression has an incorrect data type")]
    [TestCase("ADD s :n", "An operand in the update expression has an incorrect data type")]
    [TestCase("ADD s :ss", "An operand in the update expression has an incorrect data type")]
    [TestCase("ADD l :ns", "An operand in the update expression has an incorrect data type")]
    [TestCase("DELETE ns :ss", "An operand in the update expression has an incorrect data type")]
    [TestCase("SET s.c = :n", "The document path provided in the update expression is invalid for update")]
    [TestCase("SET l.c = :n", "The document path provided in the update expression is invalid for update")]
    [TestCase("SET absent.c = :n", "The document path provided in the update expression is invalid for update")]
    [TestCase("SET s[0] = :n", "The document path provided in the update expression is invalid for update")]
    [TestCase("SET absent[0] = :n", "The document path provided in the update expression is invalid for update")]
    [TestCase("REMOVE s.c", "The document path provided in the update expression is invalid for update")]
    [TestCase("REMOVE absent[0]", "The document path provided in the update expression is invalid for update")]
    [TestCase("SET l[5].x = :n", "The document path provided in the update expression is invalid for update")]
    public void UpdateExpression_ItemDoesNotFit_FailsWhenApplied(string expression, string message)
    {
        var existing = Item(("pk", S("k")), ("s", S("hello")), ("l", L(S("hi"))), ("ns", NS("1")));
        var values = new Dictionary<string, AttributeValue> { [":n"] = N("1"), [":l"] = L(N("1")), [":ss"] = SS("a"), [":ns"] = NS("2") }
            .Where(v => Regex.IsMatch(expression, Regex.Escape(v.Key) + @"\b")).ToDictionary(v => v.Key, v => v.Value);
        var compiled = Update(expression, values.Count == 0 ? null : values);
        AssertValidation(() => compiled.Update!.Apply(existing, Key), message);
    }

    [Test]
    public void UpdateExpression_SetNestedOnMissingItem_FailsWhenApplied()
    {
        var compiled = Update("SET c.c = :n", new() { [":n"] = N("1") });
        AssertValidation(() => compiled.Update!.Apply(null, Key), "The document path provided in the update expression is invalid for update");
    }

    [Test]
    public void UpdateExpression_CopyOfAttributeSetInSameUpdate_IsMissing()
    {
        var compiled = Update("SET x = :n, y = x", new() { [":n"] = N("4") });
        AssertValidation(() => compiled.Update!.Apply(Key, Key), "The provided expression refers to an attribute that does not exist in the item");
    }
}
