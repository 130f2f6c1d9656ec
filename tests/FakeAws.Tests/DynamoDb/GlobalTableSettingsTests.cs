using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Global tables, version 2019.11.21: which settings AWS keeps in step across replicas after they were
/// made (GSIs, Time to Live, on-demand maxima, the table class) and which stay per region (deletion
/// protection, tags, the overrides of a replica).
/// </summary>
public class GlobalTableSettingsTests(DynamoDbPath path) : GlobalTableTestBase(path)
{
    /// <summary>An on-demand table keyed by pk in us-east-1 with an ACTIVE replica in eu-west-1 and two items in each.</summary>
    private async Task CreateGlobalTableAsync()
    {
        await CreateTableAsync("orders");
        Time.Advance(StatusDelay);
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("status", S("open"))));
        await Ddb.PutItemAsync("orders", Item(("pk", S("b")), ("status", S("shut"))));
        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = "eu-west-1" } }],
        });
        Time.Advance(StatusDelay);
    }

    private static UpdateTableRequest CreateIndex(string name) => new()
    {
        TableName = "orders",
        AttributeDefinitions = [new AttributeDefinition("status", ScalarAttributeType.S)],
        GlobalSecondaryIndexUpdates =
        [
            new GlobalSecondaryIndexUpdate
            {
                Create = new CreateGlobalSecondaryIndexAction
                {
                    IndexName = name,
                    KeySchema = [new KeySchemaElement("status", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            },
        ],
    };

    private static Task<QueryResponse> QueryOpenAsync(AmazonDynamoDBClient client, string index) => client.QueryAsync(new QueryRequest
    {
        TableName = "orders",
        IndexName = index,
        KeyConditionExpression = "#s = :s",
        ExpressionAttributeNames = new() { ["#s"] = "status" },
        ExpressionAttributeValues = new() { [":s"] = S("open") },
    });

    [Test]
    public async Task GsiCreatedInTheReplicaRegion_AppearsInEveryRegion_BackfilledFromItsOwnItems()
    {
        await CreateGlobalTableAsync();

        await Eu.UpdateTableAsync(CreateIndex("by-status"));

        var home = (await Ddb.DescribeTableAsync("orders")).Table;
        Assert.That(home.TableStatus, Is.EqualTo(TableStatus.UPDATING));
        Assert.That(home.GlobalSecondaryIndexes.Single().IndexName, Is.EqualTo("by-status"));
        Assert.That(home.GlobalSecondaryIndexes.Single().IndexStatus, Is.EqualTo(IndexStatus.CREATING));
        Assert.That(home.AttributeDefinitions.Select(d => d.AttributeName), Is.EquivalentTo(new[] { "pk", "status" }));
        Assert.That(home.Replicas.Single().GlobalSecondaryIndexes.Select(i => i.IndexName), Is.EqualTo(new[] { "by-status" }));
        Time.Advance(StatusDelay);
        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.GlobalSecondaryIndexes.Single().IndexStatus, Is.EqualTo(IndexStatus.ACTIVE));
        Assert.That((await QueryOpenAsync(Ddb, "by-status")).Items.Select(i => i["pk"].S), Is.EqualTo(new[] { "a" }));
        Assert.That((await QueryOpenAsync(Eu, "by-status")).Items.Select(i => i["pk"].S), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task GsiDeleted_LeavesEveryRegion_WithItsAttributeDefinition()
    {
        await CreateGlobalTableAsync();
        await Ddb.UpdateTableAsync(CreateIndex("by-status"));
        Time.Advance(StatusDelay);

        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "by-status" } }],
        });
        Time.Advance(StatusDelay);

        var replica = (await Eu.DescribeTableAsync("orders")).Table;
        Assert.That(replica.GlobalSecondaryIndexes, Is.Null.Or.Empty);
        Assert.That(replica.AttributeDefinitions.Select(d => d.AttributeName), Is.EqualTo(new[] { "pk" }));
        Assert.That(replica.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
    }

    [Test]
    public async Task TimeToLive_SetInAnyRegion_IsGroupWide_AndItsHourlyLimitToo()
    {
        await CreateGlobalTableAsync();

        await Eu.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "orders",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });

        var home = (await Ddb.DescribeTimeToLiveAsync("orders")).TimeToLiveDescription;
        Assert.That(home.TimeToLiveStatus, Is.EqualTo(TimeToLiveStatus.ENABLED));
        Assert.That(home.AttributeName, Is.EqualTo("expires"));
        Invalid(() => Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "orders",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = false, AttributeName = "expires" },
        }), "Time to live has been modified multiple times within a fixed interval");
    }

    [Test]
    public async Task NewReplica_TakesTheTimeToLiveSetting()
    {
        await CreateTableAsync("orders");
        Time.Advance(StatusDelay);
        await Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "orders",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });

        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = "eu-west-1" } }],
        });

        Assert.That((await Eu.DescribeTimeToLiveAsync("orders")).TimeToLiveDescription.AttributeName, Is.EqualTo("expires"));
    }

    [Test]
    public async Task TableClassAndOnDemandMaxima_AreGroupWide()
    {
        await CreateGlobalTableAsync();

        await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", TableClass = TableClass.STANDARD_INFREQUENT_ACCESS });
        Time.Advance(StatusDelay);
        await Eu.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 100, MaxWriteRequestUnits = 50 },
        });

        var home = (await Ddb.DescribeTableAsync("orders")).Table;
        Assert.That(home.TableStatus, Is.EqualTo(TableStatus.UPDATING));
        Assert.That(home.OnDemandThroughput.MaxWriteRequestUnits, Is.EqualTo(50));
        Assert.That(home.OnDemandThroughput.MaxReadRequestUnits, Is.EqualTo(100));
        Assert.That((await Eu.DescribeTableAsync("orders")).Table.TableClassSummary.TableClass, Is.EqualTo(TableClass.STANDARD_INFREQUENT_ACCESS));
    }

    [Test]
    public async Task DeletionProtectionAndTags_StayInTheirRegion()
    {
        await CreateGlobalTableAsync();
        var homeArn = (await Ddb.DescribeTableAsync("orders")).Table.TableArn;

        await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", DeletionProtectionEnabled = true });
        await Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = homeArn, Tags = [new Tag { Key = "team", Value = "orders" }] });

        var replica = (await Eu.DescribeTableAsync("orders")).Table;
        Assert.That(replica.DeletionProtectionEnabled, Is.False);
        Assert.That((await Eu.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = replica.TableArn })).Tags, Is.Empty);
    }

    [Test]
    public async Task OnDemandReadOverride_IsTheReplicasOwn_AndShownAsItsOverride()
    {
        await CreateGlobalTableAsync();

        var updated = (await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates =
            [
                new ReplicationGroupUpdate
                {
                    Update = new UpdateReplicationGroupMemberAction
                    {
                        RegionName = "eu-west-1",
                        OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 40 },
                    },
                },
            ],
        })).TableDescription;

        Assert.That(updated.Replicas.Single().ReplicaStatus, Is.EqualTo(ReplicaStatus.UPDATING));
        Assert.That(updated.Replicas.Single().OnDemandThroughputOverride.MaxReadRequestUnits, Is.EqualTo(40));
        Assert.That((await Eu.DescribeTableAsync("orders")).Table.OnDemandThroughput.MaxReadRequestUnits, Is.EqualTo(40));
        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.OnDemandThroughput, Is.Null);
    }

    [Test]
    public async Task Replica_OfATableWithALocalIndex_HasTheIndex()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions =
            [
                new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S),
                new AttributeDefinition("at", ScalarAttributeType.N),
            ],
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex
                {
                    IndexName = "by-time",
                    KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("at", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
        });
        Time.Advance(StatusDelay);
        await Ddb.PutItemAsync("orders", Item(("pk", S("c")), ("sk", S("1")), ("at", N("7"))));

        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = "eu-west-1" } }],
        });
        Time.Advance(StatusDelay);

        var replica = (await Eu.DescribeTableAsync("orders")).Table;
        Assert.That(replica.LocalSecondaryIndexes.Single().IndexName, Is.EqualTo("by-time"));
        var found = await Eu.QueryAsync(new QueryRequest
        {
            TableName = "orders",
            IndexName = "by-time",
            KeyConditionExpression = "pk = :p AND #at > :t",
            ExpressionAttributeNames = new() { ["#at"] = "at" },
            ExpressionAttributeValues = new() { [":p"] = S("c"), [":t"] = N("5") },
        });
        Assert.That(found.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task SwitchingAGlobalTableToProvisioned_WithoutAutoScaling_AwsError()
    {
        await CreateGlobalTableAsync();
        Time.Advance(TimeSpan.FromDays(1));

        Invalid(() => Eu.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PROVISIONED,
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
        }), "Table write capacity should either be Pay-Per-Request or AutoScaled.");
    }

    [Test]
    public async Task GsiCreatedWhileAThirdReplicaIsBeingAdded_ReachesIt_WhichStaysCreating()
    {
        await CreateGlobalTableAsync();
        using var west = Aws.CreateClient<AmazonDynamoDBClient>("us-west-2");
        await Eu.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = "us-west-2" } }],
        });

        await Ddb.UpdateTableAsync(CreateIndex("by-status"));

        var creating = (await west.DescribeTableAsync("orders")).Table;
        Assert.That(creating.TableStatus, Is.EqualTo(TableStatus.CREATING));
        Assert.That(creating.GlobalSecondaryIndexes.Single().IndexName, Is.EqualTo("by-status"));
        Time.Advance(StatusDelay);
        Assert.That((await west.DescribeTableAsync("orders")).Table.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
        Assert.That((await QueryOpenAsync(west, "by-status")).Items.Select(i => i["pk"].S), Is.EqualTo(new[] { "a" }));
    }
}
