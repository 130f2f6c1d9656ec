using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/putItem.test.ts:
// PutItem's exact error messages as real DynamoDB answers them.
// The SDK's analyzer flags literal values it knows AWS rejects; sending them is the point here.
#pragma warning disable DynamoDB1000
public class ParityErrorMessagesPutItemTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash, HashB);

    private Task Put(Dictionary<string, AttributeValue> item) => Ddb.PutItemAsync(new PutItemRequest { TableName = Hash, Item = item });

    private Task Put(PutItemRequest request)
    {
        request.TableName ??= Hash;
        request.Item ??= Key("em-put-envelope");
        return Ddb.PutItemAsync(request);
    }

    [Test]
    public void PutItem_MissingTableName_NullConstraint() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { Item = Key("test") }),
            "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");

    [Test]
    public void PutItem_EmptyTableName_MinimumLength()
    {
        var message = Refusal(() => Ddb.PutItemAsync(new PutItemRequest { TableName = "", Item = Key("test") }));
        Assert.That(message.ToLowerInvariant(), Does.Contain("tablename"));
        Assert.That(message, Does.Contain("failed to satisfy constraint: Member must have length greater than or equal to 1"));
    }

    [Test]
    public void PutItem_TableNameOf256Characters_MaximumLength() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { TableName = new string('a', 256), Item = Key("test") }),
            $"1 validation error detected: Value '{new string('a', 256)}' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255");

    [Test]
    public void PutItem_TableNameWithInvalidCharacters_Pattern() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { TableName = "bad table!@#", Item = Key("test") }),
            "1 validation error detected: Value 'bad table!@#' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");

    [Test]
    public void PutItem_EmptyStringSet_MayNotBeEmpty() =>
        InvalidContaining(() => Put(Item(("pk", S("test")), ("bad", SS()))), "One or more parameter values were invalid: An string set  may not be empty");

    [Test]
    public void PutItem_EmptyNumberSet_MayNotBeEmpty() =>
        InvalidContaining(() => Put(Item(("pk", S("test")), ("bad", NS()))), "One or more parameter values were invalid: An number set  may not be empty");

    [Test]
    public void PutItem_DuplicateStringSetMembers_ContainsDuplicates() =>
        InvalidContaining(() => Put(Item(("pk", S("test")), ("bad", SS("a", "a")))),
            "One or more parameter values were invalid: Input collection", "contains duplicates");

    [Test]
    public void PutItem_EmptyBinarySet_ShouldNotBeEmpty() =>
        InvalidContaining(() => Put(Item(("pk", S("test")), ("bad", BS()))), "One or more parameter values were invalid: Binary sets should not be empty");

    [Test]
    public void PutItem_EmptyStringInNumberSet_NotNumeric() =>
        InvalidContaining(() => Put(Item(("pk", S("test")), ("bad", NS("")))), NotNumeric);

    [Test]
    public void PutItem_DuplicateEmptyStringSetMembers_ContainsDuplicates() =>
        InvalidContaining(() => Put(Item(("pk", S("test")), ("bad", SS("", "")))),
            "One or more parameter values were invalid: Input collection", "contains duplicates");

    [Test]
    public void PutItem_DuplicateZeroLengthBinarySetMembers_OfTypeBSContainsDuplicates() =>
        InvalidContaining(() => Put(Item(("pk", S("test")), ("bad", BS([], [])))),
            "One or more parameter values were invalid: Input collection", "of type BS contains duplicates");

    [Test]
    public void PutItem_NullFalse_MustBeTrue() =>
        InvalidContaining(() => Put(Item(("pk", S("em-put-null-false")), ("attr1", new AttributeValue { NULL = false }))),
            "One or more parameter values were invalid: Null attribute value types must have the value of true");

    [Test]
    public void PutItem_ExpectedWithConditionExpression_BothKindsNamed() =>
        InvalidContaining(() => Put(new PutItemRequest
        {
            Item = Key("test"),
            Expected = new Dictionary<string, ExpectedAttributeValue> { ["pk"] = new() { Exists = false } },
            ConditionExpression = "attribute_not_exists(pk)",
        }), "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");

    [Test]
    public void PutItem_ValuesWithoutExpression_OnlyWithExpressions() =>
        InvalidContaining(() => Put(new PutItemRequest { Item = Key("test"), ExpressionAttributeValues = Item((":v", S("unused"))) }),
            "ExpressionAttributeValues can only be specified when using expressions");

    [Test]
    public void PutItem_RedundantParentheses_Refused() =>
        InvalidContaining(() => Put(new PutItemRequest { Item = Key("em-put-redundant"), ConditionExpression = "((attribute_not_exists(pk)))" }),
            "Invalid ConditionExpression: The expression has redundant parentheses;");

    [Test]
    public void PutItem_ContainsWithTheSamePathTwice_OperandsMustBeDistinct() =>
        InvalidContaining(() => Put(new PutItemRequest
        {
            Item = Key("em-put-contains-dup"),
            ConditionExpression = "contains(#a, #a)",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#a"] = "data" },
        }), "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [data]");

    [Test]
    public void PutItem_EmptyBinaryKey_Refused() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { TableName = HashB, Item = Item(("pk", B())) }), EmptyBinaryKey);

    [Test]
    public void PutItem_NamesOrValuesWithoutExpression_Enveloped()
    {
        Assert.That(Refusal(() => Put(new PutItemRequest { ExpressionAttributeValues = Item((":v", S("x"))) })),
            Is.EqualTo(One("ExpressionAttributeValues can only be specified when using expressions")));
        Assert.That(Refusal(() => Put(new PutItemRequest { ExpressionAttributeNames = new Dictionary<string, string> { ["#a"] = "a" } })),
            Is.EqualTo(One("ExpressionAttributeNames can only be specified when using expressions")));
    }

    [Test]
    public void PutItem_EmptyConditionExpression_Enveloped() =>
        Invalid(() => Put(new PutItemRequest { ConditionExpression = "" }), One("Invalid ConditionExpression: The expression can not be empty;"));

    [Test]
    public void PutItem_MalformedExpected_Enveloped()
    {
        Assert.That(Refusal(() => Put(new PutItemRequest { Expected = new Dictionary<string, ExpectedAttributeValue> { ["a"] = new() { Exists = true } } })),
            Is.EqualTo(One($"{ParametersInvalid}Value must be provided when Exists is true for Attribute: a")));
        Assert.That(Refusal(() => Put(new PutItemRequest { Expected = new Dictionary<string, ExpectedAttributeValue> { ["a"] = new() { ComparisonOperator = ComparisonOperator.EQ } } })),
            Is.EqualTo(One($"{ParametersInvalid}Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a")));
    }
}
