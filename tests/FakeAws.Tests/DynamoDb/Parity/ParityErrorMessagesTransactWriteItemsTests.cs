using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/transactWriteItems.test.ts:
// TransactWriteItems' exact error messages, and which key faults cancel the transaction and which
// are refused before it opens.
public class ParityErrorMessagesTransactWriteItemsTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash, HashB);

    private Task TransactWrite(params TransactWriteItem[] items) =>
        Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [.. items] });

    private static TransactWriteItem PutOf(string table, Dictionary<string, AttributeValue> item, string? condition = null) =>
        new() { Put = new Put { TableName = table, Item = item, ConditionExpression = condition } };

    private static TransactWriteItem UpdateOf(string table, AttributeValue key) => new()
    {
        Update = new Update { TableName = table, Key = Item(("pk", key)), UpdateExpression = "SET attr1 = :v", ExpressionAttributeValues = Item((":v", S("x"))) },
    };

    private static TransactWriteItem DeleteOf(string table, AttributeValue key) => new() { Delete = new Delete { TableName = table, Key = Item(("pk", key)) } };

    private static TransactWriteItem CheckOf(string table, AttributeValue key) =>
        new() { ConditionCheck = new ConditionCheck { TableName = table, Key = Item(("pk", key)), ConditionExpression = "attribute_not_exists(pk)" } };

    private void CancelledFor(TransactWriteItem item, string reason) =>
        Assert.That(Cancelled(() => TransactWrite(item), "ValidationError")[0].Message, Is.EqualTo(reason));

    [Test]
    public void TransactWriteItems_Empty_EitherRegionalWording() =>
        Assert.That(Refusal(() => TransactWrite()), Is.AnyOf(
            "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
            "1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: Member must have length greater than or equal to 1"));

    [Test]
    public void TransactWriteItems_101Actions_LengthConstraint() =>
        Assert.That(Refusal(() => TransactWrite([.. Enumerable.Range(0, 101).Select(i => PutOf(Hash, Key($"twi-{i}")))])), Does.Match(
            "^1 validation error detected: (?:Value '\\[.+\\]' at 'transactItems'|Value at 'TransactItems') failed to satisfy constraint: Member must have length less than or equal to 100$"));

    [Test]
    public void TransactWriteItems_TwoPutsOfOneItem_MultipleOperations() =>
        Invalid(() => TransactWrite(PutOf(Hash, Key("em-twi-dup")), PutOf(Hash, Key("em-twi-dup"))),
            "Transaction request cannot include multiple operations on one item");

    [Test]
    public void TransactWriteItems_AbsentTable_RequestedResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => TransactWrite(PutOf(Absent, Key("x"))), "Requested resource not found");

    [Test]
    public async Task TransactWriteItems_TwoFailingConditions_BothReasonsInOrder()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("em-twi-multi-1")), ("attr1", S("exists"))));
        await Ddb.PutItemAsync(Hash, Item(("pk", S("em-twi-multi-2")), ("attr1", S("exists"))));
        Cancelled(() => TransactWrite(
            PutOf(Hash, Item(("pk", S("em-twi-multi-1")), ("attr1", S("over"))), "attribute_not_exists(pk)"),
            PutOf(Hash, Item(("pk", S("em-twi-multi-2")), ("attr1", S("over"))), "attribute_not_exists(pk)")),
            "ConditionalCheckFailed", "ConditionalCheckFailed");
    }

    [Test]
    public async Task TransactWriteItems_OnePassingOneFailing_NoneForTheSurvivor()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("em-twi-pos")), ("attr1", S("exists"))));
        var reasons = Cancelled(() => TransactWrite(
            PutOf(Hash, Item(("pk", S("em-twi-pos-new")), ("attr1", S("fresh"))), "attribute_not_exists(pk)"),
            PutOf(Hash, Item(("pk", S("em-twi-pos")), ("attr1", S("over"))), "attribute_not_exists(pk)")),
            "None", "ConditionalCheckFailed");
        Assert.That(reasons[1].Message, Is.EqualTo("The conditional request failed"));
    }

    [Test]
    public void TransactWriteItems_PutWrongTypedKey_CancelledWithTypeMismatch() =>
        CancelledFor(PutOf(Hash, Item(("pk", N("5")))), "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");

    [Test]
    public void TransactWriteItems_PutNonScalarKey_CancelledWithTypeMismatch() =>
        CancelledFor(PutOf(Hash, Item(("pk", L(S("x"))))), "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: L");

    [Test]
    public void TransactWriteItems_PutEmptyStringKey_RefusedUpFront() =>
        Invalid(() => TransactWrite(PutOf(Hash, Item(("pk", S(""))))), EmptyStringKey);

    [Test]
    public void TransactWriteItems_UpdateDeleteCheckEmptyStringKey_RefusedUpFront()
    {
        Invalid(() => TransactWrite(UpdateOf(Hash, S(""))), EmptyStringKey);
        Invalid(() => TransactWrite(DeleteOf(Hash, S(""))), EmptyStringKey);
        Invalid(() => TransactWrite(CheckOf(Hash, S(""))), EmptyStringKey);
    }

    [Test]
    public void TransactWriteItems_UpdateDeleteCheckWrongTypedKey_CancelledWithSchemaMismatch()
    {
        CancelledFor(UpdateOf(Hash, N("5")), SchemaMismatch);
        CancelledFor(DeleteOf(Hash, N("5")), SchemaMismatch);
        CancelledFor(CheckOf(Hash, N("5")), SchemaMismatch);
    }

    [Test]
    public void TransactWriteItems_UpdateDeleteCheckNonScalarKey_CancelledWithSchemaMismatch()
    {
        CancelledFor(UpdateOf(Hash, L(S("x"))), SchemaMismatch);
        CancelledFor(DeleteOf(Hash, L(S("x"))), SchemaMismatch);
        CancelledFor(CheckOf(Hash, L(S("x"))), SchemaMismatch);
    }

    [Test]
    public void TransactWriteItems_EveryActionWithEmptyBinaryKey_RefusedUpFront()
    {
        Invalid(() => TransactWrite(PutOf(HashB, Item(("pk", B())))), EmptyBinaryKey);
        Invalid(() => TransactWrite(UpdateOf(HashB, B())), EmptyBinaryKey);
        Invalid(() => TransactWrite(DeleteOf(HashB, B())), EmptyBinaryKey);
        Invalid(() => TransactWrite(CheckOf(HashB, B())), EmptyBinaryKey);
    }
}
