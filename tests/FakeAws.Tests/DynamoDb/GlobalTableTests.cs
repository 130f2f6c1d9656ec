using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDbStreams;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Global tables, version 2019.11.21, through one client per region of one cloud: replicas added and
/// removed with UpdateTable, their status on the clock, replication lag, last writer wins and streams.
/// </summary>
public class GlobalTableTests(DynamoDbPath path) : GlobalTableTestBase(path)
{
    private Task<UpdateTableResponse> ReplicaUpdateAsync(string table, ReplicationGroupUpdate update, AmazonDynamoDBClient? client = null) =>
        (client ?? Ddb).UpdateTableAsync(new UpdateTableRequest { TableName = table, ReplicaUpdates = [update] });

    /// <summary>An on-demand table in us-east-1 with an ACTIVE replica in eu-west-1.</summary>
    private async Task CreateGlobalTableAsync(string name)
    {
        await CreateTableAsync(name);
        Time.Advance(StatusDelay);
        await ReplicaUpdateAsync(name, Create("eu-west-1"));
        Time.Advance(StatusDelay);
    }

    /// <summary>An on-demand table keyed by <c>pk</c> in the client's region.</summary>
    private static Task<CreateTableResponse> CreateOnDemandAsync(AmazonDynamoDBClient client, string name, StreamSpecification? stream = null) =>
        client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            StreamSpecification = stream,
        });

    [Test]
    public async Task AddReplica_TableUpdatingReplicaCreatingThenActive_ItemsCopied()
    {
        await CreateTableAsync("orders");
        Time.Advance(StatusDelay);
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("n", N("1"))));

        var updated = (await ReplicaUpdateAsync("orders", Create("eu-west-1"))).TableDescription;

        Assert.That(updated.TableStatus, Is.EqualTo(TableStatus.UPDATING));
        Assert.That(updated.GlobalTableVersion, Is.EqualTo("2019.11.21"));
        Assert.That(updated.Replicas.Select(r => (r.RegionName, r.ReplicaStatus.Value)), Is.EqualTo(new[] { ("eu-west-1", "CREATING") }));
        Assert.That(updated.StreamSpecification.StreamViewType, Is.EqualTo(StreamViewType.NEW_AND_OLD_IMAGES));
        var remote = (await Eu.DescribeTableAsync("orders")).Table;
        Assert.That(remote.TableStatus, Is.EqualTo(TableStatus.CREATING));
        Assert.That(remote.TableArn, Does.StartWith("arn:aws:dynamodb:eu-west-1:"));
        Assert.That(remote.GlobalTableVersion, Is.EqualTo("2019.11.21"));
        Assert.That(remote.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "us-east-1" }));
        Assert.That(remote.BillingModeSummary.BillingMode, Is.EqualTo(BillingMode.PAY_PER_REQUEST));
        Assert.That((await Eu.ListTablesAsync()).TableNames, Is.EqualTo(new[] { "orders" }));

        Time.Advance(StatusDelay);
        var local = (await Ddb.DescribeTableAsync("orders")).Table;
        Assert.That(local.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
        Assert.That(local.Replicas.Single().ReplicaStatus, Is.EqualTo(ReplicaStatus.ACTIVE));
        Assert.That((await Eu.DescribeTableAsync("orders")).Table.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
        Assert.That((await GetAsync(Eu, "orders", "a"))!["n"].N, Is.EqualTo("1"));
        Assert.That((await Eu.DescribeTableAsync("orders")).Table.ItemCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Write_ReachesTheOtherRegionAfterTheReplicationDelay_BothWays()
    {
        await CreateGlobalTableAsync("orders");

        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("from", S("us"))));
        await Eu.PutItemAsync("orders", Item(("pk", S("b")), ("from", S("eu"))));

        Assert.That(await GetAsync(Eu, "orders", "a"), Is.Null);
        Assert.That(await GetAsync(Ddb, "orders", "b"), Is.Null);
        Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(await GetAsync(Eu, "orders", "a"), Is.Null);
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That((await GetAsync(Eu, "orders", "a"))!["from"].S, Is.EqualTo("us"));
        Assert.That((await GetAsync(Ddb, "orders", "b"))!["from"].S, Is.EqualTo("eu"));
    }

    [Test]
    public async Task RunUntilIdle_DrainsReplication()
    {
        await CreateGlobalTableAsync("orders");
        await Ddb.PutItemAsync("orders", Item(("pk", S("a"))));

        await Aws.RunUntilIdleAsync();

        Assert.That(await GetAsync(Eu, "orders", "a"), Is.Not.Null);
    }

    [Test]
    public async Task ConcurrentWrites_LaterWriteWinsEverywhere()
    {
        await CreateGlobalTableAsync("orders");

        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("us-first"))));
        Time.Advance(TimeSpan.FromMilliseconds(500));
        await Eu.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("eu-later"))));
        await Aws.RunUntilIdleAsync();

        Assert.That((await GetAsync(Ddb, "orders", "a"))!["v"].S, Is.EqualTo("eu-later"));
        Assert.That((await GetAsync(Eu, "orders", "a"))!["v"].S, Is.EqualTo("eu-later"));
    }

    [Test]
    public async Task SimultaneousWrites_TieGoesToTheRegionNameSortingLast()
    {
        await CreateGlobalTableAsync("orders");

        await Eu.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("eu"))));
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("us"))));
        await Aws.RunUntilIdleAsync();

        Assert.That((await GetAsync(Ddb, "orders", "a"))!["v"].S, Is.EqualTo("us"));
        Assert.That((await GetAsync(Eu, "orders", "a"))!["v"].S, Is.EqualTo("us"));
    }

    [Test]
    public async Task Conditions_AreCheckedAgainstTheLocalCopyOnly()
    {
        await CreateGlobalTableAsync("orders");

        await Ddb.PutItemAsync(new PutItemRequest { TableName = "orders", Item = Item(("pk", S("a")), ("v", S("us"))), ConditionExpression = "attribute_not_exists(pk)" });
        Time.Advance(TimeSpan.FromMilliseconds(100));
        await Eu.PutItemAsync(new PutItemRequest { TableName = "orders", Item = Item(("pk", S("a")), ("v", S("eu"))), ConditionExpression = "attribute_not_exists(pk)" });
        await Aws.RunUntilIdleAsync();

        Assert.That((await GetAsync(Ddb, "orders", "a"))!["v"].S, Is.EqualTo("eu"));
        Assert.That((await GetAsync(Eu, "orders", "a"))!["v"].S, Is.EqualTo("eu"));
    }

    [Test]
    public async Task Deletes_Replicate_AndAnOlderWriteDoesNotResurrectTheItem()
    {
        await CreateGlobalTableAsync("orders");
        await Ddb.PutItemAsync("orders", Item(("pk", S("a"))));
        await Aws.RunUntilIdleAsync();

        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("older"))));
        Time.Advance(TimeSpan.FromMilliseconds(100));
        await Eu.DeleteItemAsync("orders", Item(("pk", S("a"))));
        await Aws.RunUntilIdleAsync();

        Assert.That(await GetAsync(Ddb, "orders", "a"), Is.Null);
        Assert.That(await GetAsync(Eu, "orders", "a"), Is.Null);
    }

    [Test]
    public async Task Transaction_ReplicatesItemByItem()
    {
        await CreateGlobalTableAsync("orders");

        await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = "orders", Item = Item(("pk", S("a"))) } },
                new TransactWriteItem { Put = new Put { TableName = "orders", Item = Item(("pk", S("b"))) } },
            ],
        });
        await Aws.RunUntilIdleAsync();

        Assert.That(await GetAsync(Eu, "orders", "a"), Is.Not.Null);
        Assert.That(await GetAsync(Eu, "orders", "b"), Is.Not.Null);
    }

    [Test]
    public async Task TimeToLiveDeletion_Replicates()
    {
        await CreateGlobalTableAsync("orders");
        await Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "orders",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        var expires = Time.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("expires", N(expires))));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await GetAsync(Eu, "orders", "a"), Is.Not.Null);

        Time.Advance(TimeSpan.FromMinutes(1));
        await Aws.RunUntilIdleAsync();

        Assert.That(await GetAsync(Ddb, "orders", "a"), Is.Null);
        Assert.That(await GetAsync(Eu, "orders", "a"), Is.Null);
    }

    [Test]
    public async Task DeleteReplica_RemovesTheRemoteTable_AndTheTableIsRegionalAgain()
    {
        await CreateGlobalTableAsync("orders");

        var updated = (await ReplicaUpdateAsync("orders", Delete("eu-west-1"))).TableDescription;

        Assert.That(updated.TableStatus, Is.EqualTo(TableStatus.UPDATING));
        Assert.That(updated.Replicas.Single().ReplicaStatus, Is.EqualTo(ReplicaStatus.DELETING));
        Assert.That((await Eu.DescribeTableAsync("orders")).Table.TableStatus, Is.EqualTo(TableStatus.DELETING));
        await Ddb.PutItemAsync("orders", Item(("pk", S("late"))));

        Time.Advance(StatusDelay);
        var local = (await Ddb.DescribeTableAsync("orders")).Table;
        Assert.That(local.Replicas, Is.Null.Or.Empty);
        Assert.That(local.GlobalTableVersion, Is.Null);
        Assert.That(local.StreamSpecification.StreamEnabled, Is.True);
        Assert.ThrowsAsync<ResourceNotFoundException>(() => Eu.DescribeTableAsync("orders"));
        Assert.That((await Eu.ListTablesAsync()).TableNames, Is.Empty);
        await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", StreamSpecification = new StreamSpecification { StreamEnabled = false } });
    }

    [Test]
    public async Task DeleteReplica_WithDeletionProtection_AwsError()
    {
        await CreateGlobalTableAsync("orders");
        await Eu.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", DeletionProtectionEnabled = true });

        Invalid(() => ReplicaUpdateAsync("orders", Delete("eu-west-1")),
            "Cannot delete table orders in region eu-west-1 because it has deletion protection enabled. Disable deletion protection first.");
    }

    [Test]
    public async Task DeleteTable_InTheReplicaRegion_LeavesTheGroup()
    {
        await CreateGlobalTableAsync("orders");

        await Eu.DeleteTableAsync("orders");
        Time.Advance(StatusDelay);

        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.GlobalTableVersion, Is.Null);
        await Ddb.PutItemAsync("orders", Item(("pk", S("a"))));
        await Aws.RunUntilIdleAsync();
        Assert.That((await Eu.ListTablesAsync()).TableNames, Is.Empty);
    }

    [Test]
    public async Task Stream_KeysOnlyStays_AndCannotBeDisabledOrChangedWhileGlobal()
    {
        await CreateOnDemandAsync(Ddb, "orders", new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY });
        Time.Advance(StatusDelay);
        await ReplicaUpdateAsync("orders", Create("eu-west-1"));
        Time.Advance(StatusDelay);

        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.StreamSpecification.StreamViewType, Is.EqualTo(StreamViewType.KEYS_ONLY));
        Assert.That((await Eu.DescribeTableAsync("orders")).Table.StreamSpecification.StreamViewType, Is.EqualTo(StreamViewType.KEYS_ONLY));
        foreach (var client in new[] { Ddb, Eu })
        {
            Invalid(() => client.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", StreamSpecification = new StreamSpecification { StreamEnabled = false } }),
                "One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica.");
            Invalid(() => client.UpdateTableAsync(new UpdateTableRequest
            {
                TableName = "orders",
                StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE },
            }), "Table already has an enabled stream: TableName: orders");
        }
    }

    [Test]
    public async Task EachRegionsStream_HasItsOwnAndTheReplicatedWrites()
    {
        await CreateGlobalTableAsync("orders");
        await Ddb.PutItemAsync("orders", Item(("pk", S("from-us"))));
        await Eu.PutItemAsync("orders", Item(("pk", S("from-eu"))));
        await Aws.RunUntilIdleAsync();

        foreach (var (region, client) in new[] { ("us-east-1", Ddb), ("eu-west-1", Eu) })
        {
            using var streams = new StreamsWire(Aws, region);
            var arn = (await client.DescribeTableAsync("orders")).Table.LatestStreamArn;
            Assert.That(arn, Does.Contain($":{region}:"));
            var records = await streams.AllRecordsAsync(arn);
            Assert.That(records.Select(r => r!["dynamodb"]!["Keys"]!["pk"]!["S"]!.GetValue<string>()).Order(), Is.EqualTo(new[] { "from-eu", "from-us" }), region);
            Assert.That(records.All(r => r!["eventName"]!.GetValue<string>() == "INSERT" && r["dynamodb"]!["NewImage"] is not null), region);
        }
    }

    [Test]
    public async Task ReplicaUpdates_AwsErrors()
    {
        await CreateTableAsync("orders");
        Time.Advance(StatusDelay);

        Invalid(() => ReplicaUpdateAsync("orders", Create("us-east-1")),
            "Cannot add or delete the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
        Invalid(() => ReplicaUpdateAsync("orders", Delete("eu-west-1")),
            "Update global table operation failed because one or more replicas were not part of the global table. Please retry the request without these replicas: [eu-west-1].");
        Invalid(() => ReplicaUpdateAsync("orders", new ReplicationGroupUpdate()),
            "There are no actions specified in the Replica Update Action of the request.");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", ReplicaUpdates = [Create("eu-west-1"), Create("us-west-2")] }),
            "Update table operation with more than one create or delete replica actions not allowed");
        await CreateOnDemandAsync(Eu, "orders");
        Invalid(() => ReplicaUpdateAsync("orders", Create("eu-west-1")),
            "Failed to create a the new replica of table with name: \u2018orders\u2019 because one or more replicas already existed as tables.");

        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "provisioned",
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
        });
        Time.Advance(StatusDelay);
        Invalid(() => ReplicaUpdateAsync("provisioned", Create("eu-west-1")), "Table write capacity should either be Pay-Per-Request or AutoScaled.");
    }

    [Test]
    public async Task ReplicaUpdates_WhileTheTableIsUpdating_ResourceInUse()
    {
        await CreateTableAsync("orders");
        Time.Advance(StatusDelay);
        await ReplicaUpdateAsync("orders", Create("eu-west-1"));

        Fails<ResourceInUseException>(() => ReplicaUpdateAsync("orders", Create("us-west-2")),
            "The resource which you are attempting to change is in use.");
    }

    [Test]
    public async Task ThirdRegion_JoinsFromAReplica_AndEveryRegionListsTheOthers()
    {
        await CreateGlobalTableAsync("orders");
        using var west = Aws.CreateClient<AmazonDynamoDBClient>("us-west-2");

        await ReplicaUpdateAsync("orders", Create("us-west-2"), Eu);
        Time.Advance(StatusDelay);
        await west.PutItemAsync("orders", Item(("pk", S("w"))));
        await Aws.RunUntilIdleAsync();

        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "eu-west-1", "us-west-2" }));
        Assert.That((await west.DescribeTableAsync("orders")).Table.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "eu-west-1", "us-east-1" }));
        Assert.That(await GetAsync(Ddb, "orders", "w"), Is.Not.Null);
        Assert.That(await GetAsync(Eu, "orders", "w"), Is.Not.Null);
    }

    [Test]
    public async Task ReplicaUpdates_MoreAwsErrors_CheckedBeforeAnythingChanges()
    {
        await CreateTableAsync("orders");
        Time.Advance(StatusDelay);

        var unsupported = Assert.ThrowsAsync<AmazonDynamoDBException>(() => ReplicaUpdateAsync("orders", Create("us-fake-1")));
        Assert.That(unsupported!.Message, Does.StartWith(
            "Region us-fake-1 is not supported. The latest version of global tables are only supported in the following regions: [ap-south-2, ap-south-1, eu-south-1, eu-south-2, me-central-1, "));
        Assert.That(unsupported.Message, Does.Contain("eu-west-1").And.EndWith("]"));
        Assert.ThrowsAsync<AmazonDynamoDBException>(() => ReplicaUpdateAsync("orders", Create("EU-WEST-1")));
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", ReplicaUpdates = [Create("eu-west-1")], DeletionProtectionEnabled = true }),
            "One or more parameter values were invalid: Replica modification must be the only operation in the request");
        Invalid(() => ReplicaUpdateAsync("orders", new ReplicationGroupUpdate { Update = new UpdateReplicationGroupMemberAction { RegionName = "eu-west-1" } }),
            "There are no actions specified in the Replica Update Action of the request.");
        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.GlobalTableVersion, Is.Null);
    }

    [Test]
    public async Task TwoCreatesOfOneRegion_AreOneAction()
    {
        await CreateTableAsync("orders");
        Time.Advance(StatusDelay);

        await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", ReplicaUpdates = [Create("eu-west-1"), Create("eu-west-1")] });

        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "eu-west-1" }));
    }

    [Test]
    public async Task TheSourceRegion_CannotLeaveForADay_WhileTheReplicaItAddedRemains()
    {
        await CreateGlobalTableAsync("orders");
        const string Held = "Replica cannot be deleted because it has acted as a source region for new replica(s) being added to the table in the last 24 hours.";

        Invalid(() => Ddb.DeleteTableAsync("orders"), Held);
        Invalid(() => ReplicaUpdateAsync("orders", Delete("us-east-1"), Eu), Held);

        Time.Advance(TimeSpan.FromHours(24));
        await Ddb.DeleteTableAsync("orders");
        Time.Advance(StatusDelay);
        Assert.That((await Eu.DescribeTableAsync("orders")).Table.GlobalTableVersion, Is.Null);
    }

    [Test]
    public async Task ReplicaUpdates_FromAReplicaStillBeingCreated_AwsError()
    {
        await CreateTableAsync("orders");
        Time.Advance(StatusDelay);
        await ReplicaUpdateAsync("orders", Create("eu-west-1"));

        Invalid(() => ReplicaUpdateAsync("orders", Create("us-west-2"), Eu),
            "Create/Update/Delete of replica is not allowed while the replica is being added to table with name: \u2018orders\u2019 in region: \u2018eu-west-1\u2019.");
    }
}
