using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/validation-ordering/deepRequests.test.ts: which
// error DynamoDB reports when a request carries a value nested past its limits and something else is
// wrong too. Every table is absent: each answer comes before the table is looked up. TransactWriteItems
// checks its actions one at a time, in request order, and reports the first problem it meets.
public class ParityValidationOrderingDeepRequestsTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string XorOlder = "1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]";
    private const string RvOlder = "1 validation error detected: Value 'BOGUS' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";
    private const string Syntax = "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"";
    private const string EmptyName = "Empty attribute name";

    private static Dictionary<string, AttributeValue> KeyOf(AttributeValue pk) => Item(("pk", pk), ("sk", S("1")));

    private static Dictionary<string, AttributeValue> With(Dictionary<string, AttributeValue> item, string name, AttributeValue value)
    {
        item[name] = value;
        return item;
    }

    private static TransactWriteItem PutOf(Dictionary<string, AttributeValue> item, string? condition = null) =>
        new() { Put = new Put { TableName = Absent, Item = item, ConditionExpression = condition } };

    private static TransactWriteItem EmptyNamePut(string pk = "a") => PutOf(With(KeyOf(S(pk)), "", S("x")));

    private string Transact(params TransactWriteItem[] items) =>
        Refusal(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [.. items] }));

    private static Dictionary<string, ExpectedAttributeValue> DeepExpected(int depth) => new()
    {
        ["a"] = new ExpectedAttributeValue { Value = Deep(depth) },
        ["b"] = new ExpectedAttributeValue { Exists = false },
    };

    [Test]
    public void PutItem_XorAndExpectedNested100_OlderEnumFirst() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { TableName = Absent, Item = KeyOf(S("a")), Expected = DeepExpected(100), ConditionalOperator = "XOR" }), XorOlder);

    [Test]
    public void UpdateItem_XorAndExpectedNested100_OlderEnumFirst() =>
        Invalid(() => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Absent,
            Key = KeyOf(S("a")),
            AttributeUpdates = new Dictionary<string, AttributeValueUpdate> { ["x"] = new() { Action = AttributeAction.PUT, Value = S("1") } },
            Expected = DeepExpected(100),
            ConditionalOperator = "XOR",
        }), XorOlder);

    [Test]
    public void Scan_OneDeepScanFilterWithConditionalOperator_EitherRegionalOrder() =>
        Assert.That(Refusal(() => Ddb.ScanAsync(new ScanRequest
        {
            TableName = Absent,
            ScanFilter = new Dictionary<string, Condition> { ["a"] = new() { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [Deep(40)] } },
            ConditionalOperator = ConditionalOperator.AND,
        })), Is.AnyOf(Nesting, "ConditionalOperator can only be used when Filter or Expected has two or more elements"));

    [Test]
    public void TransactWriteItems_DeepPutThenEmptyName_NestingFirst() =>
        Assert.That(Transact(PutOf(With(KeyOf(S("b")), "d", Deep(40))), EmptyNamePut()), Is.EqualTo(Nesting));

    [Test]
    public void TransactWriteItems_EmptyNameThenDeepPut_EmptyNameFirst() =>
        Assert.That(Transact(EmptyNamePut(), PutOf(With(KeyOf(S("b")), "d", Deep(100)))), Is.EqualTo(EmptyName));

    [Test]
    public void TransactWriteItems_EmptyNameBesideDeepValueInOneItem_EmptyNameEitherOrder()
    {
        Assert.That(Transact(PutOf(With(With(KeyOf(S("a")), "", S("x")), "d", Deep(100)))), Is.EqualTo(EmptyName));
        Assert.That(Transact(PutOf(With(With(KeyOf(S("a")), "d", Deep(100)), "", S("x")))), Is.EqualTo(EmptyName));
    }

    [Test]
    public void TransactWriteItems_DeepValueBesideEmptyMapKey_NestingFirst() =>
        Assert.That(Transact(PutOf(With(With(KeyOf(S("a")), "m", M(("", S("x")))), "d", Deep(40)))), Is.EqualTo(Nesting));

    [Test]
    public void TransactWriteItems_EmptyNameThenDeepCheckValue_EmptyNameFirst() =>
        Assert.That(Transact(EmptyNamePut(), new TransactWriteItem
        {
            ConditionCheck = new ConditionCheck { TableName = Absent, Key = KeyOf(S("b")), ConditionExpression = "d = :deep", ExpressionAttributeValues = Item((":deep", Deep(100))) },
        }), Is.EqualTo(EmptyName));

    [Test]
    public void TransactWriteItems_DeepDeleteKeyThenSyntaxError_NestingFirst() =>
        Assert.That(Transact(new TransactWriteItem { Delete = new Delete { TableName = Absent, Key = KeyOf(Deep(40)) } }, PutOf(KeyOf(S("a")), "a = = b")), Is.EqualTo(Nesting));

    [Test]
    public void TransactWriteItems_DeepCheckKeyThenUnusedValue_NestingFirst() =>
        Assert.That(Transact(
            new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = Absent, Key = KeyOf(Deep(40)), ConditionExpression = "attribute_exists(a)" } },
            new TransactWriteItem { Update = new Update { TableName = Absent, Key = KeyOf(S("a")), UpdateExpression = "SET a = :v", ExpressionAttributeValues = Item((":v", S("x")), (":u", S("y"))) } }),
            Is.EqualTo(Nesting));

    [Test]
    public void TransactWriteItems_SyntaxErrorThenDeepDeleteKey_SyntaxFirst() =>
        Assert.That(Transact(PutOf(KeyOf(S("a")), "a = = b"), new TransactWriteItem { Delete = new Delete { TableName = Absent, Key = KeyOf(Deep(100)) } }), Is.EqualTo(Syntax));

    [Test]
    public void TransactWriteItems_SyntaxErrorOnTheDeepDeleteKeysAction_SyntaxFirst() =>
        Assert.That(Transact(new TransactWriteItem { Delete = new Delete { TableName = Absent, Key = KeyOf(Deep(100)), ConditionExpression = "a = = b" } }), Is.EqualTo(Syntax));

    [Test]
    public void TransactWriteItems_OversizedConditionOnTheDeepDeleteKeysAction_SizeFirst()
    {
        var condition = "a = :v" + string.Concat(Enumerable.Repeat(" AND a = :v", 373));
        Assert.That(Transact(new TransactWriteItem
        {
            Delete = new Delete { TableName = Absent, Key = KeyOf(Deep(100)), ConditionExpression = condition, ExpressionAttributeValues = Item((":v", S("x"))) },
        }), Is.EqualTo("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4109"));
    }

    [Test]
    public void TransactWriteItems_OversizedUpdateThenDeepCheckKey_SizeFirst() =>
        Assert.That(Transact(
            new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = Absent, Key = KeyOf(S("a")), ExpressionAttributeValues = Item((":v", S("x"))),
                    UpdateExpression = "SET " + string.Join(", ", Enumerable.Range(0, 500).Select(i => $"a{i} = :v")),
                },
            },
            new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = Absent, Key = KeyOf(Deep(100)), ConditionExpression = "attribute_exists(a)" } }),
            Is.EqualTo("Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;"));

    [Test]
    public void TransactWriteItems_UnusedValueThenDeepCheckKey_UnusedFirst() =>
        Assert.That(Transact(
            new TransactWriteItem { Update = new Update { TableName = Absent, Key = KeyOf(S("a")), UpdateExpression = "SET a = :v", ExpressionAttributeValues = Item((":v", S("x")), (":u", S("y"))) } },
            new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = Absent, Key = KeyOf(Deep(100)), ConditionExpression = "attribute_exists(a)" } }),
            Is.EqualTo("Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}"));

    [TestCase(63)]
    [TestCase(100)]
    public void DeleteItem_UnknownReturnValuesBesideDeepCondition_OlderEnumFirst(int depth) =>
        Invalid(() => Ddb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = Absent, Key = KeyOf(S("a")), ReturnValues = "BOGUS",
            ConditionExpression = "#d = :deep", ExpressionAttributeNames = new Dictionary<string, string> { ["#d"] = "d" }, ExpressionAttributeValues = Item((":deep", Deep(depth))),
        }), RvOlder);

    [Test]
    public void DeleteItem_UnknownReturnValuesBesideDeepExpected_OlderEnumFirst() =>
        Invalid(() => Ddb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = Absent, Key = KeyOf(S("a")), ReturnValues = "BOGUS",
            Expected = new Dictionary<string, ExpectedAttributeValue> { ["d"] = new() { Value = Deep(63) } },
        }), RvOlder);

    [Test]
    public void DeleteItem_UnknownReturnValuesBesideDeepKey_OlderEnumFirst() =>
        Invalid(() => Ddb.DeleteItemAsync(new DeleteItemRequest { TableName = Absent, Key = KeyOf(Deep(100)), ReturnValues = "BOGUS" }), RvOlder);
}
