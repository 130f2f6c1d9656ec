using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Provisioned global tables: with <see cref="DynamoDbOptions.AssumeWriteAutoScaling"/> (Application Auto
/// Scaling is not part of FakeAws) a provisioned table may gain replicas, each with the group's write
/// capacity and its own read capacity override, and its auto scaling settings are described and updated
/// through DescribeTableReplicaAutoScaling and UpdateTableReplicaAutoScaling.
/// </summary>
public class ProvisionedGlobalTableTests(DynamoDbPath path) : GlobalTableTestBase(path)
{
    // Statuses change at once here: these tests are about capacity, not about the replica's lifecycle.
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.AssumeWriteAutoScaling = true;
        return options;
    }

    /// <summary>A table of 10 RCU and 5 WCU in us-east-1 with a replica in eu-west-1 reading at 8 RCU.</summary>
    private async Task<UpdateTableResponse> CreateProvisionedGlobalTableAsync()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(10, 5),
        });
        return await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates =
            [
                new ReplicationGroupUpdate
                {
                    Create = new CreateReplicationGroupMemberAction
                    {
                        RegionName = "eu-west-1",
                        ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 8 },
                    },
                },
            ],
        });
    }

    [Test]
    public async Task ProvisionedTable_GainsAReplica_WithTheGroupsWritesAndItsOwnReads()
    {
        var updated = (await CreateProvisionedGlobalTableAsync()).TableDescription;

        Assert.That(updated.Replicas.Single().ProvisionedThroughputOverride.ReadCapacityUnits, Is.EqualTo(8));
        var replica = (await Eu.DescribeTableAsync("orders")).Table;
        Assert.That(replica.ProvisionedThroughput.ReadCapacityUnits, Is.EqualTo(8));
        Assert.That(replica.ProvisionedThroughput.WriteCapacityUnits, Is.EqualTo(5));
        Assert.That(replica.Replicas.Single().ProvisionedThroughputOverride, Is.Null);
        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.ProvisionedThroughput.ReadCapacityUnits, Is.EqualTo(10));
    }

    [Test]
    public async Task ThroughputChangedInAnyRegion_ReachesEveryReplica_ButAnOverriddenRead()
    {
        await CreateProvisionedGlobalTableAsync();
        using var west = Aws.CreateClient<AmazonDynamoDBClient>("us-west-2");
        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = "us-west-2" } }],
        });

        await Eu.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", ProvisionedThroughput = new ProvisionedThroughput(12, 20) });

        var home = (await Ddb.DescribeTableAsync("orders")).Table.ProvisionedThroughput;
        Assert.That((home.ReadCapacityUnits, home.WriteCapacityUnits), Is.EqualTo((12L, 20L)));
        var other = (await west.DescribeTableAsync("orders")).Table.ProvisionedThroughput;
        Assert.That((other.ReadCapacityUnits, other.WriteCapacityUnits), Is.EqualTo((12L, 20L)));
    }

    [Test]
    public async Task ReplicaAutoScaling_DescribesEveryReplica_AndUpdatesWritesEverywhereAndReadsPerReplica()
    {
        await CreateProvisionedGlobalTableAsync();

        var described = (await Ddb.DescribeTableReplicaAutoScalingAsync(new DescribeTableReplicaAutoScalingRequest { TableName = "orders" }))
            .TableAutoScalingDescription;
        Assert.That(described.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "eu-west-1", "us-east-1" }));
        var write = described.Replicas[1].ReplicaProvisionedWriteCapacityAutoScalingSettings;
        Assert.That(write.AutoScalingDisabled, Is.False);
        Assert.That(write.MinimumUnits, Is.EqualTo(5));
        Assert.That(write.ScalingPolicies.Single().PolicyName, Is.EqualTo("DynamoDBWriteCapacityUtilization:table/orders"));
        Assert.That(write.ScalingPolicies.Single().TargetTrackingScalingPolicyConfiguration.TargetValue, Is.EqualTo(70));

        var updated = (await Eu.UpdateTableReplicaAutoScalingAsync(new UpdateTableReplicaAutoScalingRequest
        {
            TableName = "orders",
            ProvisionedWriteCapacityAutoScalingUpdate = new AutoScalingSettingsUpdate { MinimumUnits = 10, MaximumUnits = 100 },
            ReplicaUpdates =
            [
                new ReplicaAutoScalingUpdate
                {
                    RegionName = "eu-west-1",
                    ReplicaProvisionedReadCapacityAutoScalingUpdate = new AutoScalingSettingsUpdate
                    {
                        MinimumUnits = 3,
                        MaximumUnits = 30,
                        ScalingPolicyUpdate = new AutoScalingPolicyUpdate
                        {
                            TargetTrackingScalingPolicyConfiguration = new AutoScalingTargetTrackingScalingPolicyConfigurationUpdate { TargetValue = 50 },
                        },
                    },
                },
            ],
        })).TableAutoScalingDescription;

        Assert.That(updated.Replicas.Select(r => r.ReplicaProvisionedWriteCapacityAutoScalingSettings.MaximumUnits), Is.EqualTo(new long?[] { 100, 100 }));
        Assert.That(updated.Replicas.Select(r => r.ReplicaProvisionedReadCapacityAutoScalingSettings.MinimumUnits), Is.EqualTo(new long?[] { 3, 10 }));
        Assert.That(updated.Replicas[0].ReplicaProvisionedReadCapacityAutoScalingSettings.ScalingPolicies.Single().TargetTrackingScalingPolicyConfiguration.TargetValue,
            Is.EqualTo(50));
    }
}
