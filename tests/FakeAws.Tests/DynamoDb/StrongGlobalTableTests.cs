using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDbStreams;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Global tables with Multi-Region strong consistency (MultiRegionConsistency STRONG), through one client per
/// region of one cloud: made whole in one UpdateTable, writes visible in every region at once, conflicts,
/// the group frozen, and torn down whole. The table lives in us-east-1; us-east-2 and us-west-2 complete it.
/// </summary>
public class StrongGlobalTableTests(DynamoDbPath path) : GlobalTableTestBase(path)
{
    private static readonly TimeSpan ConflictWindow = TimeSpan.FromMilliseconds(100);

    private AmazonDynamoDBClient Ohio { get; set; } = null!;

    private AmazonDynamoDBClient Oregon { get; set; } = null!;

    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.ReplicatedWriteConflictWindow = ConflictWindow;
        return base.Options(options);
    }

    [SetUp]
    public void CreateRegionClients()
    {
        Ohio = Aws.CreateClient<AmazonDynamoDBClient>("us-east-2");
        Oregon = Aws.CreateClient<AmazonDynamoDBClient>("us-west-2");
    }

    [TearDown]
    public void DisposeRegionClients()
    {
        Ohio.Dispose();
        Oregon.Dispose();
    }

    private static GlobalTableWitnessGroupUpdate Witness(string region) =>
        new() { Create = new CreateGlobalTableWitnessGroupMemberAction { RegionName = region } };

    private static GlobalTableWitnessGroupUpdate DropWitness(string region) =>
        new() { Delete = new DeleteGlobalTableWitnessGroupMemberAction { RegionName = region } };

    private Task<UpdateTableResponse> StrongAsync(string table, List<ReplicationGroupUpdate> replicas, GlobalTableWitnessGroupUpdate? witness = null) =>
        Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            MultiRegionConsistency = MultiRegionConsistency.STRONG,
            ReplicaUpdates = replicas,
            GlobalTableWitnessUpdates = witness is null ? null : [witness],
        });

    /// <summary>An ACTIVE strong group: the table in us-east-1, a replica in us-east-2 and a witness in us-west-2.</summary>
    private async Task CreateWithWitnessAsync(string name, StreamSpecification? stream = null)
    {
        await CreateAsync(name, stream);
        await StrongAsync(name, [Create("us-east-2")], Witness("us-west-2"));
        Time.Advance(StatusDelay);
    }

    /// <summary>An ACTIVE strong group of three replicas: us-east-1, us-east-2 and us-west-2.</summary>
    private async Task CreateWithThreeReplicasAsync(string name)
    {
        await CreateAsync(name);
        await StrongAsync(name, [Create("us-east-2"), Create("us-west-2")]);
        Time.Advance(StatusDelay);
    }

    private async Task CreateAsync(string name, StreamSpecification? stream = null, AmazonDynamoDBClient? client = null)
    {
        await (client ?? Ddb).CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            StreamSpecification = stream,
        });
        Time.Advance(StatusDelay);
    }

    [Test]
    public async Task TwoReplicaCreates_MakeTheGroup_StatusesOnTheClock_EveryRegionDescribesIt()
    {
        await CreateAsync("orders");

        var made = (await StrongAsync("orders", [Create("us-east-2"), Create("us-west-2")])).TableDescription;

        Assert.That(made.TableStatus, Is.EqualTo(TableStatus.UPDATING));
        Assert.That(made.MultiRegionConsistency, Is.EqualTo(MultiRegionConsistency.STRONG));
        Assert.That(made.GlobalTableVersion, Is.EqualTo("2019.11.21"));
        Assert.That(made.Replicas.Select(r => (r.RegionName, r.ReplicaStatus.Value)), Is.EqualTo(new[] { ("us-east-2", "CREATING"), ("us-west-2", "CREATING") }));
        Assert.That(made.GlobalTableWitnesses, Is.Null.Or.Empty, "three replicas have no witness");
        Assert.That(made.StreamSpecification, Is.Null, "strong replication needs no stream");

        Time.Advance(StatusDelay);
        foreach (var (region, client) in new[] { ("us-east-1", Ddb), ("us-east-2", Ohio), ("us-west-2", Oregon) })
        {
            var table = (await client.DescribeTableAsync("orders")).Table;
            Assert.That(table.TableStatus, Is.EqualTo(TableStatus.ACTIVE), region);
            Assert.That(table.MultiRegionConsistency, Is.EqualTo(MultiRegionConsistency.STRONG), region);
            Assert.That(table.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "us-east-1", "us-east-2", "us-west-2" }.Where(r => r != region)), region);
            Assert.That(table.Replicas.All(r => r.ReplicaStatus == ReplicaStatus.ACTIVE), region);
        }
    }

    [Test]
    public async Task ReplicaAndWitness_WitnessCreatingThenActive_AndHoldsNoTable()
    {
        await CreateAsync("orders");

        var made = (await StrongAsync("orders", [Create("us-east-2")], Witness("us-west-2"))).TableDescription;

        Assert.That(made.GlobalTableWitnesses.Select(w => (w.RegionName, w.WitnessStatus.Value)), Is.EqualTo(new[] { ("us-west-2", "CREATING") }));
        Assert.That(made.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "us-east-2" }));
        Time.Advance(StatusDelay);
        var replica = (await Ohio.DescribeTableAsync("orders")).Table;
        Assert.That(replica.MultiRegionConsistency, Is.EqualTo(MultiRegionConsistency.STRONG));
        Assert.That(replica.GlobalTableWitnesses.Select(w => (w.RegionName, w.WitnessStatus.Value)), Is.EqualTo(new[] { ("us-west-2", "ACTIVE") }));
        Assert.That(replica.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "us-east-1" }));

        // The witness is no table of the account: its region neither lists nor describes one, and may hold its own.
        Assert.That((await Oregon.ListTablesAsync()).TableNames, Is.Empty);
        Assert.ThrowsAsync<ResourceNotFoundException>(() => Oregon.DescribeTableAsync("orders"));
        await CreateAsync("orders", client: Oregon);
        Assert.That((await Oregon.DescribeTableAsync("orders")).Table.MultiRegionConsistency, Is.Null);
    }

    [Test]
    public async Task Writes_AreVisibleInEveryRegionAtOnce_AndConditionsSeeTheLatest()
    {
        await CreateWithThreeReplicasAsync("orders");

        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("n", N("1"))));

        Assert.That((await GetAsync(Ohio, "orders", "a"))!["n"].N, Is.EqualTo("1"), "no clock movement needed");
        Assert.That((await GetAsync(Oregon, "orders", "a"))!["n"].N, Is.EqualTo("1"));
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Ohio.PutItemAsync(new PutItemRequest
        {
            TableName = "orders",
            Item = Item(("pk", S("a")), ("n", N("2"))),
            ConditionExpression = "attribute_not_exists(pk)",
        }));
        Time.Advance(ConflictWindow);
        await Ohio.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "orders",
            Key = Item(("pk", S("a"))),
            UpdateExpression = "SET n = n + :one",
            ConditionExpression = "n = :one",
            ExpressionAttributeValues = new() { [":one"] = N("1") },
        });
        Assert.That((await GetAsync(Ddb, "orders", "a"))!["n"].N, Is.EqualTo("2"));
        Time.Advance(ConflictWindow);
        await Oregon.DeleteItemAsync("orders", Item(("pk", S("a"))));
        Assert.That(await GetAsync(Ddb, "orders", "a"), Is.Null);
        Assert.That(await GetAsync(Ohio, "orders", "a"), Is.Null);
        Assert.That((await Ohio.DescribeTableAsync("orders")).Table.ItemCount, Is.Zero);
    }

    [Test]
    public async Task EachRegionsStream_RecordsEveryWrite()
    {
        await CreateWithWitnessAsync("orders", new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE });

        await Ddb.PutItemAsync("orders", Item(("pk", S("from-virginia"))));
        Time.Advance(ConflictWindow);
        await Ohio.PutItemAsync("orders", Item(("pk", S("from-ohio"))));

        foreach (var (region, client) in new[] { ("us-east-1", Ddb), ("us-east-2", Ohio) })
        {
            using var streams = new StreamsWire(Aws, region);
            var table = (await client.DescribeTableAsync("orders")).Table;
            Assert.That(table.StreamSpecification.StreamViewType, Is.EqualTo(StreamViewType.NEW_IMAGE), region);
            var records = await streams.AllRecordsAsync(table.LatestStreamArn);
            Assert.That(records.Select(r => r!["dynamodb"]!["Keys"]!["pk"]!["S"]!.GetValue<string>()), Is.EqualTo(new[] { "from-virginia", "from-ohio" }), region);
        }
    }

    [Test]
    public async Task AnotherRegionsWrite_WhileTheItemIsInFlight_ReplicatedWriteConflict()
    {
        await CreateWithThreeReplicasAsync("orders");
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("virginia"))));

        var conflict = Fails<ReplicatedWriteConflictException>(() => Ohio.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("ohio")))),
            "The request was rejected because one or more items in the request are being modified by a request in another Region.");

        Assert.That(conflict.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
        Assert.That((await GetAsync(Ohio, "orders", "a"))!["v"].S, Is.EqualTo("virginia"), "the refused write changed nothing");
        await Ohio.PutItemAsync("orders", Item(("pk", S("b"))));
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("virginia again"))));
        Time.Advance(ConflictWindow - TimeSpan.FromMilliseconds(1));
        Assert.ThrowsAsync<ReplicatedWriteConflictException>(() => Oregon.DeleteItemAsync("orders", Item(("pk", S("a")))));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        await Oregon.DeleteItemAsync("orders", Item(("pk", S("a"))));
        Assert.That(await GetAsync(Ddb, "orders", "a"), Is.Null);
    }

    [Test]
    public async Task Creation_AwsErrors()
    {
        await CreateAsync("orders");

        Invalid(() => StrongAsync("orders", [Create("us-east-2")]),
            "Unsupported replica count for global tables with MultiRegionConsistency set to STRONG.");
        Invalid(() => StrongAsync("orders", [Create("us-east-2"), Create("us-west-2")], Witness("eu-west-1")),
            "Unsupported replica count for global tables with MultiRegionConsistency set to STRONG.");
        Invalid(() => StrongAsync("orders", [Create("us-west-1")], Witness("us-west-1")),
            "Unsupported Region(s) specified for global tables with MultiRegionConsistency set to STRONG: [us-west-1].");
        Invalid(() => StrongAsync("orders", [Create("us-east-2")], Witness("us-east-2")),
            "Cannot target multiple regions with the same action");
        Invalid(() => StrongAsync("orders", [Create("us-east-2")], Witness("us-east-1")),
            "Cannot add a witness in the same region as an existing replica when creating a global table with MultiRegionConsistency set to STRONG.");
        Invalid(() => StrongAsync("orders", [Create("us-east-1"), Create("us-east-2")]),
            "Cannot add or delete the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [Create("us-east-2")],
            GlobalTableWitnessUpdates = [Witness("us-west-2")],
        }), "MultiRegionConsistency must be set as STRONG when GlobalTableWitnessUpdates parameter is present.");
        Invalid(() => StrongAsync("orders", [Delete("us-east-2")]),
            "Only Replica Create actions are supported when MultiRegionConsistency parameter is provided.");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            MultiRegionConsistency = MultiRegionConsistency.STRONG,
            ReplicaUpdates = [Create("us-east-2")],
            GlobalTableWitnessUpdates = [Witness("us-west-2")],
            DeletionProtectionEnabled = true,
        }), "One or more parameter values were invalid: Requests that modify replicas or witnesses must not also modify other fields");
        // A witness alone is no change: AWS's list of what may change leaves out the MultiRegionConsistency the request has.
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            MultiRegionConsistency = MultiRegionConsistency.STRONG,
            GlobalTableWitnessUpdates = [Witness("us-west-2")],
        }), "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, "
            + "MultiAccountReplicaReady, ReplicaTransitRoleArn, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required");
        var twoWitnesses = Assert.ThrowsAsync<AmazonDynamoDBException>(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            MultiRegionConsistency = MultiRegionConsistency.STRONG,
            ReplicaUpdates = [Create("us-east-2")],
            GlobalTableWitnessUpdates = [Witness("us-west-2"), Witness("eu-west-1")],
        }));
        Assert.That(twoWitnesses!.Message, Does.Contain("at 'globalTableWitnessUpdates' failed to satisfy constraint: Member must have length less than or equal to 1"));

        // Nothing was changed by any of them.
        var table = (await Ddb.DescribeTableAsync("orders")).Table;
        Assert.That(table.MultiRegionConsistency, Is.Null);
        Assert.That(table.Replicas, Is.Null.Or.Empty);
        Assert.That((await Ohio.ListTablesAsync()).TableNames, Is.Empty);
    }

    [Test]
    public async Task Creation_RefusedForAFullTable_LocalIndexes_TimeToLive_OrAnEventualGroup()
    {
        await CreateAsync("full");
        await Ddb.PutItemAsync("full", Item(("pk", S("a"))));
        Invalid(() => StrongAsync("full", [Create("us-east-2"), Create("us-west-2")]),
            "The table must be empty to create a global table with MultiRegionConsistency set to STRONG.");

        await CreateAsync("expiring");
        await Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "expiring",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        Invalid(() => StrongAsync("expiring", [Create("us-east-2"), Create("us-west-2")]),
            "Time to Live is not supported for global tables with MultiRegionConsistency set to STRONG.");

        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "indexed",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S), new("at", ScalarAttributeType.S)],
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex
                {
                    IndexName = "by-at",
                    KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("at", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
        });
        Time.Advance(StatusDelay);
        Invalid(() => StrongAsync("indexed", [Create("us-east-2"), Create("us-west-2")]),
            "Local secondary indexes are not supported for global tables with MultiRegionConsistency set to STRONG.");

        await CreateAsync("eventual");
        await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "eventual", ReplicaUpdates = [Create("us-east-2")] });
        Time.Advance(StatusDelay);
        Invalid(() => StrongAsync("eventual", [Create("us-west-1")]),
            "Unsupported replica count for global tables with MultiRegionConsistency set to STRONG.");
        Invalid(() => StrongAsync("eventual", [Create("us-west-2")], Witness("eu-west-1")),
            "MultiRegionConsistency parameter is unsupported on existing global table");
        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "eventual",
            MultiRegionConsistency = MultiRegionConsistency.EVENTUAL,
            ReplicaUpdates = [Create("us-west-2")],
        });
        Time.Advance(StatusDelay);
        Assert.That((await Oregon.DescribeTableAsync("eventual")).Table.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "us-east-1", "us-east-2" }));
    }

    [Test]
    public async Task RegionsOfDifferentSets_AreAccepted_AsAwsWasRecordedAcceptingThem()
    {
        await CreateAsync("orders");

        await StrongAsync("orders", [Create("eu-west-1")], Witness("us-east-2"));

        Time.Advance(StatusDelay);
        Assert.That((await Eu.DescribeTableAsync("orders")).Table.MultiRegionConsistency, Is.EqualTo(MultiRegionConsistency.STRONG));
    }

    [Test]
    public async Task TheGroupIsFrozen_AwsErrors()
    {
        await CreateWithWitnessAsync("orders");

        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", ReplicaUpdates = [Create("eu-west-1")] }),
            "Cannot add replicas to a global table with strong MultiRegionConsistency");
        Invalid(() => StrongAsync("orders", [Create("eu-west-1")]),
            "Unsupported replica count for global tables with MultiRegionConsistency set to STRONG.");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            MultiRegionConsistency = MultiRegionConsistency.EVENTUAL,
            ReplicaUpdates = [Create("eu-west-1")],
        }), "MultiRegionConsistency parameter is unsupported on existing global table");
        Invalid(() => StrongAsync("orders", [Delete("us-east-2")]),
            "Only Replica Create actions are supported when MultiRegionConsistency parameter is provided.");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", ReplicaUpdates = [Delete("us-east-2")] }),
            "Update table delete operation does not include all witnesses.");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [Delete("us-east-2")],
            GlobalTableWitnessUpdates = [DropWitness("eu-west-1")],
        }), "Update global table operation failed because one or more witnesses were not part of the global table. Please retry the request without these witnesses: [eu-west-1].");
        foreach (var client in new[] { Ddb, Ohio })
        {
            Invalid(() => client.DeleteTableAsync("orders"),
                "Deletion of only one table replica is not supported for global tables with MultiRegionConsistency set to STRONG.");
        }
        Invalid(() => Ohio.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "orders",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        }), "Time to Live is not supported for global tables with MultiRegionConsistency set to STRONG.");

        var described = (await Ddb.DescribeTableAsync("orders")).Table;
        Assert.That(described.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
        Assert.That(described.Replicas.Select(r => r.RegionName), Is.EqualTo(new[] { "us-east-2" }));
        Assert.That(described.GlobalTableWitnesses.Single().RegionName, Is.EqualTo("us-west-2"));
    }

    [Test]
    public async Task DeletingOneOfThreeReplicas_AwsError()
    {
        await CreateWithThreeReplicasAsync("orders");

        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", ReplicaUpdates = [Delete("us-west-2")] }),
            "Deletion of only one table replica is not supported for global tables with MultiRegionConsistency set to STRONG.");
        Invalid(() => Oregon.DeleteTableAsync("orders"),
            "Deletion of only one table replica is not supported for global tables with MultiRegionConsistency set to STRONG.");
    }

    [Test]
    public async Task Transactions_AreRefused()
    {
        await CreateWithThreeReplicasAsync("orders");
        await CreateAsync("regional");
        const string Refused = "Transactions are not supported for global tables with MultiRegionConsistency set to STRONG.";

        Invalid(() => Ohio.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = "orders", Item = Item(("pk", S("a"))) } }],
        }), Refused);
        Invalid(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = "regional", Item = Item(("pk", S("a"))) } },
                new TransactWriteItem { Put = new Put { TableName = "orders", Item = Item(("pk", S("a"))) } },
            ],
        }), Refused);
        Invalid(() => Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new TransactGetItem { Get = new Get { TableName = "orders", Key = Item(("pk", S("a"))) } }],
        }), Refused);
        Invalid(() => Oregon.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements = [new ParameterizedStatement { Statement = "INSERT INTO \"orders\" VALUE {'pk': 'a'}" }],
        }), Refused);

        Assert.That((await Ddb.ScanAsync(new ScanRequest { TableName = "regional" })).Count, Is.Zero, "the refused transaction wrote nothing");
    }

    [Test]
    public async Task Teardown_DeletesTheReplicaAndTheWitness_TheTableIsRegionalAgain()
    {
        await CreateWithWitnessAsync("orders");
        await Ddb.PutItemAsync("orders", Item(("pk", S("a"))));

        var updated = (await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [Delete("us-east-2")],
            GlobalTableWitnessUpdates = [DropWitness("us-west-2")],
        })).TableDescription;

        Assert.That(updated.TableStatus, Is.EqualTo(TableStatus.UPDATING));
        Assert.That(updated.Replicas.Single().ReplicaStatus, Is.EqualTo(ReplicaStatus.DELETING));
        Assert.That(updated.GlobalTableWitnesses.Single().WitnessStatus, Is.EqualTo(WitnessStatus.DELETING));
        Time.Advance(StatusDelay);
        var regional = (await Ddb.DescribeTableAsync("orders")).Table;
        Assert.That(regional.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
        Assert.That(regional.MultiRegionConsistency, Is.Null);
        Assert.That(regional.GlobalTableWitnesses, Is.Null.Or.Empty);
        Assert.That(regional.Replicas, Is.Null.Or.Empty);
        Assert.That(regional.GlobalTableVersion, Is.Null);
        Assert.ThrowsAsync<ResourceNotFoundException>(() => Ohio.DescribeTableAsync("orders"));
        Assert.That(await GetAsync(Ddb, "orders", "a"), Is.Not.Null, "the remaining table keeps its items");

        // Regional again: it may take an eventual replica, and be deleted.
        await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", ReplicaUpdates = [Create("us-east-2")] });
        Time.Advance(StatusDelay);
        Assert.That((await Ohio.DescribeTableAsync("orders")).Table.MultiRegionConsistency, Is.Null);
    }

    [Test]
    public async Task Teardown_OfThreeReplicas_DeletesBothOthersInOneRequest()
    {
        await CreateWithThreeReplicasAsync("orders");

        await Ohio.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", ReplicaUpdates = [Delete("us-east-1"), Delete("us-west-2")] });

        Time.Advance(StatusDelay);
        Assert.That((await Ohio.DescribeTableAsync("orders")).Table.Replicas, Is.Null.Or.Empty);
        Assert.That((await Ddb.ListTablesAsync()).TableNames, Is.Empty);
        await Ohio.DeleteTableAsync("orders");
    }

    [Test]
    public async Task Snapshot_KeepsTheGroup_AndItsSynchronousReplication()
    {
        await CreateWithWitnessAsync("orders");
        await Ddb.PutItemAsync("orders", Item(("pk", S("before"))));
        var snapshot = Aws.Snapshot();
        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [Delete("us-east-2")],
            GlobalTableWitnessUpdates = [DropWitness("us-west-2")],
        });
        Time.Advance(StatusDelay);

        Aws.Restore(snapshot);

        var table = (await Ohio.DescribeTableAsync("orders")).Table;
        Assert.That(table.MultiRegionConsistency, Is.EqualTo(MultiRegionConsistency.STRONG));
        Assert.That(table.GlobalTableWitnesses.Single().RegionName, Is.EqualTo("us-west-2"));
        Assert.That(await GetAsync(Ohio, "orders", "before"), Is.Not.Null);
        await Ohio.PutItemAsync("orders", Item(("pk", S("after-restore"))));
        Assert.That(await GetAsync(Ddb, "orders", "after-restore"), Is.Not.Null);
    }
}
