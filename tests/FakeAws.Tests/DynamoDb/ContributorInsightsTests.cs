using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Contributor Insights per table and per global secondary index: UpdateContributorInsights,
/// DescribeContributorInsights and ListContributorInsights, as ack-api-quirks recorded them against AWS.
/// </summary>
public class ContributorInsightsTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected static readonly TimeSpan StatusDelay = TimeSpan.FromSeconds(2);

    // Six rules: the indexed table (four) and its index (two) fill the quota, so a test can pass it.
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.TableStatusDelay = StatusDelay;
        options.DynamoDb.ContributorInsightsRuleLimit = 6;
        return options;
    }

    private static long Stamp(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private async Task CreateIndexedTableAsync()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S), new("status", ScalarAttributeType.S)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "by-status",
                    KeySchema = [new KeySchemaElement("status", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex
                {
                    IndexName = "by-sk",
                    KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("status", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
        });
        Time.Advance(StatusDelay);
    }

    private Task<UpdateContributorInsightsResponse> UpdateAsync(ContributorInsightsAction action, string? index = null, ContributorInsightsMode? mode = null) =>
        Ddb.UpdateContributorInsightsAsync(new UpdateContributorInsightsRequest
        {
            TableName = "orders",
            IndexName = index,
            ContributorInsightsAction = action,
            ContributorInsightsMode = mode,
        });

    private Task<DescribeContributorInsightsResponse> DescribeAsync(string? index = null) =>
        Ddb.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = "orders", IndexName = index });

    [Test]
    public async Task NeverConfigured_DescribesAsDisabled_WithNothingElse()
    {
        await CreateIndexedTableAsync();

        var described = await DescribeAsync();
        var disabled = await UpdateAsync(ContributorInsightsAction.DISABLE);

        Assert.Multiple(() =>
        {
            Assert.That(described.TableName, Is.EqualTo("orders"));
            Assert.That(described.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.DISABLED));
            Assert.That(described.ContributorInsightsMode, Is.Null);
            Assert.That(described.LastUpdateDateTime, Is.Null);
            Assert.That(described.ContributorInsightsRuleList, Is.Null.Or.Empty);
            Assert.That(disabled.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.DISABLED));
        });
    }

    [Test]
    public async Task Enable_IsEnablingUntilTheStatusDelayPasses_ThenEnabledWithAwsRuleNames()
    {
        await CreateIndexedTableAsync();
        var enabledAt = Time.GetUtcNow();

        var update = await UpdateAsync(ContributorInsightsAction.ENABLE);
        var enabling = await DescribeAsync();
        Time.Advance(StatusDelay);
        var enabled = await DescribeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(update.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.ENABLING));
            Assert.That(update.ContributorInsightsMode, Is.EqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS));
            Assert.That(enabling.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.ENABLING));
            Assert.That(enabling.ContributorInsightsRuleList, Is.Null.Or.Empty);
            Assert.That(enabled.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.ENABLED));
            Assert.That(enabled.LastUpdateDateTime, Is.EqualTo((enabledAt + StatusDelay).UtcDateTime));
            Assert.That(enabled.ContributorInsightsRuleList, Is.EqualTo(new[]
            {
                $"DynamoDBContributorInsights-PKC-orders-{Stamp(enabledAt)}",
                $"DynamoDBContributorInsights-PKT-orders-{Stamp(enabledAt)}",
                $"DynamoDBContributorInsights-SKC-orders-{Stamp(enabledAt)}",
                $"DynamoDBContributorInsights-SKT-orders-{Stamp(enabledAt)}",
            }));
        });
    }

    [Test]
    public async Task Modes_ChangedByEnable_KeepTheRulesCreationTime()
    {
        await CreateIndexedTableAsync();
        var enabledAt = Time.GetUtcNow();
        await UpdateAsync(ContributorInsightsAction.ENABLE, "by-status");
        Time.Advance(StatusDelay);

        var same = await UpdateAsync(ContributorInsightsAction.ENABLE, "by-status");
        var throttled = await UpdateAsync(ContributorInsightsAction.ENABLE, "by-status", ContributorInsightsMode.THROTTLED_KEYS);
        Time.Advance(StatusDelay);
        var described = await DescribeAsync("by-status");
        var reverted = await UpdateAsync(ContributorInsightsAction.ENABLE, "by-status");

        Assert.Multiple(() =>
        {
            Assert.That(same.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.ENABLED), "the same mode again changes nothing");
            Assert.That(throttled.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.ENABLING));
            Assert.That(described.IndexName, Is.EqualTo("by-status"));
            Assert.That(described.ContributorInsightsMode, Is.EqualTo(ContributorInsightsMode.THROTTLED_KEYS));
            Assert.That(described.ContributorInsightsRuleList, Is.EqualTo(new[] { $"DynamoDBContributorInsights-PKT-orders-by-status-{Stamp(enabledAt)}" }));
            Assert.That(reverted.ContributorInsightsMode, Is.EqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS), "ENABLE without a mode takes the default");
        });
    }

    [Test]
    public async Task Disable_IsDisablingThenDisabled_AndLeavesTheList()
    {
        await CreateIndexedTableAsync();
        await UpdateAsync(ContributorInsightsAction.ENABLE);
        Time.Advance(StatusDelay);

        var disable = await UpdateAsync(ContributorInsightsAction.DISABLE, mode: ContributorInsightsMode.THROTTLED_KEYS);
        var listedWhileDisabling = (await Ddb.ListContributorInsightsAsync(new ListContributorInsightsRequest { TableName = "orders" })).ContributorInsightsSummaries;
        Time.Advance(StatusDelay);
        var described = await DescribeAsync();
        var listed = (await Ddb.ListContributorInsightsAsync(new ListContributorInsightsRequest { TableName = "orders" })).ContributorInsightsSummaries;

        Assert.Multiple(() =>
        {
            Assert.That(disable.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.DISABLING));
            Assert.That(disable.ContributorInsightsMode, Is.EqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS), "DISABLE echoes the current mode");
            Assert.That(listedWhileDisabling.Select(s => s.ContributorInsightsStatus.Value), Is.EqualTo(new[] { "DISABLING" }));
            Assert.That(described.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.DISABLED));
            Assert.That(described.ContributorInsightsMode, Is.EqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS));
            Assert.That(described.LastUpdateDateTime, Is.Not.Null);
            Assert.That(listed, Is.Null.Or.Empty);
        });
    }

    [Test]
    public async Task List_TableBeforeItsIndexes_PagedByMaxResults()
    {
        await CreateIndexedTableAsync();
        await UpdateAsync(ContributorInsightsAction.ENABLE, "by-status");
        await UpdateAsync(ContributorInsightsAction.ENABLE);
        await CreateTableAsync("another");
        Time.Advance(StatusDelay);

        var first = await Ddb.ListContributorInsightsAsync(new ListContributorInsightsRequest { TableName = "orders", MaxResults = 1 });
        var second = await Ddb.ListContributorInsightsAsync(new ListContributorInsightsRequest { TableName = "orders", MaxResults = 1, NextToken = first.NextToken });
        var all = await Ddb.ListContributorInsightsAsync(new ListContributorInsightsRequest());

        Assert.Multiple(() =>
        {
            Assert.That(first.ContributorInsightsSummaries.Single().IndexName, Is.Null);
            Assert.That(first.NextToken, Is.Not.Null);
            Assert.That(second.ContributorInsightsSummaries.Single().IndexName, Is.EqualTo("by-status"));
            Assert.That(second.ContributorInsightsSummaries.Single().ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.ENABLED));
            Assert.That(second.NextToken, Is.Null);
            Assert.That(all.ContributorInsightsSummaries.Select(s => (s.TableName, s.IndexName)), Is.EqualTo(new[] { ("orders", (string?)null), ("orders", "by-status") }));
        });
    }

    [Test]
    public async Task PastTheRuleQuota_EnableEndsFailed_UntilRulesAreFreed()
    {
        await CreateIndexedTableAsync();
        await CreateTableAsync("extra");
        Time.Advance(StatusDelay);
        await UpdateAsync(ContributorInsightsAction.ENABLE);
        await UpdateAsync(ContributorInsightsAction.ENABLE, "by-status");
        var failedAt = Time.GetUtcNow();

        var enabling = await Ddb.UpdateContributorInsightsAsync(new UpdateContributorInsightsRequest { TableName = "extra", ContributorInsightsAction = ContributorInsightsAction.ENABLE });
        Time.Advance(StatusDelay);
        var failed = await Ddb.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = "extra" });
        var listed = await Ddb.ListContributorInsightsAsync(new ListContributorInsightsRequest { TableName = "extra" });

        Assert.Multiple(() =>
        {
            Assert.That(enabling.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.ENABLING));
            Assert.That(failed.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.FAILED));
            Assert.That(failed.FailureException.ExceptionName, Is.EqualTo("LimitExceededException"));
            Assert.That(failed.FailureException.ExceptionDescription, Is.EqualTo(
                "Amazon CloudWatch Contributor Insights rule limit reached. Please disable Contributor Insights for other tables/indexes OR disable other CloudWatch Contributor Insights rules before retrying."));
            Assert.That(failed.ContributorInsightsRuleList, Is.Null.Or.Empty);
            Assert.That(failed.LastUpdateDateTime, Is.EqualTo((failedAt + StatusDelay).UtcDateTime));
            Assert.That(listed.ContributorInsightsSummaries.Single().ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.FAILED));
        });

        // Narrowing the index to THROTTLED_KEYS frees a rule, but "extra" needs two; disabling the index frees enough.
        await UpdateAsync(ContributorInsightsAction.ENABLE, "by-status", ContributorInsightsMode.THROTTLED_KEYS);
        await Ddb.UpdateContributorInsightsAsync(new UpdateContributorInsightsRequest { TableName = "extra", ContributorInsightsAction = ContributorInsightsAction.ENABLE });
        Time.Advance(StatusDelay);
        Assert.That((await Ddb.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = "extra" })).ContributorInsightsStatus,
            Is.EqualTo(ContributorInsightsStatus.FAILED));
        await UpdateAsync(ContributorInsightsAction.DISABLE, "by-status");
        await Ddb.UpdateContributorInsightsAsync(new UpdateContributorInsightsRequest { TableName = "extra", ContributorInsightsAction = ContributorInsightsAction.ENABLE });
        Time.Advance(StatusDelay);
        var enabled = await Ddb.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = "extra" });
        Assert.That(enabled.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.ENABLED));
        Assert.That(enabled.FailureException, Is.Null);
        Assert.That(enabled.ContributorInsightsRuleList, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task DisablingAFailedSetting_ShowsTheFailureUntilDisabled()
    {
        await CreateIndexedTableAsync();
        await UpdateAsync(ContributorInsightsAction.ENABLE);
        await UpdateAsync(ContributorInsightsAction.ENABLE, "by-status");
        await CreateTableAsync("extra");
        Time.Advance(StatusDelay);
        await Ddb.UpdateContributorInsightsAsync(new UpdateContributorInsightsRequest { TableName = "extra", ContributorInsightsAction = ContributorInsightsAction.ENABLE });
        Time.Advance(StatusDelay);

        var disable = await Ddb.UpdateContributorInsightsAsync(new UpdateContributorInsightsRequest { TableName = "extra", ContributorInsightsAction = ContributorInsightsAction.DISABLE });
        var disabling = await Ddb.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = "extra" });
        Time.Advance(StatusDelay);
        var disabled = await Ddb.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = "extra" });

        Assert.That(disable.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.DISABLING));
        Assert.That(disabling.FailureException?.ExceptionName, Is.EqualTo("LimitExceededException"));
        Assert.That(disabled.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.DISABLED));
        Assert.That(disabled.FailureException, Is.Null);
        Assert.That(disabled.ContributorInsightsMode, Is.EqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS));
    }

    [Test]
    public async Task UnknownTablesAndIndexes_AwsErrors()
    {
        await CreateIndexedTableAsync();
        Fails<ResourceNotFoundException>(() => UpdateAsync(ContributorInsightsAction.ENABLE, "by-sk"), "Requested resource not found: Index: by-sk not found for table: orders");
        Fails<ResourceNotFoundException>(() => DescribeAsync("nope"), "Requested resource not found: Index: nope not found for table: orders");
        Fails<ResourceNotFoundException>(() => Ddb.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = "missing" }),
            "Requested resource not found: Table: missing not found");
        Fails<ResourceNotFoundException>(() => Ddb.ListContributorInsightsAsync(new ListContributorInsightsRequest { TableName = "missing" }),
            "Requested resource not found: Table: missing not found");

        await CreateTableAsync("creating");
        Invalid(() => Ddb.UpdateContributorInsightsAsync(new UpdateContributorInsightsRequest { TableName = "creating", ContributorInsightsAction = ContributorInsightsAction.ENABLE }),
            "Table or Index is not in a valid state to update Key Access Insights: TableStatus must be ACTIVE to enable ContributorInsights.");
    }

    [Test]
    public async Task DeletingAnIndex_TakesItsInsightsAway()
    {
        await CreateIndexedTableAsync();
        await UpdateAsync(ContributorInsightsAction.ENABLE, "by-status");
        Time.Advance(StatusDelay);

        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "by-status" } }],
        });
        Time.Advance(StatusDelay);

        Fails<ResourceNotFoundException>(() => DescribeAsync("by-status"), "Requested resource not found: Index: by-status not found for table: orders");
        Assert.That((await Ddb.ListContributorInsightsAsync(new ListContributorInsightsRequest())).ContributorInsightsSummaries, Is.Null.Or.Empty);
    }

    [Test]
    public async Task Snapshot_KeepsInsights()
    {
        await CreateIndexedTableAsync();
        await UpdateAsync(ContributorInsightsAction.ENABLE, mode: ContributorInsightsMode.THROTTLED_KEYS);
        var snapshot = Aws.Snapshot();
        await UpdateAsync(ContributorInsightsAction.DISABLE);

        Aws.Restore(snapshot);
        Time.Advance(StatusDelay);

        var described = await DescribeAsync();
        Assert.That(described.ContributorInsightsStatus, Is.EqualTo(ContributorInsightsStatus.ENABLED));
        Assert.That(described.ContributorInsightsMode, Is.EqualTo(ContributorInsightsMode.THROTTLED_KEYS));
    }
}
