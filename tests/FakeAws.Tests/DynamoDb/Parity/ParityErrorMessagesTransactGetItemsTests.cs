using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/transactGetItems.test.ts:
// TransactGetItems' exact error messages.
public class ParityErrorMessagesTransactGetItemsTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private Task TransactGet(params TransactGetItem[] items) =>
        Ddb.TransactGetItemsAsync(new TransactGetItemsRequest { TransactItems = [.. items] });

    private static TransactGetItem Get(string table, Dictionary<string, AttributeValue> key, string? projection = null) =>
        new() { Get = new Get { TableName = table, Key = key, ProjectionExpression = projection } };

    [Test]
    public void TransactGetItems_Empty_EitherRegionalWording() =>
        Assert.That(Refusal(() => TransactGet()), Is.AnyOf(
            "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
            "1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: Member must have length greater than or equal to 1"));

    [Test]
    public void TransactGetItems_101Gets_LengthConstraint() =>
        Assert.That(Refusal(() => TransactGet([.. Enumerable.Range(0, 101).Select(i => Get(Hash, Key($"tgi-{i}")))])), Does.Match(
            "^1 validation error detected: (?:Value '\\[.+\\]' at 'transactItems'|Value at 'TransactItems') failed to satisfy constraint: Member must have length less than or equal to 100$"));

    [Test]
    public void TransactGetItems_AbsentTable_RequestedResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => TransactGet(Get(Absent, Key("x"))), "Requested resource not found");

    [Test]
    public void TransactGetItems_ProjectionSyntaxError_RequestLevel() =>
        Invalid(() => TransactGet(Get(Hash, Key("tgi-pe"), "!!!")), "Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"");

    [Test]
    public void TransactGetItems_EmptyKey_CancelledWithValidationError() =>
        Cancelled(() => TransactGet(Get(Hash, [])), "ValidationError");
}
