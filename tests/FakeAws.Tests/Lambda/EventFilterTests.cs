using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.Lambda;

/// <summary>
/// FilterCriteria on DynamoDB stream mappings: which records reach the function, and which patterns
/// CreateEventSourceMapping and UpdateEventSourceMapping accept. The first cases follow LocalStack's
/// AWS-validated <c>test_dynamodb_event_filter</c> and <c>test_dynamodb_invalid_event_filter</c>
/// (tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_dynamodbstreams.py): a first
/// item that must reach the function, a second that may, and the number of invocations AWS recorded.
/// </summary>
public class EventFilterTests : EventSourceMappingTestBase
{
    public static IEnumerable<TestCaseData> AwsRecordedCases()
    {
        yield return new TestCaseData(new Dictionary<string, AttributeValue> { ["pk"] = S("id_value"), ["id2"] = S("id2_value") },
            new Dictionary<string, AttributeValue> { ["pk"] = S("id_value"), ["id2"] = S("id2_value") },
            new { eventName = new[] { "INSERT" } }, 1).SetName("insert_same_entry_twice");
        yield return new TestCaseData(new Dictionary<string, AttributeValue> { ["pk"] = S("id_value") },
            new Dictionary<string, AttributeValue> { ["pk"] = S("id_value"), ["id2"] = S("id2_new_value") },
            new { eventName = new[] { "INSERT", "MODIFY" } }, 2).SetName("content_or_filter");
        yield return new TestCaseData(new Dictionary<string, AttributeValue> { ["pk"] = S("id_value") },
            new Dictionary<string, AttributeValue> { ["pk"] = S("id_value"), ["id2"] = S("id2_new_value") },
            new { eventName = new[] { "INSERT" }, eventSource = new[] { "aws:dynamodb" } }, 1).SetName("content_multiple_filters");
        yield return new TestCaseData(new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_1"), ["presentKey"] = S("presentValue") },
            new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_2") },
            new { dynamodb = new { NewImage = new { presentKey = new { S = new[] { "presentValue" } } } } }, 1).SetName("content_filter_type");
        yield return new TestCaseData(new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_1"), ["presentKey"] = S("presentValue") },
            new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_2") },
            new { dynamodb = new { NewImage = new { presentKey = new { S = new[] { new { exists = true } } } } } }, 1).SetName("exists_filter_type");
        yield return new TestCaseData(new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_1") },
            new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_2"), ["presentKey"] = S("presentValue") },
            new { dynamodb = new { NewImage = new { presentKey = new[] { new { exists = false } } } } }, 2).SetName("exists_false_filter");
        // DynamoDB's numbers are strings in the record, so "numeric" never matches them; anything-but "101" lets 42 through.
        yield return new TestCaseData(new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_1"), ["numericFilter"] = new() { N = "42" } },
            new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_2"), ["numericFilter"] = new() { N = "101" } },
            JsonDocument.Parse("""{"dynamodb": {"NewImage": {"numericFilter": {"N": [{"numeric": [">", 100]}, {"anything-but": "101"}]}}}}""").RootElement, 1)
            .SetName("numeric_filter");
        yield return new TestCaseData(new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_1"), ["prefix"] = S("us-1-other-suffix") },
            new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_1"), ["prefix"] = S("other-suffix") },
            new { dynamodb = new { NewImage = new { prefix = new { S = new[] { new { prefix = "us-1" } } } } } }, 1).SetName("prefix_filter");
        // ApproximateCreationDateTime is a number in the record, so a numeric filter applies to it.
        yield return new TestCaseData(new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_1") },
            new Dictionary<string, AttributeValue> { ["pk"] = S("id_value_2") },
            JsonDocument.Parse("""{"dynamodb": {"ApproximateCreationDateTime": [{"numeric": [">", 0]}]}}""").RootElement, 2)
            .SetName("date_time_conversion");
    }

    [TestCaseSource(nameof(AwsRecordedCases))]
    public async Task RecordsReachTheFunction_AsAwsRecorded(Dictionary<string, AttributeValue> first, Dictionary<string, AttributeValue> second, object pattern, int calls)
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        await MapAsync(stream, "project", new { BatchSize = 1, FilterCriteria = Criteria(pattern) });

        await Ddb.PutItemAsync("orders", first);
        await Aws.RunUntilIdleAsync();
        Assert.That(Events, Has.Count.EqualTo(1), "the first item matches the filter");
        await Ddb.PutItemAsync("orders", second);
        await Aws.RunUntilIdleAsync();

