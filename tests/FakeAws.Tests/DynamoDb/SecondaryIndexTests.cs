using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class SecondaryIndexTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private static readonly List<AttributeDefinition> Definitions =
    [
        new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S), new("status", ScalarAttributeType.S),
        new("created", ScalarAttributeType.N), new("size", ScalarAttributeType.N),
    ];

    private static GlobalSecondaryIndex Gsi(string name, string hash, string? range = null, ProjectionType? type = null, List<string>? include = null) => new()
    {
        IndexName = name,
        KeySchema = range is null ? [new KeySchemaElement(hash, KeyType.HASH)] : [new KeySchemaElement(hash, KeyType.HASH), new KeySchemaElement(range, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = type ?? ProjectionType.ALL, NonKeyAttributes = include },
    };

    private static LocalSecondaryIndex Lsi(string name, string range, ProjectionType? type = null) => new()
    {
        IndexName = name,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement(range, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = type ?? ProjectionType.ALL },
    };

    private Task CreateOrders() => Ddb.CreateTableAsync(new CreateTableRequest
    {
        TableName = "orders",
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
        AttributeDefinitions = Definitions,
        GlobalSecondaryIndexes =
        [
            Gsi("by-status", "status", "created"),
            Gsi("keys-only", "status", type: ProjectionType.KEYS_ONLY),
            Gsi("include", "status", "created", ProjectionType.INCLUDE, ["total"]),
        ],
        LocalSecondaryIndexes = [Lsi("by-size", "size", ProjectionType.KEYS_ONLY)],
    });

    private async Task PutOrders()
    {
        await Ddb.PutItemAsync("orders", Item(("pk", S("c1")), ("sk", S("o1")), ("status", S("open")), ("created", N("3")), ("size", N("30")), ("total", N("9")), ("note", S("a"))));
        await Ddb.PutItemAsync("orders", Item(("pk", S("c1")), ("sk", S("o2")), ("status", S("open")), ("created", N("1")), ("size", N("10")), ("total", N("5"))));
        await Ddb.PutItemAsync("orders", Item(("pk", S("c2")), ("sk", S("o3")), ("status", S("done")), ("created", N("2")), ("size", N("20"))));
        await Ddb.PutItemAsync("orders", Item(("pk", S("c2")), ("sk", S("o4")), ("note", S("no status: not in the status indexes"))));
    }

    private Task<QueryResponse> QueryIndex(string index, string status, string? projection = null, Select? select = null) => Ddb.QueryAsync(new QueryRequest
    {
        TableName = "orders",
        IndexName = index,
        KeyConditionExpression = "#s = :s",
        ExpressionAttributeNames = new() { ["#s"] = "status" },
        ExpressionAttributeValues = new() { [":s"] = S(status) },
        ProjectionExpression = projection,
        Select = select,
    });

    [Test]
    public async Task CreateTable_WithIndexes_DescribesThem()
    {
        await CreateOrders();

        var table = (await Ddb.DescribeTableAsync("orders")).Table;

        Assert.That(table.GlobalSecondaryIndexes.Select(i => i.IndexName), Is.EqualTo(new[] { "by-status", "keys-only", "include" }));
        Assert.That(table.GlobalSecondaryIndexes[0].IndexStatus, Is.EqualTo(IndexStatus.ACTIVE));
        Assert.That(table.GlobalSecondaryIndexes[0].IndexArn, Is.EqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/by-status"));
        Assert.That(table.GlobalSecondaryIndexes[2].Projection.NonKeyAttributes, Is.EqualTo(new[] { "total" }));
        Assert.That(table.LocalSecondaryIndexes.Single().IndexName, Is.EqualTo("by-size"));
        Assert.That(table.LocalSecondaryIndexes.Single().KeySchema.Select(k => k.AttributeName), Is.EqualTo(new[] { "pk", "size" }));
    }

    [Test]
    public async Task Query_GlobalIndex_OrdersBySortKeyAndSkipsItemsWithoutTheKey()
    {
        await CreateOrders();
        await PutOrders();

        var open = await QueryIndex("by-status", "open");

        Assert.That(open.Items.Select(i => i["sk"].S), Is.EqualTo(new[] { "o2", "o1" }));
        var count = (await Ddb.DescribeTableAsync("orders")).Table.GlobalSecondaryIndexes[0].ItemCount;
        Assert.That(count, Is.EqualTo(3));
    }

    [Test]
    public async Task Query_KeysOnlyIndex_ReturnsTableAndIndexKeys()
    {
        await CreateOrders();
        await PutOrders();

        var response = await QueryIndex("keys-only", "done");

        Assert.That(response.Items.Single().Keys, Is.EquivalentTo(new[] { "pk", "sk", "status" }));
    }

    [Test]
    public async Task Query_IncludeIndex_ReturnsTheIncludedAttributes()
    {
        await CreateOrders();
        await PutOrders();

        var response = await QueryIndex("include", "open");

        Assert.That(response.Items[1].Keys, Is.EquivalentTo(new[] { "pk", "sk", "status", "created", "total" }));
    }

    [Test]
    public async Task Query_LocalIndex_OrdersByItsSortKeyAndFetchesForAllAttributes()
    {
        await CreateOrders();
        await PutOrders();

        var response = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = "orders",
            IndexName = "by-size",
            KeyConditionExpression = "pk = :c AND #z > :z",
            ExpressionAttributeNames = new() { ["#z"] = "size" },
            ExpressionAttributeValues = new() { [":c"] = S("c1"), [":z"] = N("5") },
            Select = Select.ALL_ATTRIBUTES,
            ConsistentRead = true,
        });

        Assert.That(response.Items.Select(i => i["sk"].S), Is.EqualTo(new[] { "o2", "o1" }));
        Assert.That(response.Items[1]["note"].S, Is.EqualTo("a"));
    }

    [Test]
    public async Task Query_IndexPagination_ResumesWithIndexAndTableKeys()
    {
        await CreateOrders();
        for (var i = 0; i < 5; i++)
        {
            await Ddb.PutItemAsync("orders", Item(("pk", S($"c{i}")), ("sk", S("o")), ("status", S("same")), ("created", N("1"))));
        }
        var request = new QueryRequest
        {
            TableName = "orders",
            IndexName = "by-status",
            KeyConditionExpression = "#s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S("same") },
            Limit = 2,
        };
        var seen = new List<string>();
        do
        {
            var page = await Ddb.QueryAsync(request);
            seen.AddRange(page.Items.Select(i => i["pk"].S));
            if (page.LastEvaluatedKey is { Count: > 0 } last)
            {
                Assert.That(last.Keys, Is.EquivalentTo(new[] { "pk", "sk", "status", "created" }));
            }
            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        Assert.That(seen, Is.EquivalentTo(new[] { "c0", "c1", "c2", "c3", "c4" }));
    }

    [Test]
    public async Task Scan_GlobalIndex_ReturnsOnlyIndexedItems()
    {
        await CreateOrders();
        await PutOrders();

        var response = await Ddb.ScanAsync(new ScanRequest { TableName = "orders", IndexName = "keys-only" });

        Assert.That(response.Items.Select(i => i["sk"].S), Is.EquivalentTo(new[] { "o1", "o2", "o3" }));
    }

    [Test]
    public async Task Write_IndexMoves_OldEntryGoes()
    {
        await CreateOrders();
        await PutOrders();

        await Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "orders",
            Key = Item(("pk", S("c1")), ("sk", S("o1"))),
            UpdateExpression = "SET #s = :d",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":d"] = S("done") },
        });
        await Ddb.DeleteItemAsync("orders", Item(("pk", S("c1")), ("sk", S("o2"))));

        Assert.That((await QueryIndex("by-status", "open")).Items, Is.Empty);
        Assert.That((await QueryIndex("by-status", "done")).Items.Select(i => i["sk"].S), Is.EqualTo(new[] { "o3", "o1" }));
    }

    [Test]
    public async Task Query_ConsistentReadOnGlobalIndex_ValidationException()
    {
        await CreateOrders();
        Invalid(() => Ddb.QueryAsync(new QueryRequest
        {
            TableName = "orders",
            IndexName = "by-status",
            KeyConditionExpression = "#s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S("open") },
            ConsistentRead = true,
        }), "Consistent reads are not supported on global secondary indexes");
    }

    [Test]
    public async Task Query_AllAttributesOnPartialGlobalIndex_ValidationException()
    {
        await CreateOrders();
        Invalid(() => QueryIndex("keys-only", "open", select: Select.ALL_ATTRIBUTES),
            "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index keys-only because its projection type is not ALL");
    }

    [Test]
    public async Task Query_ProjectingWhatTheIndexLacks_ValidationException()
    {
        await CreateOrders();
        Invalid(() => QueryIndex("include", "open", projection: "note"),
            "One or more parameter values were invalid: Global secondary index include does not project [note]");
    }

    [Test]
    public async Task Query_IndexKeyConditionOnTableKey_ValidationException()
    {
        await CreateOrders();
        Invalid(() => Ddb.QueryAsync(new QueryRequest
        {
            TableName = "orders",
            IndexName = "by-status",
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new() { [":p"] = S("c1") },
        }), "Query condition missed key schema element: status");
    }

    [Test]
    public async Task PutItem_IndexKeyOfWrongType_ValidationException()
    {
        await CreateOrders();
        Invalid(() => Ddb.PutItemAsync("orders", Item(("pk", S("c")), ("sk", S("o")), ("status", N("1")))),
            "One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: by-status");
    }

    [Test]
    public async Task PutItem_EmptyIndexKey_ValidationException()
    {
        await CreateOrders();
        Invalid(() => Ddb.PutItemAsync("orders", Item(("pk", S("c")), ("sk", S("o")), ("status", S("")))),
            "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: by-status, IndexKey: status");
    }

    private Task CreateLongKeys() => Ddb.CreateTableAsync(new CreateTableRequest
    {
        TableName = "long-keys",
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("g", ScalarAttributeType.S), new("r", ScalarAttributeType.B)],
        GlobalSecondaryIndexes = [Gsi("by-g", "g", "r")],
    });

    [Test]
    public async Task PutItem_IndexPartitionKeyOver2048Bytes_ValidationException_AtTheLimitIsWritten()
    {
        await CreateLongKeys();

        await Ddb.PutItemAsync("long-keys", Item(("pk", S("a")), ("g", S(new string('é', 1024))), ("r", new AttributeValue { B = new MemoryStream(new byte[1024]) })));
        Invalid(() => Ddb.PutItemAsync("long-keys", Item(("pk", S("b")), ("g", S(new string('é', 1024) + "x")))),
            "One or more parameter values were invalid: Size limit exceeded for Index Key g Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: by-g");
        Assert.That((await Ddb.ScanAsync(new ScanRequest { TableName = "long-keys", IndexName = "by-g" })).Count, Is.EqualTo(1));
    }

    [Test]
    public async Task UpdateItem_IndexSortKeyOver1024Bytes_ValidationException()
    {
        await CreateLongKeys();

        Invalid(() => Ddb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = "long-keys",
                Key = Item(("pk", S("a"))),
                UpdateExpression = "SET g = :g, r = :r",
                ExpressionAttributeValues = new() { [":g"] = S("x"), [":r"] = new AttributeValue { B = new MemoryStream(new byte[1025]) } },
            }),
            "One or more parameter values were invalid: Size limit exceeded for Index Key r Actual Size: 1025 bytes Max Size: 1024 bytes IndexName: by-g");
    }

    [Test]
    public async Task UpdateTable_CreateGlobalIndex_BackfillLeavesOutKeysTooLongForIt()
    {
        await CreateTableAsync("later");
        await Ddb.PutItemAsync("later", Item(("pk", S("short")), ("color", S("red"))));
        await Ddb.PutItemAsync("later", Item(("pk", S("long")), ("color", S(new string('r', 2049)))));

        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "later",
            AttributeDefinitions = [new AttributeDefinition("color", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction
            {
                IndexName = "by-color",
                KeySchema = [new KeySchemaElement("color", KeyType.HASH)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            } }],
        });

        var scanned = await Ddb.ScanAsync(new ScanRequest { TableName = "later", IndexName = "by-color" });
        Assert.That(scanned.Items.Select(i => i["pk"].S), Is.EqualTo(new[] { "short" }));
    }

    [Test]
    public async Task UpdateTable_CreateGlobalIndex_BackfillsAndPassesThroughCreating()
    {
        Aws.DynamoDb.Options.TableStatusDelay = TimeSpan.FromSeconds(30);
        await CreateTableAsync("later");
        Time.Advance(TimeSpan.FromSeconds(30));
        await Ddb.PutItemAsync("later", Item(("pk", S("a")), ("color", S("red"))));
        await Ddb.PutItemAsync("later", Item(("pk", S("b")), ("color", N("7"))));
        await Ddb.PutItemAsync("later", Item(("pk", S("c"))));

        var updated = await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "later",
            AttributeDefinitions = [new AttributeDefinition("color", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction
            {
                IndexName = "by-color",
                KeySchema = [new KeySchemaElement("color", KeyType.HASH)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            } }],
        });

        var creating = updated.TableDescription.GlobalSecondaryIndexes.Single();
        Assert.That(creating.IndexStatus, Is.EqualTo(IndexStatus.CREATING));
        Assert.That(creating.Backfilling, Is.True);
        Assert.That(updated.TableDescription.TableStatus, Is.EqualTo(TableStatus.UPDATING));
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = "later", IndexName = "by-color" }), "Cannot read from backfilling global secondary index: by-color");

        Time.Advance(TimeSpan.FromSeconds(30));

        var table = (await Ddb.DescribeTableAsync("later")).Table;
        Assert.That(table.GlobalSecondaryIndexes.Single().IndexStatus, Is.EqualTo(IndexStatus.ACTIVE));
        Assert.That(table.AttributeDefinitions.Select(d => d.AttributeName), Is.EquivalentTo(new[] { "pk", "color" }));
        var scanned = await Ddb.ScanAsync(new ScanRequest { TableName = "later", IndexName = "by-color" });
        Assert.That(scanned.Items.Select(i => i["pk"].S), Is.EqualTo(new[] { "a" }));
        Invalid(() => Ddb.PutItemAsync("later", Item(("pk", S("d")), ("color", N("1")))),
            "One or more parameter values were invalid: Type mismatch for Index Key color Expected: S Actual: N IndexName: by-color");
    }

    [Test]
    public async Task UpdateTable_DeleteGlobalIndex_RemovesIt()
    {
        await CreateOrders();

        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "keys-only" } }],
        });

        var table = (await Ddb.DescribeTableAsync("orders")).Table;
        Assert.That(table.GlobalSecondaryIndexes.Select(i => i.IndexName), Is.EqualTo(new[] { "by-status", "include" }));
        Invalid(() => QueryIndex("keys-only", "open"), "The table does not have the specified index: keys-only");
    }

    [Test]
    public async Task UpdateTable_CreateExistingIndex_ValidationException()
    {
        await CreateOrders();
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            AttributeDefinitions = Definitions,
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction
            {
                IndexName = "by-size",
                KeySchema = [new KeySchemaElement("size", KeyType.HASH)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            } }],
        }), "Attempting to create an index which already exists");
    }

    [Test]
    public async Task UpdateTable_DeleteLocalIndex_ValidationException()
    {
        await CreateOrders();
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "by-size" } }],
        }), "Cannot delete an index that is not a GlobalSecondaryIndex: by-size");
    }

    [Test]
    public async Task UpdateTable_DeleteMissingIndex_ResourceNotFound()
    {
        await CreateOrders();
        Fails<ResourceNotFoundException>(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "nope" } }],
        }), "Requested resource not found: Index: nope not found");
    }

    [Test]
    public async Task UpdateTable_TwoIndexChanges_LimitExceeded()
    {
        await CreateOrders();
        Fails<LimitExceededException>(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            GlobalSecondaryIndexUpdates =
            [
                new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "keys-only" } },
                new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "include" } },
            ],
        }), "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    }

    [Test]
    public async Task UpdateTable_EmptyIndexUpdate_ValidationException()
    {
        await CreateOrders();
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate()] }),
            "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
    }

    [Test]
    public async Task GlobalIndex_PropagationDelay_ShowsTheWriteOnlyLater()
    {
        Aws.DynamoDb.Options.GlobalIndexPropagationDelay = TimeSpan.FromMilliseconds(500);
        await CreateOrders();

        await Ddb.PutItemAsync("orders", Item(("pk", S("c1")), ("sk", S("o1")), ("status", S("open")), ("created", N("1"))));

        Assert.That((await QueryIndex("by-status", "open")).Items, Is.Empty);
        Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.That((await QueryIndex("by-status", "open")).Items, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task LocalIndex_ItemCollectionLimit_RejectsGrowthPastIt()
    {
        Aws.DynamoDb.Options.ItemCollectionSizeLimit = 1000;
        await CreateOrders();
        await Ddb.PutItemAsync("orders", Item(("pk", S("c1")), ("sk", S("o1")), ("size", N("1")), ("d", S(new string('x', 500)))));

        Fails<ItemCollectionSizeLimitExceededException>(
            () => Ddb.PutItemAsync("orders", Item(("pk", S("c1")), ("sk", S("o2")), ("size", N("2")), ("d", S(new string('x', 500))))),
            "Item collection size limit exceeded");
        await Ddb.PutItemAsync("orders", Item(("pk", S("c2")), ("sk", S("o2")), ("size", N("2")), ("d", S(new string('x', 500)))));
    }

    [Test]
    public async Task PutItem_ItemCollectionMetrics_ForTablesWithLocalIndexes()
    {
        await CreateOrders();

        var put = await Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "orders",
            Item = Item(("pk", S("c1")), ("sk", S("o1"))),
            ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE,
        });

        Assert.That(put.ItemCollectionMetrics.ItemCollectionKey["pk"].S, Is.EqualTo("c1"));
        Assert.That(put.ItemCollectionMetrics.SizeEstimateRangeGB, Is.EqualTo(new[] { 0.0, 1.0 }));
    }

    [Test]
    public async Task PutItem_ConsumedCapacityIndexes_ChargesEachIndexWritten()
    {
        await CreateOrders();

        var put = await Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "orders",
            Item = Item(("pk", S("c1")), ("sk", S("o1")), ("status", S("open")), ("created", N("1"))),
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        });

        var capacity = put.ConsumedCapacity;
        Assert.That(capacity.Table.CapacityUnits, Is.EqualTo(1.0));
        Assert.That(capacity.GlobalSecondaryIndexes.Keys, Is.EquivalentTo(new[] { "by-status", "keys-only", "include" }));
        Assert.That(capacity.CapacityUnits, Is.EqualTo(4.0));
        Assert.That(capacity.LocalSecondaryIndexes, Is.Null.Or.Empty);
    }

    [Test]
    public void CreateTable_LocalIndexWithoutRangeKey_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("size", ScalarAttributeType.N)],
            LocalSecondaryIndexes = [Lsi("lsi", "size")],
        }), "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");

    [Test]
    public void CreateTable_LocalIndexOtherHashKey_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = Definitions.Take(3).ToList(),
            LocalSecondaryIndexes = [new LocalSecondaryIndex
            {
                IndexName = "lsi",
                KeySchema = [new KeySchemaElement("status", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            }],
        }), "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: lsi. index hash key: status, table hash key: pk");

    [Test]
    public void CreateTable_IndexKeyNotDefined_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [Gsi("gsi", "other")],
        }), "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [other], AttributeDefinitions: [pk]");

    [Test]
    public void CreateTable_DuplicateIndexName_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("status", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [Gsi("gsi", "status"), Gsi("gsi", "status")],
        }), "One or more parameter values were invalid: Duplicate index name: gsi");

    [Test]
    public void CreateTable_NonKeyAttributesWithAll_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("status", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [Gsi("gsi", "status", type: ProjectionType.ALL, include: ["x"])],
        }), "One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified");

    [Test]
    public void CreateTable_AnAttributeDefinedTwice_EvenWithAnotherTypeForTheIndex_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions =
            [
                new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("status", ScalarAttributeType.S),
                new AttributeDefinition("status", ScalarAttributeType.N),
            ],
            GlobalSecondaryIndexes = [Gsi("gsi", "status")],
        }), "Attribute Name is duplicated: status");

    [Test]
    public void CreateTable_NonKeyAttributeTwice_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("status", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [Gsi("gsi", "status", type: ProjectionType.INCLUDE, include: ["x", "y", "x"])],
        }), "One or more parameter values were invalid: Duplicate element in NonKeyAttributes: x");

    [Test]
    public async Task CreateTable_KeyAttributesAmongNonKeyAttributes_Accepted()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "fine",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("status", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [Gsi("gsi", "status", type: ProjectionType.INCLUDE, include: ["pk", "status", "x"])],
        });

        var index = (await Ddb.DescribeTableAsync("fine")).Table.GlobalSecondaryIndexes.Single();
        Assert.That(index.Projection.NonKeyAttributes, Is.EqualTo(new[] { "pk", "status", "x" }));
    }

    [Test]
    public void CreateTable_IncludeWithoutNonKeyAttributes_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("status", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [Gsi("gsi", "status", type: ProjectionType.INCLUDE)],
        }), "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");

    [Test]
    public void CreateTable_ThroughputOnOnDemandIndex_ValidationException()
    {
        var index = Gsi("gsi", "status");
        index.ProvisionedThroughput = new ProvisionedThroughput(1, 1);
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("status", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [index],
        }), "One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: gsi when BillingMode is PAY_PER_REQUEST");
    }

    [Test]
    public void CreateTable_UnusedDefinitionWithIndexes_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("status", ScalarAttributeType.S),
                new AttributeDefinition("spare", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [Gsi("gsi", "status")],
        }), "One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions: [pk, status, spare], keys used: [pk, status]");

    [Test]
    public void CreateTable_SixLocalIndexes_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S),
                new AttributeDefinition("size", ScalarAttributeType.N)],
            LocalSecondaryIndexes = Enumerable.Range(0, 6).Select(i => Lsi($"lsi{i}", "size")).ToList(),
        }), "One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of 5");
}
