using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/batchGetItem.test.ts:
// BatchGetItem's exact error messages, and its projection refusals.
public class ParityErrorMessagesBatchGetItemTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string Overlap = "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: ";

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash, HashB, Composite);

    private Task BatchGet(Dictionary<string, KeysAndAttributes> requestItems) =>
        Ddb.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = requestItems });

    private Task BatchGetWithProjection(string projection, Dictionary<string, string>? names = null) => BatchGet(new()
    {
        [Hash] = new KeysAndAttributes { Keys = [Key("em-bg-proj")], ProjectionExpression = projection, ExpressionAttributeNames = names },
    });

    [Test]
    public void BatchGetItem_EmptyRequestItems_MinimumLength() =>
        Invalid(() => BatchGet([]),
            "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");

    [Test]
    public void BatchGetItem_101Keys_MaximumLengthOfTheTablesKeys() =>
        Invalid(() => BatchGet(new() { [Hash] = new KeysAndAttributes { Keys = [.. Enumerable.Range(0, 101).Select(i => Key($"bg-{i}"))] } }),
            $"1 validation error detected: Value at 'RequestItems.{Hash}.member.Keys' failed to satisfy constraint: Member must have length less than or equal to 100");

    [Test]
    public void BatchGetItem_AbsentTable_RequestedResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => BatchGet(new() { [Absent] = new KeysAndAttributes { Keys = [Key("test")] } }), "Requested resource not found");

    [Test]
    public void BatchGetItem_DuplicateKeys_ContainsDuplicates() =>
        Invalid(() => BatchGet(new() { [Hash] = new KeysAndAttributes { Keys = [Key("em-bg-dup"), Key("em-bg-dup")] } }),
            "Provided list of item keys contains duplicates");

    [Test]
    public void BatchGetItem_AttributesToGetWithProjection_BothKindsNamed() =>
        InvalidContaining(() => BatchGet(new() { [Hash] = new KeysAndAttributes { Keys = [Key("em-bg-mix")], AttributesToGet = ["pk"], ProjectionExpression = "pk" } }),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");

    [Test]
    public void BatchGetItem_EmptyBinaryKey_Refused() =>
        Invalid(() => BatchGet(new() { [HashB] = new KeysAndAttributes { Keys = [Item(("pk", B()))] } }), EmptyBinaryKey);

    [Test]
    public void BatchGetItem_ProjectionOnOneTableAttributesToGetOnAnother_Refused() =>
        Refusal(() => BatchGet(new()
        {
            [Hash] = new KeysAndAttributes { Keys = [Key("bg-mix-a")], ProjectionExpression = "pk" },
            [Composite] = new KeysAndAttributes { Keys = [Item(("pk", S("bg-mix-b")), ("sk", S("z")))], AttributesToGet = ["pk"] },
        }));

    [Test]
    public void BatchGetItem_MalformedTableName_MapKeysConstraintEchoesTheMap() =>
        Invalid(() => BatchGet(new() { ["bad!name"] = new KeysAndAttributes { Keys = [Key("a")] } }),
            "1 validation error detected: Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");

    [Test]
    public void BatchGetItem_EmptyKeys_MinimumLength() =>
        Invalid(() => BatchGet(new() { [Hash] = new KeysAndAttributes { Keys = [] } }),
            $"1 validation error detected: Value at 'RequestItems.{Hash}.member.Keys' failed to satisfy constraint: Member must have length greater than or equal to 1");

    [Test]
    public void BatchGetItem_DuplicateProjectionPaths_Overlap() =>
        Invalid(() => BatchGetWithProjection("a, a"), Overlap + "[a]");

    [Test]
    public void BatchGetItem_TwoAliasesOfOneAttribute_OverlapOnResolvedNames() =>
        Invalid(() => BatchGetWithProjection("#a, #b", new Dictionary<string, string> { ["#a"] = "a", ["#b"] = "a" }), Overlap + "[a]");

    [Test]
    public void BatchGetItem_ParentAndChildPaths_Overlap() =>
        Invalid(() => BatchGetWithProjection("a, a.b"), Overlap + "[a, b]");

    [Test]
    public void BatchGetItem_BadProjectionBesideACleanTable_RefusesTheBatch() =>
        Invalid(() => BatchGet(new()
        {
            [Hash] = new KeysAndAttributes { Keys = [Key("em-bg-proj-bad")], ProjectionExpression = "a, a" },
            [Composite] = new KeysAndAttributes { Keys = [Item(("pk", S("em-bg-proj-clean")), ("sk", S("z")))], ProjectionExpression = "a" },
        }), Overlap + "[a]");
}