        Assert.That(Events, Has.Count.EqualTo(calls));
    }

    [TestCase("single-string")]
    [TestCase("""[{"eventName": ["INSERT"=123}]""")]
    [TestCase("""{"eventName": "INSERT"}""")]
    [TestCase("""{"eventName": []}""")]
    [TestCase("{}")]
    [TestCase("""{"dynamodb": {}}""")]
    [TestCase("""{"eventName": [{"begins-with": "IN"}]}""")]
    [TestCase("""{"eventName": [{"prefix": "IN", "suffix": "T"}]}""")]
    [TestCase("""{"n": [{"numeric": [">", "ten"]}]}""")]
    [TestCase("""{"n": [{"numeric": [">", 1, ">", 2]}]}""")]
    [TestCase("""{"n": [{"numeric": ["=", 1, "<", 2]}]}""")]
    [TestCase("""{"n": [{"exists": "yes"}]}""")]
    [TestCase("""{"$or": {"eventName": ["INSERT"]}}""")]
    public async Task CreateWithAnInvalidPattern_IsRefused(string pattern)
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");

        var reply = await Wire.Post("/2015-03-31/event-source-mappings", new
        {
            EventSourceArn = stream,
            FunctionName = "project",
            StartingPosition = "TRIM_HORIZON",
            FilterCriteria = new { Filters = new[] { new { Pattern = pattern } } },
        });

        AssertError(reply, 400, "InvalidParameterValueException", "Invalid filter pattern definition.");
        Assert.That((await Wire.Get("/2015-03-31/event-source-mappings")).Json.GetProperty("EventSourceMappings").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Criteria_AreDescribedBack_ReplacedAndRemovedByUpdate()
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        const string Inserts = """{"eventName": ["INSERT"]}""";
        var uuid = await MapAsync(stream, "project", new { FilterCriteria = new { Filters = new[] { new { Pattern = Inserts } } } });

        var described = (await Wire.Get($"/2015-03-31/event-source-mappings/{uuid}")).Json;
        Assert.That(described.GetProperty("FilterCriteria").GetProperty("Filters")[0].GetProperty("Pattern").GetString(), Is.EqualTo(Inserts));

        var refused = await Wire.Put($"/2015-03-31/event-source-mappings/{uuid}", new { FilterCriteria = new { Filters = new[] { new { Pattern = "[]" } } } });
        AssertError(refused, 400, "InvalidParameterValueException", "Invalid filter pattern definition.");
        Assert.That((await Wire.Get($"/2015-03-31/event-source-mappings/{uuid}")).Json.GetProperty("FilterCriteria").GetProperty("Filters")[0].GetProperty("Pattern").GetString(),
            Is.EqualTo(Inserts), "a refused update keeps the criteria");

        await PutAsync("orders", "a");
        await PutAsync("orders", "a", "changed");
        await Aws.RunUntilIdleAsync();
        Assert.That(Events, Has.Count.EqualTo(1), "only the INSERT passed");

        var removed = await Wire.Put($"/2015-03-31/event-source-mappings/{uuid}", new { FilterCriteria = new { } });
        AssertOk(removed, 202);
        Assert.That(removed.Json.TryGetProperty("FilterCriteria", out _), Is.False);
        await PutAsync("orders", "a", "changed again");
        await Aws.RunUntilIdleAsync();
        Assert.That(Events, Has.Count.EqualTo(2), "with no criteria the MODIFY is delivered");
    }

    [Test]
    public async Task FilteredOutRecords_AreLeftOutOfTheBatch_AndTheMappingReadsPastThem()
    {
        var stream = await CreateStreamTableAsync("orders");
        foreach (var (key, status) in new[] { ("a", "open"), ("b", "closed"), ("c", "open"), ("d", "closed"), ("e", "closed") })
        {
            await Ddb.PutItemAsync("orders", new() { ["pk"] = S(key), ["status"] = S(status) });
        }
        AddRecorder("project");
        await MapAsync(stream, "project", new { FilterCriteria = Criteria(new { dynamodb = new { NewImage = new { status = new { S = new[] { "open" } } } } }) });
        await Aws.RunUntilIdleAsync();
        await Ddb.PutItemAsync("orders", new() { ["pk"] = S("f"), ["status"] = S("closed") });
        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "a", "c" } }));
        var mapping = (await Wire.Get("/2015-03-31/event-source-mappings")).Json.GetProperty("EventSourceMappings")[0];
        Assert.That(mapping.GetProperty("LastProcessingResult").GetString(), Is.EqualTo("OK"));
    }

    [Test]
    public async Task SeveralFilters_PassARecordThatAnyOfThemMatches()
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        await MapAsync(stream, "project", new
        {
            FilterCriteria = new
            {
                Filters = new[]
                {
                    new { Pattern = """{"dynamodb": {"Keys": {"pk": {"S": [{"prefix": "vip-"}]}}}}""" },
                    new { Pattern = """{"eventName": ["REMOVE"]}""" },
                },
            },
        });

        await PutAsync("orders", "vip-ada");
        await PutAsync("orders", "bob");
        await Ddb.DeleteItemAsync("orders", new() { ["pk"] = S("bob") });
        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "vip-ada", "bob" } }));
        Assert.That(Events.Single().GetProperty("Records")[1].GetProperty("eventName").GetString(), Is.EqualTo("REMOVE"));
    }

    [Test]
    public async Task TimeToLiveDeletions_CanBeSelectedByTheirUserIdentity()
    {
        var stream = await CreateStreamTableAsync("orders");
        await Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "orders",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        AddRecorder("archive");
        await MapAsync(stream, "archive", new
        {
            FilterCriteria = Criteria(new { eventName = new[] { "REMOVE" }, userIdentity = new { type = new[] { "Service" }, principalId = new[] { "dynamodb.amazonaws.com" } } }),
        });
        var expires = Start.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Ddb.PutItemAsync("orders", new() { ["pk"] = S("expiring"), ["expires"] = new() { N = expires } });
        await Ddb.PutItemAsync("orders", new() { ["pk"] = S("deleted") });
        await Ddb.DeleteItemAsync("orders", new() { ["pk"] = S("deleted") });

        Time.Advance(TimeSpan.FromHours(2));
        await Aws.RunUntilIdleAsync();

        // The application's delete is a REMOVE too, but not Time to Live's.
        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "expiring" } }));
    }

    [Test]
    public async Task Criteria_SurviveASnapshotAndItsRestore()
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        await MapAsync(stream, "project", new { FilterCriteria = Criteria(new { dynamodb = new { Keys = new { pk = new { S = new[] { new { prefix = "keep" } } } } } }) });
        var snapshot = Aws.Snapshot();
        await PutAsync("orders", "keep-1");
        await Aws.RunUntilIdleAsync();

        Aws.Restore(snapshot);
        await PutAsync("orders", "drop");
        await PutAsync("orders", "keep-2");
        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "keep-1" }, new[] { "keep-2" } }));
    }

    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": [{"equals-ignore-case": "ADA"}]}}}}""", "ada", true)]
    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": [{"suffix": ".png"}]}}}}""", "photo.png", true)]
    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": [{"suffix": {"equals-ignore-case": ".PNG"}}]}}}}""", "photo.png", true)]
    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": [{"wildcard": "*/lib/*"}]}}}}""", "src/lib/a.cs", true)]
    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": [{"wildcard": "*/lib/*"}]}}}}""", "src/bin/a.cs", false)]
    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": [{"anything-but": ["ada", "bob"]}]}}}}""", "bob", false)]
    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": [{"anything-but": {"prefix": "a"}}]}}}}""", "bob", true)]
    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": [{"anything-but": {"equals-ignore-case": ["ADA"]}}]}}}}""", "ada", false)]
    [TestCase("""{"dynamodb": {"NewImage": {"missing": {"S": [{"anything-but": "x"}]}}}}""", "ada", false)]
    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": ["ada"]}, "missing": [{"exists": false}]}}}""", "ada", true)]
    [TestCase("""{"dynamodb": {"NewImage": {"$or": [{"name": {"S": ["x"]}}, {"pk": {"S": [{"prefix": "k"}]}}]}}}""", "ada", true)]
    [TestCase("""{"dynamodb": {"NewImage": {"name": {"S": ["ADA"]}}}}""", "ada", false)]
    [TestCase("""{"dynamodb": {"SizeBytes": [{"numeric": [">", 5, "<=", 1000]}]}}""", "ada", true)]
    [TestCase("""{"dynamodb": {"NewImage": {"flag": {"BOOL": [true]}}}}""", "ada", true)]
    [TestCase("""{"dynamodb": {"NewImage": {"flag": {"NULL": [true]}}}}""", "ada", false)]
    public async Task Operators_MatchAsEventBridgePatternsDo(string pattern, string name, bool delivered)
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        await MapAsync(stream, "project", new { FilterCriteria = new { Filters = new[] { new { Pattern = pattern } } } });

        await Ddb.PutItemAsync("orders", new() { ["pk"] = S("key"), ["name"] = S(name), ["flag"] = new() { BOOL = true } });
        await Aws.RunUntilIdleAsync();

        Assert.That(Events, Has.Count.EqualTo(delivered ? 1 : 0));
    }

    private static AttributeValue S(string value) => new() { S = value };

    private static object Criteria(object pattern) => new
    {
        Filters = new[] { new { Pattern = pattern is JsonElement json ? json.GetRawText() : JsonSerializer.Serialize(pattern) } },
    };
}
