using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// A cloud whose tables take <see cref="StatusDelay"/> to change status, with a client for the replica
/// region (eu-west-1) beside <see cref="DynamoDbTestBase.Ddb"/> (us-east-1).
/// </summary>
public abstract class GlobalTableTestBase(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected static readonly TimeSpan StatusDelay = TimeSpan.FromSeconds(10);

    /// <summary>The client of the replica region.</summary>
    protected AmazonDynamoDBClient Eu { get; private set; } = null!;

    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.TableStatusDelay = StatusDelay;
        return options;
    }

    protected static ReplicationGroupUpdate Create(string region) => new() { Create = new CreateReplicationGroupMemberAction { RegionName = region } };

    protected static ReplicationGroupUpdate Delete(string region) => new() { Delete = new DeleteReplicationGroupMemberAction { RegionName = region } };

    /// <summary>The item keyed <c>pk</c> = <paramref name="key"/>, read strongly consistently in <paramref name="client"/>'s region; null if absent.</summary>
    protected static async Task<Dictionary<string, AttributeValue>?> GetAsync(AmazonDynamoDBClient client, string table, string key)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S(key))), ConsistentRead = true });
        return response.IsItemSet ? response.Item : null;
    }

    [SetUp]
    public void CreateReplicaClient() => Eu = Aws.CreateClient<AmazonDynamoDBClient>("eu-west-1");

    [TearDown]
    public void DisposeReplicaClient() => Eu.Dispose();
}
