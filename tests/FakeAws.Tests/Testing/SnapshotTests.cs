using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.ApiGateway;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.Testing;

/// <summary>Snapshots of DynamoDB state through the official client: restored into the same cloud and into a fresh one, saved and loaded.</summary>
public class DynamoDbSnapshotTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private async Task BuildFixtureAsync()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.N), new("status", ScalarAttributeType.S)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "by-status",
                    KeySchema = [new("status", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        await Aws.RunUntilIdleAsync();
        for (var i = 0; i < 20; i++)
        {
            await Ddb.PutItemAsync("orders", Item(("pk", S("c" + (i % 4))), ("sk", N(i.ToString(System.Globalization.CultureInfo.InvariantCulture))), ("status", S(i % 2 == 0 ? "open" : "shipped"))));
        }
        await Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "orders",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        await Ddb.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = "orders",
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
        });
        await Ddb.CreateBackupAsync(new CreateBackupRequest { TableName = "orders", BackupName = "nightly" });
        await Aws.RunUntilIdleAsync();
    }

    private Task<int> CountAsync(AmazonDynamoDBClient ddb, string status) =>
        ddb.QueryAsync(new QueryRequest
        {
            TableName = "orders",
            IndexName = "by-status",
            KeyConditionExpression = "#s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S(status) },
        }).ContinueWith(t => t.Result.Count ?? 0, TaskScheduler.Default);

    [Test]
    public async Task Restore_IntoTheSameCloud_PutsTablesItemsIndexesAndBackupsBack()
    {
        await BuildFixtureAsync();
        var snapshot = Aws.Snapshot();

        await Ddb.DeleteItemAsync("orders", Item(("pk", S("c0")), ("sk", N("0"))));
        await Ddb.PutItemAsync("orders", Item(("pk", S("new")), ("sk", N("99")), ("status", S("open"))));
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "scratch",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
        });
        var clockBefore = Aws.Clock.GetUtcNow();

        Aws.Restore(snapshot);

        Assert.That(Aws.Clock.GetUtcNow(), Is.EqualTo(clockBefore), "the clock is not rewound");
        Assert.That((await Ddb.ListTablesAsync(new ListTablesRequest())).TableNames, Is.EqualTo(new[] { "orders" }));
        Assert.That((await Ddb.ScanAsync(new ScanRequest { TableName = "orders" })).Count, Is.EqualTo(20));
        Assert.That(await CountAsync(Ddb, "open"), Is.EqualTo(10));
        Assert.That((await Ddb.GetItemAsync("orders", Item(("pk", S("c0")), ("sk", N("0"))))).Item["status"].S, Is.EqualTo("open"));
        var ttl = await Ddb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = "orders" });
        Assert.That(ttl.TimeToLiveDescription.AttributeName, Is.EqualTo("expires"));
        var backups = await Ddb.ListBackupsAsync(new ListBackupsRequest { TableName = "orders" });
        Assert.That(backups.BackupSummaries.Select(b => b.BackupName), Is.EqualTo(new[] { "nightly" }));
        var described = await Ddb.DescribeTableAsync("orders");
        Assert.That(described.Table.LatestStreamArn, Is.Not.Null);
        Assert.That(described.Table.ItemCount, Is.EqualTo(20));
        var pitr = await Ddb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = "orders" });
        Assert.That(pitr.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus, Is.EqualTo(PointInTimeRecoveryStatus.ENABLED));
    }

    [Test]
    public async Task Restore_IntoAFreshCloud_AndEachRestoreSharesNothing()
    {
        await BuildFixtureAsync();
        var snapshot = Aws.Snapshot();

        using var first = new FakeAwsCloud(new FakeAwsOptions { DynamoDb = { UseWirePath = Path == DynamoDbPath.Wire } });
        using var second = new FakeAwsCloud(new FakeAwsOptions { DynamoDb = { UseWirePath = Path == DynamoDbPath.Wire } });
        first.Restore(snapshot);
        second.Restore(snapshot);
        using var firstDdb = first.CreateClient<AmazonDynamoDBClient>();
        using var secondDdb = second.CreateClient<AmazonDynamoDBClient>();

        await firstDdb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "orders",
            Key = Item(("pk", S("c0")), ("sk", N("0"))),
            UpdateExpression = "SET #s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S("shipped") },
        });
        await firstDdb.DeleteItemAsync("orders", Item(("pk", S("c1")), ("sk", N("1"))));

        Assert.That(await CountAsync(firstDdb, "open"), Is.EqualTo(9));
        Assert.That(await CountAsync(secondDdb, "open"), Is.EqualTo(10));
        Assert.That(await CountAsync(Ddb, "open"), Is.EqualTo(10));
        Assert.That((await secondDdb.ScanAsync(new ScanRequest { TableName = "orders" })).Count, Is.EqualTo(20));
        first.Restore(snapshot);
        Assert.That(await CountAsync(firstDdb, "open"), Is.EqualTo(10));
    }

    [Test]
    public async Task SaveAndLoad_CarryTheStateToAnotherCloud()
    {
        await BuildFixtureAsync();
        using var file = new MemoryStream();
        Aws.Snapshot().Save(file);
        file.Position = 0;

        var loaded = CloudSnapshot.Load(file);
        using var other = new FakeAwsCloud(new FakeAwsOptions { DynamoDb = { UseWirePath = Path == DynamoDbPath.Wire } });
        other.Restore(loaded);
        using var otherDdb = other.CreateClient<AmazonDynamoDBClient>();

        Assert.That(loaded.TakenAt, Is.EqualTo(Aws.Clock.GetUtcNow()));
        Assert.That(await CountAsync(otherDdb, "shipped"), Is.EqualTo(10));
        Assert.That((await otherDdb.GetItemAsync("orders", Item(("pk", S("c3")), ("sk", N("7"))))).Item["status"].S, Is.EqualTo("shipped"));
        await otherDdb.PutItemAsync("orders", Item(("pk", S("c9")), ("sk", N("100")), ("status", S("open"))));
        Assert.That(await CountAsync(otherDdb, "open"), Is.EqualTo(11));
    }

    [Test]
    public void Load_RefusesWhatIsNotASnapshot()
    {
        var error = Assert.Throws<InvalidDataException>(() => CloudSnapshot.Load(new MemoryStream("not a snapshot at all"u8.ToArray())));
        Assert.That(error!.Message, Does.Contain("not a FakeAws snapshot"));
    }
}

