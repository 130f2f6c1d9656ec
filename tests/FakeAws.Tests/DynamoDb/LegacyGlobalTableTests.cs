using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// The legacy (2017.11.29) global table operations answer as AWS does now that it creates none, even for
/// a 2019.11.21 global table's name; replica auto scaling answers with the table's replicas.
/// </summary>
public class LegacyGlobalTableTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const string LegacyUnsupported =
        "One or more parameter values were invalid: DynamoDB global tables version 2017.11.29 is not supported. " +
        "We recommend using DynamoDB global tables version 2019.11.21, instead of version 2017.11.29 (Legacy).";

    /// <summary>A 2019.11.21 global table "orders" in us-east-1 and eu-west-1.</summary>
    private async Task CreateGlobalTableAsync()
    {
        await CreateTableAsync("orders");
        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = "eu-west-1" } }],
        });
    }

    [Test]
    public async Task LegacyOperations_NeverFindAGlobalTable()
    {
        await CreateGlobalTableAsync();

        Invalid(() => Ddb.CreateGlobalTableAsync(new CreateGlobalTableRequest { GlobalTableName = "orders", ReplicationGroup = [new Replica { RegionName = "us-east-1" }] }),
            LegacyUnsupported);
        Invalid(() => Ddb.UpdateGlobalTableAsync(new UpdateGlobalTableRequest
        {
            GlobalTableName = "orders",
            ReplicaUpdates = [new ReplicaUpdate { Create = new CreateReplicaAction { RegionName = "us-west-2" } }],
        }), LegacyUnsupported);
        Fails<GlobalTableNotFoundException>(() => Ddb.UpdateGlobalTableAsync(new UpdateGlobalTableRequest
        {
            GlobalTableName = "orders",
            ReplicaUpdates = [new ReplicaUpdate { Delete = new DeleteReplicaAction { RegionName = "eu-west-1" } }],
        }), "Global table not found: Global table with name: 'orders' does not exist.");
        Fails<GlobalTableNotFoundException>(() => Ddb.DescribeGlobalTableAsync(new DescribeGlobalTableRequest { GlobalTableName = "orders" }),
            "Global table not found: Global table with name: 'orders' does not exist.");
        Fails<GlobalTableNotFoundException>(() => Ddb.DescribeGlobalTableSettingsAsync(new DescribeGlobalTableSettingsRequest { GlobalTableName = "orders" }),
            "Global table with name: 'orders' does not exist.");
        Fails<GlobalTableNotFoundException>(() => Ddb.UpdateGlobalTableSettingsAsync(new UpdateGlobalTableSettingsRequest
        {
            GlobalTableName = "orders",
            GlobalTableBillingMode = BillingMode.PAY_PER_REQUEST,
        }), "Global table with name: 'orders' does not exist.");
        Assert.That((await Ddb.ListGlobalTablesAsync(new ListGlobalTablesRequest())).GlobalTables, Is.Empty);
    }

    [Test]
    public async Task ReplicaAutoScaling_DescribesEveryReplica_AndRefusesAutoScalingOnDemand()
    {
        await CreateTableAsync("regional");
        Fails<ResourceNotFoundException>(() => Ddb.DescribeTableReplicaAutoScalingAsync(new DescribeTableReplicaAutoScalingRequest { TableName = "regional" }),
            "Global table with name: 'regional' does not exist.");
        await CreateGlobalTableAsync();

        var description = (await Ddb.DescribeTableReplicaAutoScalingAsync(new DescribeTableReplicaAutoScalingRequest { TableName = "orders" })).TableAutoScalingDescription;

        Assert.That(description.TableName, Is.EqualTo("orders"));
        Assert.That(description.Replicas.Select(r => (r.RegionName, r.ReplicaStatus.Value)), Is.EqualTo(new[] { ("eu-west-1", "ACTIVE"), ("us-east-1", "ACTIVE") }));
        Invalid(() => Ddb.UpdateTableReplicaAutoScalingAsync(new UpdateTableReplicaAutoScalingRequest
        {
            TableName = "orders",
            ProvisionedWriteCapacityAutoScalingUpdate = new AutoScalingSettingsUpdate { MinimumUnits = 1, MaximumUnits = 10 },
        }), "Failed to update global table with name \u2018orders\u2018. Replicas 'eu-west-1', 'us-east-1' BillingMode is PayPerRequest. " +
            "You must convert table's BillingMode to PROVISIONED to set parameters: 'ProvisionedWriteCapacityAutoScalingUpdate'.");
        var disabled = await Ddb.UpdateTableReplicaAutoScalingAsync(new UpdateTableReplicaAutoScalingRequest
        {
            TableName = "orders",
            ProvisionedWriteCapacityAutoScalingUpdate = new AutoScalingSettingsUpdate { AutoScalingDisabled = true },
        });
        Assert.That(disabled.TableAutoScalingDescription.Replicas, Has.Count.EqualTo(2));
    }
}
