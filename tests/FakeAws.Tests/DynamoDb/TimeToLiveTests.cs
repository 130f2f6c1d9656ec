using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDbStreams;

namespace FakeAws.Tests.DynamoDb;

/// <summary>Time to Live: its setting, AWS's limits on changing it, and deletions at a fixed moment of virtual time.</summary>
public class TimeToLiveTests(DynamoDbPath path) : StreamsTestBase(path)
{
    private Task EnableAsync(string table, string attribute = "expires") => Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
    {
        TableName = table,
        TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = attribute },
    });

    private Task DisableAsync(string table, string attribute = "expires") => Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
    {
        TableName = table,
        TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = false, AttributeName = attribute },
    });

    private static AttributeValue Epoch(DateTimeOffset at) => N(at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    private async Task<bool> ExistsAsync(string table, string key) =>
        (await Ddb.GetItemAsync(table, Item(("pk", S(key))))).IsItemSet;

    [Test]
    public async Task DescribeTimeToLive_ShowsTheSetting()
    {
        await CreateTableAsync("sessions");
        var before = await Ddb.DescribeTimeToLiveAsync("sessions");
        var updated = await Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "sessions",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        var after = await Ddb.DescribeTimeToLiveAsync("sessions");

        Assert.Multiple(() =>
        {
            Assert.That(before.TimeToLiveDescription.TimeToLiveStatus, Is.EqualTo(TimeToLiveStatus.DISABLED));
            Assert.That(updated.TimeToLiveSpecification.AttributeName, Is.EqualTo("expires"));
            Assert.That(updated.TimeToLiveSpecification.Enabled, Is.True);
            Assert.That(after.TimeToLiveDescription.TimeToLiveStatus, Is.EqualTo(TimeToLiveStatus.ENABLED));
            Assert.That(after.TimeToLiveDescription.AttributeName, Is.EqualTo("expires"));
        });
    }

    [Test]
    public async Task UpdateTimeToLive_AwsLimitsOnChangingIt()
    {
        await CreateTableAsync("sessions");
        Invalid(() => DisableAsync("sessions"), "TimeToLive is already disabled");
        await EnableAsync("sessions");
        Invalid(() => EnableAsync("sessions"), "TimeToLive is already enabled");
        Invalid(() => EnableAsync("sessions", "other"), "TimeToLive is active on a different AttributeName: current AttributeName is expires");

        Time.Advance(TimeSpan.FromMinutes(59));
        Invalid(() => DisableAsync("sessions"), "Time to live has been modified multiple times within a fixed interval");
        Time.Advance(TimeSpan.FromMinutes(1));
        await DisableAsync("sessions");
        Invalid(() => EnableAsync("sessions", "other"), "Time to live has been modified multiple times within a fixed interval");
    }

    [Test]
    public void UpdateTimeToLive_MissingTable_ResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => EnableAsync("ghost"), "Requested resource not found: Table: ghost not found");

    [Test]
    public async Task ExpiredItem_IsDeletedAtTheFirstSchedulerRunAfterItsExpiry()
    {
        await CreateTableAsync("sessions");
        await EnableAsync("sessions");
        await Ddb.PutItemAsync("sessions", Item(("pk", S("a")), ("expires", Epoch(Start.AddHours(1)))));
        await Ddb.PutItemAsync("sessions", Item(("pk", S("forever"))));
        await Ddb.PutItemAsync("sessions", Item(("pk", S("text")), ("expires", S("not a number"))));

        Time.Advance(TimeSpan.FromMinutes(59));
        Assert.That(await ExistsAsync("sessions", "a"), Is.True);
        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.That(await ExistsAsync("sessions", "a"), Is.False);
        Assert.That(await ExistsAsync("sessions", "forever"), Is.True);
        Assert.That(await ExistsAsync("sessions", "text"), Is.True);
    }

    [Test]
    public async Task ItemWhoseExpiryMovedLater_IsKeptUntilTheNewExpiry()
    {
        await CreateTableAsync("sessions");
        await EnableAsync("sessions");
        await Ddb.PutItemAsync("sessions", Item(("pk", S("a")), ("expires", Epoch(Start.AddHours(1)))));
        await Ddb.PutItemAsync("sessions", Item(("pk", S("a")), ("expires", Epoch(Start.AddHours(3)))));

        Time.Advance(TimeSpan.FromHours(2));
        Assert.That(await ExistsAsync("sessions", "a"), Is.True);
        await Aws.RunUntilIdleAsync();
        Assert.That(await ExistsAsync("sessions", "a"), Is.False);
    }

    [Test]
    public async Task EnablingTimeToLive_DeletesItemsAlreadyExpired()
    {
        await CreateTableAsync("sessions");
        await Ddb.PutItemAsync("sessions", Item(("pk", S("stale")), ("expires", Epoch(Start.AddDays(-1)))));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.That(await ExistsAsync("sessions", "stale"), Is.True, "without TTL nothing expires");

        await EnableAsync("sessions");
        Assert.That(await ExistsAsync("sessions", "stale"), Is.True, "deleted by the scheduler, not by the request");
        await Aws.RunUntilIdleAsync();
        Assert.That(await ExistsAsync("sessions", "stale"), Is.False);
    }

    [Test]
    public async Task DisablingTimeToLive_StopsDeletions()
    {
        await CreateTableAsync("sessions");
        await EnableAsync("sessions");
        await Ddb.PutItemAsync("sessions", Item(("pk", S("a")), ("expires", Epoch(Start.AddHours(2)))));
        Time.Advance(TimeSpan.FromHours(1));
        await DisableAsync("sessions");

        await Aws.RunUntilIdleAsync();
        Assert.That(await ExistsAsync("sessions", "a"), Is.True);
    }

    [Test]
    public async Task ExpiryMoreThanFiveYearsAgo_IsNotDeleted()
    {
        await CreateTableAsync("sessions");
        await EnableAsync("sessions");
        await Ddb.PutItemAsync("sessions", Item(("pk", S("ancient")), ("expires", Epoch(Start.AddYears(-6)))));

        await Aws.RunUntilIdleAsync();
        Assert.That(await ExistsAsync("sessions", "ancient"), Is.True);
    }

    [Test]
    public async Task Deletion_IsARemoveRecordByDynamoDbItself()
    {
        var arn = await CreateStreamTableAsync("sessions");
        await EnableAsync("sessions");
        await Ddb.PutItemAsync("sessions", Item(("pk", S("a")), ("expires", Epoch(Start.AddMinutes(5)))));
        await Ddb.DeleteItemAsync("sessions", Item(("pk", S("missing"))));

        await Aws.RunUntilIdleAsync();
        var records = await Streams.AllRecordsAsync(arn);

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r!["eventName"]!.GetValue<string>()), Is.EqualTo(new[] { "INSERT", "REMOVE" }));
            Assert.That(records[0]!["userIdentity"], Is.Null);
            Assert.That(records[1]!["userIdentity"]!.ToJsonString(), Is.EqualTo("{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}"));
            Assert.That(records[1]!["dynamodb"]!["ApproximateCreationDateTime"]!.GetValue<double>(), Is.EqualTo(Start.AddMinutes(5).ToUnixTimeSeconds()));
        });
    }
}

/// <summary>Time to Live with a deletion delay: expired items stay readable until it passes.</summary>
public class TimeToLiveDelayTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.TimeToLiveDeletionDelay = TimeSpan.FromDays(2);
        return options;
    }

    [Test]
    public async Task ExpiredItem_IsStillReturnedUntilTheDelayPasses()
    {
        await CreateTableAsync("sessions");
        await Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "sessions",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        var expiry = Start.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await Ddb.PutItemAsync("sessions", Item(("pk", S("a")), ("expires", N(expiry))));

        Time.Advance(TimeSpan.FromDays(2));
        var beforeDeletion = await Ddb.ScanAsync(new ScanRequest("sessions"));
        Time.Advance(TimeSpan.FromHours(1));
        var afterDeletion = await Ddb.ScanAsync(new ScanRequest("sessions"));

        Assert.That(beforeDeletion.Count, Is.EqualTo(1));
        Assert.That(afterDeletion.Count, Is.Zero);
    }
}