/// <summary>A snapshot takes every service's state: functions, state machines and executions, user pools, APIs, DAX clusters.</summary>
public class CloudSnapshotTests
{
    private const string Role = "arn:aws:iam::123456789012:role/sfn";

    [Test]
    public async Task EveryService_IsRestoredIntoAFreshCloud()
    {
        using var aws = new FakeAwsCloud();
        var seen = new List<int>();
        aws.Lambda.AddFunction("double", (JsonElement input) =>
        {
            var n = input.GetProperty("n").GetInt32();
            seen.Add(n);
            return new { n = n * 2 };
        });
        var machine = (await aws.CallAsync("states", "CreateStateMachine", new JsonObject
        {
            ["name"] = "doubler",
            ["roleArn"] = Role,
            ["definition"] = """{"StartAt": "D", "States": {"D": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:double", "End": true}}}""",
        }))!["stateMachineArn"]!.GetValue<string>();
        var execution = (await aws.CallAsync("states", "StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"n":1}""" }))!
            ["executionArn"]!.GetValue<string>();
        var pool = (await aws.CallAsync("cognito-idp", "CreateUserPool", new JsonObject { ["PoolName"] = "users" }))!["UserPool"]!["Id"]!.GetValue<string>();
        await aws.CallAsync("cognito-idp", "AdminCreateUser", new JsonObject { ["UserPoolId"] = pool, ["Username"] = "ada" });
        await aws.CallAsync("cognito-idp", "CreateUserPoolClient", new JsonObject { ["UserPoolId"] = pool, ["ClientName"] = "web" });
        using (var api = new ApiGatewayWire(aws))
        {
            await api.Post("/v2/apis", new { name = "http", protocolType = "HTTP" });
        }
        aws.Dax.CreateCluster("cache");
        await aws.RunUntilIdleAsync();
        var snapshot = aws.Snapshot();

        using var fresh = new FakeAwsCloud();
        fresh.Restore(snapshot);

