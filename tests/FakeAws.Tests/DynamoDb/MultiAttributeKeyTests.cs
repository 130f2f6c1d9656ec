using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

// Global secondary indexes whose partition and sort keys are made of up to four attributes each.
public class MultiAttributeKeyTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const string Table = "matches";
    private const string Invalid_ = "One or more parameter values were invalid: ";

    private static readonly Projection All = new() { ProjectionType = ProjectionType.ALL };

    private static List<KeySchemaElement> Elements(string[] hash, string[] range) =>
        [.. hash.Select(n => new KeySchemaElement(n, KeyType.HASH)), .. range.Select(n => new KeySchemaElement(n, KeyType.RANGE))];

    private static List<AttributeDefinition> Definitions(params (string Name, ScalarAttributeType Type)[] attributes) =>
        [.. attributes.Select(a => new AttributeDefinition(a.Name, a.Type))];

    // cup_tournament (S) and cup_region (S) as the partition key, cup_round (N) and cup_match (S) as the sort key.
    private Task CreateMatches(bool withIndex = true) => Ddb.CreateTableAsync(new CreateTableRequest
    {
        TableName = Table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        AttributeDefinitions = withIndex
            ? Definitions(("id", ScalarAttributeType.S), ("cup_tournament", ScalarAttributeType.S), ("cup_region", ScalarAttributeType.S),
                ("cup_round", ScalarAttributeType.N), ("cup_match", ScalarAttributeType.S))
            : Definitions(("id", ScalarAttributeType.S)),
        GlobalSecondaryIndexes = withIndex ? [ByBracket()] : null,
    });

    private static GlobalSecondaryIndex ByBracket() => new()
    {
        IndexName = "bracket",
        KeySchema = Elements(["cup_tournament", "cup_region"], ["cup_round", "cup_match"]),
        Projection = All,
    };

    private async Task PutMatches()
    {
        await Put("m1", "W24", "NA", "10", "b");
        await Put("m2", "W24", "NA", "9", "a");
        await Put("m3", "W24", "NA", "9", "c");
        await Put("m4", "W24", "EU", "1", "a");
        // No cup_round: not in the index.
        await Ddb.PutItemAsync(Table, Item(("id", S("m5")), ("cup_tournament", S("W24")), ("cup_region", S("NA")), ("cup_match", S("z"))));
    }

    private Task Put(string id, string cup_tournament, string cup_region, string cup_round, string cup_match) =>
        Ddb.PutItemAsync(Table, Item(("id", S(id)), ("cup_tournament", S(cup_tournament)), ("cup_region", S(cup_region)), ("cup_round", N(cup_round)), ("cup_match", S(cup_match))));

    private async Task<List<string>> QueryBracket(string condition, Dictionary<string, AttributeValue>? extra = null)
    {
        var values = Item((":t", S("W24")), (":r", S("NA")));
        foreach (var (name, value) in extra ?? [])
        {
            values[name] = value;
        }
        var response = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = Table,
            IndexName = "bracket",
            KeyConditionExpression = condition,
            ExpressionAttributeValues = values.Where(v => condition.Contains(v.Key)).ToDictionary(),
        });
        return [.. response.Items.Select(i => i["id"].S)];
    }

    private CreateTableRequest WithGsiKey(List<KeySchemaElement> key, params string[] attributes) => new()
    {
        TableName = "bad",
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        AttributeDefinitions = [.. new[] { "id" }.Concat(attributes).Select(n => new AttributeDefinition(n, ScalarAttributeType.S))],
        GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "gsi", KeySchema = key, Projection = All }],
    };

    [Test]
    public async Task DescribeTable_FourHashAndFourRange_EchoesKeySchemaInOrder()
    {
        string[] hash = ["h1", "h2", "h3", "h4"], range = ["r1", "r2", "r3", "r4"];
        await Ddb.CreateTableAsync(WithGsiKey(Elements(hash, range), [.. hash, .. range]));

        var index = (await Ddb.DescribeTableAsync("bad")).Table.GlobalSecondaryIndexes.Single();

        Assert.That(index.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"),
            Is.EqualTo(new[] { "h1:HASH", "h2:HASH", "h3:HASH", "h4:HASH", "r1:RANGE", "r2:RANGE", "r3:RANGE", "r4:RANGE" }));
    }

    [Test]
    public void CreateTable_FiveHashAttributes_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(WithGsiKey(Elements(["a", "b", "c", "d", "e"], []), "a", "b", "c", "d", "e")),
            $"{Invalid_}The KeySchema exceeds the maximum allowed number of HASH key attributes");

    [Test]
    public void CreateTable_FiveRangeAttributes_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(WithGsiKey(Elements(["h"], ["a", "b", "c", "d", "e"]), "h", "a", "b", "c", "d", "e")),
            $"{Invalid_}The KeySchema exceeds the maximum allowed number of RANGE key attributes");

    [Test]
    public void CreateTable_HashAfterRange_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(WithGsiKey(
                [new KeySchemaElement("a", KeyType.HASH), new KeySchemaElement("b", KeyType.RANGE), new KeySchemaElement("c", KeyType.HASH)], "a", "b", "c")),
            $"{Invalid_}All HASH key attributes must precede RANGE key attributes in the KeySchema");

    [Test]
    public void CreateTable_RangeFirst_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(WithGsiKey([new KeySchemaElement("b", KeyType.RANGE), new KeySchemaElement("a", KeyType.HASH)], "a", "b")),
            "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");

    [Test]
    public void CreateTable_SameAttributeTwice_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(WithGsiKey(Elements(["a", "b"], ["a"]), "a", "b")),
            "The KeySchema contains multiple key attributes with the same name");

    [Test]
    public void CreateTable_LocalIndexWithThreeElements_LengthConstraint()
    {
        var request = new CreateTableRequest
        {
            TableName = "bad",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = Definitions(("id", ScalarAttributeType.S), ("sk", ScalarAttributeType.S), ("a", ScalarAttributeType.S), ("b", ScalarAttributeType.S)),
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex { IndexName = "local", KeySchema = Elements(["id"], ["a", "b"]), Projection = All },
            ],
        };

        var error = Assert.ThrowsAsync<AmazonDynamoDBException>(() => Ddb.CreateTableAsync(request));

        Assert.That(error!.Message, Does.StartWith("1 validation error detected: Value '"));
        Assert.That(error.Message, Does.EndWith("at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"));
    }

    [Test]
    public async Task Query_EveryHashAttributeAndRangePrefix_SortsByRangeAttributesInTurn()
    {
        await CreateMatches();
        await PutMatches();

        Assert.That(await QueryBracket("cup_tournament = :t AND cup_region = :r"), Is.EqualTo(new[] { "m2", "m3", "m1" }));
        Assert.That(await QueryBracket("cup_region = :r AND cup_tournament = :t AND cup_round = :n", Item((":n", N("9")))), Is.EqualTo(new[] { "m2", "m3" }));
        Assert.That(await QueryBracket("cup_tournament = :t AND cup_region = :r AND cup_round >= :n", Item((":n", N("10")))), Is.EqualTo(new[] { "m1" }));
    }

    [Test]
    public async Task Query_OneHashAttributeOfTwo_MissedKeySchemaElement()
    {
        await CreateMatches();

        Invalid(() => QueryBracket("cup_tournament = :t"), "Query condition missed key schema element: cup_region");
    }

    [Test]
    public async Task Query_EdgesOfTheKey_SkippedRangePartOrRangeConditionOnAHashPart_ValidationException()
    {
        await CreateMatches();
        await PutMatches();

        // Only the last RANGE attribute named may have a range condition, and only after equalities on the ones before it.
        Invalid(() => QueryBracket("cup_tournament = :t AND cup_region = :r AND cup_match = :m", Item((":m", S("a")))),
            "RANGE key attributes cup_round must have equality conditions specified in the query because a condition is present on key attribute cup_match");
        Invalid(() => QueryBracket("cup_tournament = :t AND cup_region = :r AND cup_round > :n AND cup_match = :m", Item((":n", N("1")), (":m", S("a")))),
            "RANGE key attributes cup_round must have equality conditions specified in the query because a condition is present on key attribute cup_match");
        Invalid(() => QueryBracket("cup_tournament = :t AND cup_region > :r"), "Query key condition not supported");
        Assert.That(await QueryBracket("cup_round = :n AND cup_region = :r AND cup_match = :m AND cup_tournament = :t", Item((":n", N("9")), (":m", S("c")))),
            Is.EqualTo(new[] { "m3" }));
    }

    [Test]
    public async Task Query_PagesWithLimit_ResumeFromLastEvaluatedKey()
    {
        await CreateMatches();
        await PutMatches();
        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Ddb.QueryAsync(new QueryRequest
            {
                TableName = Table,
                IndexName = "bracket",
                KeyConditionExpression = "cup_tournament = :t AND cup_region = :r AND cup_round > :n",
                ExpressionAttributeValues = Item((":t", S("W24")), (":r", S("NA")), (":n", N("1"))),
                Limit = 1,
                ScanIndexForward = false,
                ExclusiveStartKey = start,
            });
            seen.AddRange(page.Items.Select(i => i["id"].S));
            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);

        Assert.That(seen, Is.EqualTo(new[] { "m1", "m3", "m2" }));
    }

    [Test]
    public async Task Scan_MultiAttributeIndex_OnlyIndexedItemsAndPages()
    {
        await CreateMatches();
        await PutMatches();
        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Ddb.ScanAsync(new ScanRequest { TableName = Table, IndexName = "bracket", Limit = 2, ExclusiveStartKey = start });
            seen.AddRange(page.Items.Select(i => i["id"].S));
            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
            Assert.That(start?.Keys.Order(StringComparer.Ordinal), Is.Null.Or.EqualTo(new[] { "cup_match", "cup_region", "cup_round", "cup_tournament", "id" }));
        }
        while (start is not null);

        Assert.That(seen, Is.EquivalentTo(new[] { "m1", "m2", "m3", "m4" }));
        // Within the NA partition the sort key order holds.
        Assert.That(seen.Where(id => id != "m4"), Is.EqualTo(new[] { "m2", "m3", "m1" }));
    }

    [Test]
    public async Task UpdateTable_CreateMultiAttributeIndex_BackfillsExistingItems()
    {
        await CreateMatches(withIndex: false);
        await PutMatches();

        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = Table,
            AttributeDefinitions = Definitions(("cup_tournament", ScalarAttributeType.S), ("cup_region", ScalarAttributeType.S),
                ("cup_round", ScalarAttributeType.N), ("cup_match", ScalarAttributeType.S)),
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction
            {
                IndexName = "bracket",
                KeySchema = Elements(["cup_tournament", "cup_region"], ["cup_round", "cup_match"]),
                Projection = All,
            } }],
        });

        var index = (await Ddb.DescribeTableAsync(Table)).Table.GlobalSecondaryIndexes.Single();
        Assert.That(index.KeySchema.Select(k => k.AttributeName), Is.EqualTo(new[] { "cup_tournament", "cup_region", "cup_round", "cup_match" }));
        Assert.That(index.ItemCount, Is.EqualTo(4));
        Assert.That(await QueryBracket("cup_tournament = :t AND cup_region = :r"), Is.EqualTo(new[] { "m2", "m3", "m1" }));
    }

    [Test]
    public async Task UpdateTable_CreateIndexWithFiveRangeAttributes_ValidationException()
    {
        await CreateMatches(withIndex: false);

        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = Table,
            AttributeDefinitions = Definitions(("h", ScalarAttributeType.S), ("a", ScalarAttributeType.S), ("b", ScalarAttributeType.S),
                ("c", ScalarAttributeType.S), ("d", ScalarAttributeType.S), ("e", ScalarAttributeType.S)),
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction
            {
                IndexName = "wide",
                KeySchema = Elements(["h"], ["a", "b", "c", "d", "e"]),
                Projection = All,
            } }],
        }), $"{Invalid_}The KeySchema exceeds the maximum allowed number of RANGE key attributes");
    }

    [Test]
    public async Task PutItem_IndexKeyAttributeOfWrongType_ValidationException()
    {
        await CreateMatches();

        Invalid(() => Ddb.PutItemAsync(Table, Item(("id", S("x")), ("cup_tournament", S("W24")), ("cup_round", S("nine")))),
            $"{Invalid_}Type mismatch for Index Key cup_round Expected: N Actual: S IndexName: bracket");
    }

    [Test]
    public async Task UpdateItem_KeyPartChanged_EntryMoves()
    {
        await CreateMatches();
        await PutMatches();

        await Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table,
            Key = Item(("id", S("m1"))),
            UpdateExpression = "SET cup_round = :n",
            ExpressionAttributeValues = Item((":n", N("1"))),
        });

        Assert.That(await QueryBracket("cup_tournament = :t AND cup_region = :r"), Is.EqualTo(new[] { "m1", "m2", "m3" }));
    }

    [Test]
    public async Task BatchAndTransactions_TableWithMultiAttributeIndex_WorkAsUsual()
    {
        await CreateMatches();
        await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = Table, Item = Item(("id", S("t1")), ("cup_tournament", S("W24")), ("cup_region", S("NA")), ("cup_round", N("3")), ("cup_match", S("x"))) } },
                new TransactWriteItem { Put = new Put { TableName = Table, Item = Item(("id", S("t2")), ("cup_tournament", S("W24")), ("cup_region", S("NA")), ("cup_round", N("2")), ("cup_match", S("y"))) } },
            ],
        });

        var batch = await Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [Table] = new KeysAndAttributes { Keys = [Item(("id", S("t1"))), Item(("id", S("t2")))] } },
        });
        var transact = await Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new TransactGetItem { Get = new Get { TableName = Table, Key = Item(("id", S("t2"))) } }],
        });

        Assert.That(batch.Responses[Table].Select(i => i["id"].S), Is.EquivalentTo(new[] { "t1", "t2" }));
        Assert.That(transact.Responses.Single().Item["cup_match"].S, Is.EqualTo("y"));
        Assert.That(await QueryBracket("cup_tournament = :t AND cup_region = :r"), Is.EqualTo(new[] { "t2", "t1" }));
    }

    [Test]
    public async Task TransactWriteItems_IndexKeyAttributeOfWrongType_Refused()
    {
        await CreateMatches();

        var error = Assert.ThrowsAsync<TransactionCanceledException>(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = Table, Item = Item(("id", S("t1")), ("cup_match", N("1"))) } }],
        }));

        var reason = error!.CancellationReasons.Single();
        Assert.That(reason.Code, Is.EqualTo("ValidationError"));
        Assert.That(reason.Message, Does.Contain("Type mismatch for Index Key cup_match Expected: S Actual: N IndexName: bracket"));
    }

    [Test]
    public async Task RestoreTableFromBackup_MultiAttributeIndex_KeepsItsKeySchema()
    {
        await CreateMatches();
        await PutMatches();
        var backup = await Ddb.CreateBackupAsync(new CreateBackupRequest { TableName = Table, BackupName = "before" });

        await Ddb.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { BackupArn = backup.BackupDetails.BackupArn, TargetTableName = "restored" });

        var index = (await Ddb.DescribeTableAsync("restored")).Table.GlobalSecondaryIndexes.Single();
        Assert.That(index.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"),
            Is.EqualTo(new[] { "cup_tournament:HASH", "cup_region:HASH", "cup_round:RANGE", "cup_match:RANGE" }));
        Assert.That(index.ItemCount, Is.EqualTo(4));
    }
}
