using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/batchWriteItem.test.ts:
// BatchWriteItem's exact error messages.
public class ParityErrorMessagesBatchWriteItemTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash, HashB);

    private Task BatchWrite(Dictionary<string, List<WriteRequest>> requestItems) =>
        Ddb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = requestItems });

    private static WriteRequest Put(Dictionary<string, AttributeValue> item) => new() { PutRequest = new PutRequest { Item = item } };

    private static WriteRequest Delete(Dictionary<string, AttributeValue> key) => new() { DeleteRequest = new DeleteRequest { Key = key } };

    [Test]
    public void BatchWriteItem_EmptyRequestItems_EitherRegionalWording() =>
        Assert.That(Refusal(() => BatchWrite([])), Is.AnyOf(
            "The requestItems parameter is required for BatchWriteItem",
            "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"));

    [Test]
    public void BatchWriteItem_26Requests_LengthConstraint() =>
        Assert.That(Refusal(() => BatchWrite(new() { [Hash] = [.. Enumerable.Range(0, 26).Select(i => Put(Key($"bw-{i}")))] })), Does.Match(
            $"^1 validation error detected: (?:Value '\\{{{Hash}=\\[.+\\]\\}}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: \\[Member must have length less than or equal to 25, Member must have length greater than or equal to 1\\]" +
            $"|Value at 'RequestItems\\.{Hash}\\.member' failed to satisfy constraint: Member must have length less than or equal to 25)$"));

    [Test]
    public void BatchWriteItem_PutAndDeleteOfOneKey_ContainsDuplicates() =>
        Invalid(() => BatchWrite(new() { [Hash] = [Put(Key("em-bw-dup")), Delete(Key("em-bw-dup"))] }), "Provided list of item keys contains duplicates");

    [Test]
    public void BatchWriteItem_AbsentTable_RequestedResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => BatchWrite(new() { [Absent] = [Put(Key("test"))] }), "Requested resource not found");

    [Test]
    public void BatchWriteItem_WrongTypedKey_SchemaMismatch() =>
        Invalid(() => BatchWrite(new() { [Hash] = [Put(Item(("pk", N("5"))))] }), SchemaMismatch);

    [Test]
    public void BatchWriteItem_NonScalarKey_SchemaMismatch() =>
        Invalid(() => BatchWrite(new() { [Hash] = [Put(Item(("pk", L(S("x")))))] }), SchemaMismatch);

    [Test]
    public void BatchWriteItem_EmptyStringKey_Refused() =>
        Invalid(() => BatchWrite(new() { [Hash] = [Put(Item(("pk", S(""))))] }), EmptyStringKey);

    [Test]
    public void BatchWriteItem_EmptyBinaryPutKey_Refused() =>
        Invalid(() => BatchWrite(new() { [HashB] = [Put(Item(("pk", B())))] }), EmptyBinaryKey);

    [Test]
    public void BatchWriteItem_EmptyBinaryDeleteKey_Refused() =>
        Invalid(() => BatchWrite(new() { [HashB] = [Delete(Item(("pk", B())))] }), EmptyBinaryKey);

    [Test]
    public void BatchWriteItem_ItemWithoutThePartitionKey_SchemaMismatch() =>
        Invalid(() => BatchWrite(new() { [Hash] = [Put(Item(("other", S("x"))))] }), SchemaMismatch);

    [Test]
    public void BatchWriteItem_DeleteKeyWithoutThePartitionKey_SchemaMismatch() =>
        Invalid(() => BatchWrite(new() { [Hash] = [Delete(Item(("other", S("x"))))] }), SchemaMismatch);

    [Test]
    public void BatchWriteItem_EmptyRequestList_MapValueConstraint() =>
        Invalid(() => BatchWrite(new() { [Hash] = [] }),
            $"1 validation error detected: Value '{{{Hash}=[]}}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");

    [Test]
    public void BatchWriteItem_MalformedTableName_MapKeysConstraint() =>
        Assert.That(Refusal(() => BatchWrite(new() { ["bad!name"] = [Put(Key("x"))] })), Does.Match(
            "^1 validation error detected: Value '\\{bad!name=\\[WriteRequest\\(putRequest=PutRequest\\(item=\\{pk=.+\\}.*\\)\\]\\}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: \\[Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: \\[a-zA-Z0-9_.-\\]\\+\\]$"));
}