        var described = await fresh.CallAsync("states", "DescribeExecution", new JsonObject { ["executionArn"] = execution });
        Assert.That(described!["output"]!.GetValue<string>(), Is.EqualTo("""{"n":2}"""));
        var run = await fresh.Lambda.InvokeAsync("double", """{"n":5}""");
        Assert.That(run.Payload, Is.EqualTo("""{"n":10}"""));
        Assert.That(seen, Is.EqualTo(new[] { 1, 5 }), "the restored function runs the test's own handler");
        var user = await fresh.CallAsync("cognito-idp", "AdminGetUser", new JsonObject { ["UserPoolId"] = pool, ["Username"] = "ada" });
        Assert.That(user!["Username"]!.GetValue<string>(), Is.EqualTo("ada"));
        var clients = await fresh.CallAsync("cognito-idp", "ListUserPoolClients", new JsonObject { ["UserPoolId"] = pool, ["MaxResults"] = 10 });
        Assert.That(clients!["UserPoolClients"]!.AsArray().Select(c => c!["ClientName"]!.GetValue<string>()), Is.EqualTo(new[] { "web" }));
        using (var api = new ApiGatewayWire(fresh))
        {
            var apis = (await api.Get("/v2/apis")).Json;
            Assert.That(apis.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()), Is.EqualTo(new[] { "http" }));
        }
        var clusters = await fresh.CallAsync("dax", "DescribeClusters");
        Assert.That(clusters!["Clusters"]!.AsArray().Select(c => c!["ClusterName"]!.GetValue<string>()), Is.EqualTo(new[] { "cache" }));
    }

    [Test]
    public async Task Restore_DropsTheCloudsPendingWork_AndKeepsCallsAndFaults()
    {
        using var aws = new FakeAwsCloud();
        var empty = aws.Snapshot();
        var machine = (await aws.CallAsync("states", "CreateStateMachine", new JsonObject
        {
            ["name"] = "waiter",
            ["roleArn"] = Role,
            ["definition"] = """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}""",
        }))!["stateMachineArn"]!.GetValue<string>();
        await aws.CallAsync("states", "StartExecution", new JsonObject { ["stateMachineArn"] = machine });
        var fault = aws.Faults.Add(new FaultRule { Service = "states", Operation = "ListStateMachines", ErrorCode = "InternalServerError" });
        var recorded = aws.Calls.Count;

        aws.Restore(empty);
        await aws.RunUntilIdleAsync();

        Assert.That(aws.Calls.Count, Is.EqualTo(recorded));
        Assert.That(aws.Faults.Active, Is.EqualTo(new[] { fault }));
        fault.Remove();
        var machines = await aws.CallAsync("states", "ListStateMachines");
        Assert.That(machines!["stateMachines"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ACloudRestoredWithAnExecution_CanBeResetAndRestoredAgain()
    {
        using var aws = new FakeAwsCloud();
        var machine = (await aws.CallAsync("states", "CreateStateMachine", new JsonObject
        {
            ["name"] = "pass",
            ["roleArn"] = Role,
            ["definition"] = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""",
        }))!["stateMachineArn"]!.GetValue<string>();
        await aws.CallAsync("states", "StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run" });
        await aws.RunUntilIdleAsync();
        var snapshot = aws.Snapshot();
        aws.Restore(snapshot);

        // Restored executions have no stop signal of their own (pending work is not taken): Reset cancelled it and threw.
        aws.Restore(snapshot);
        aws.Reset();

        var machines = await aws.CallAsync("states", "ListStateMachines");
        Assert.That(machines!["stateMachines"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ACloudThatOnlyReadItsState_SavesTheSameBytes()
    {
        using var aws = new FakeAwsCloud();
        aws.Lambda.AddFunction("f", static (JsonElement input) => input);
        var before = Saved(aws);

        // Summing the functions' reserved concurrency reads a sorted dictionary's Values, which it then
        // keeps: before the fix, the snapshot wrote that view, so a read changed the saved state.
        using (var lambda = new FakeAws.Tests.Lambda.LambdaWire(aws))
        {
            var settings = await lambda.Send(HttpMethod.Get, "/2016-08-19/account-settings/");
            Assert.That((int)settings.Status, Is.EqualTo(200));
        }

        Assert.That(Saved(aws), Is.EqualTo(before));
    }

    private static byte[] Saved(FakeAwsCloud aws)
    {
        using var buffer = new MemoryStream();
        aws.Snapshot().Save(buffer);
        return buffer.ToArray();
    }
}
