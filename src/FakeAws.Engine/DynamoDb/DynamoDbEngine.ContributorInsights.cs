using System.Globalization;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Contributor Insights: UpdateContributorInsights, DescribeContributorInsights and ListContributorInsights, per
// table and per global secondary index, with the statuses on the cloud's clock. Behaviour and texts as
// ack-api-quirks recorded them against AWS (2026-10).
internal sealed partial class DynamoDbEngine
{
    /// <summary>What DynamoDB reports when an ENABLE found the account's CloudWatch rules at their quota (recorded by ack-api-quirks).</summary>
    private static readonly FailureException RuleLimitReached = new()
    {
        ExceptionName = "LimitExceededException",
        ExceptionDescription =
            "Amazon CloudWatch Contributor Insights rule limit reached. Please disable Contributor Insights for other tables/indexes OR disable other CloudWatch Contributor Insights rules before retrying.",
    };

    public UpdateContributorInsightsOutput UpdateContributorInsights(RequestScope scope, UpdateContributorInsightsInput input)
    {
        var table = GetTableForControl(scope, input.TableName);
        // Counted before the table's lock is taken: a request never holds two tables' locks.
        var rulesHeld = InsightsRulesHeld(table, input.IndexName ?? "");
        lock (table.Gate)
        {
            var index = InsightsIndex(table, input.IndexName);
            var now = _cloud.Now;
            var delay = Options.TableStatusDelay;
            var setting = table.Insights.GetValueOrDefault(input.IndexName ?? "");
            if (input.ContributorInsightsAction == "ENABLE")
            {
                if (table.Status == "CREATING" || index?.Status is "CREATING")
                {
                    var what = table.Status == "CREATING" ? "TableStatus" : "IndexStatus";
                    throw DynamoDbErrors.Validation(
                        $"Table or Index is not in a valid state to update Key Access Insights: {what} must be ACTIVE to enable ContributorInsights.");
                }
                var mode = input.ContributorInsightsMode ?? ContributorInsights.DefaultMode;
                // Enabling again in the same mode changes nothing; another mode re-enables, keeping the rules' creation
                // time; a failed setting tries again. Past the account's rule quota the attempt ends FAILED.
                if (setting is not { Enabled: true } || setting.Mode != mode || setting.Failed)
                {
                    var keptRules = setting?.HoldsRules == true;
                    setting ??= table.Insights[input.IndexName ?? ""] = new ContributorInsights();
                    setting.Enabled = true;
                    setting.Mode = mode;
                    setting.ChangedAt = now;
                    setting.RulesCreatedAt = keptRules ? setting.RulesCreatedAt : now;
                    setting.Failed = rulesHeld + ContributorInsights.RuleCount(mode, (index?.Key ?? table.Key).Range is not null) > Options.ContributorInsightsRuleLimit;
                    return InsightsUpdated(table, input.IndexName, "ENABLING", mode);
                }
            }
            else if (setting is { Enabled: true })
            {
                setting.Enabled = false;
                setting.ChangedAt = now;
                return InsightsUpdated(table, input.IndexName, "DISABLING", setting.Mode);
            }
            // Nothing changes: the answer is the setting as it stands (DISABLED for one never set).
            return InsightsUpdated(table, input.IndexName, setting?.Status(now, delay) ?? "DISABLED", setting?.Mode);
        }
    }

    public DescribeContributorInsightsOutput DescribeContributorInsights(RequestScope scope, DescribeContributorInsightsInput input)
    {
        var table = GetTableForControl(scope, input.TableName);
        lock (table.Gate)
        {
            var index = InsightsIndex(table, input.IndexName);
            var output = new DescribeContributorInsightsOutput
            {
                TableName = table.Name,
                IndexName = input.IndexName,
                ContributorInsightsStatus = "DISABLED",
            };
            if (table.Insights.GetValueOrDefault(input.IndexName ?? "") is not { } setting)
            {
                // A table or index never configured shows only its status.
                return output;
            }
            var now = _cloud.Now;
            var delay = Options.TableStatusDelay;
            output.ContributorInsightsStatus = setting.Status(now, delay);
            output.ContributorInsightsMode = setting.Mode;
            output.LastUpdateDateTime = setting.LastUpdate(now, delay);
            if (setting.ShowsFailure(now, delay))
            {
                output.FailureException = RuleLimitReached;
            }
            if (output.ContributorInsightsStatus == "ENABLED")
            {
                var key = index?.Key ?? table.Key;
                output.ContributorInsightsRuleList = setting.RuleNames(index is null ? table.Name : $"{table.Name}-{index.Name}", key.Range is not null);
            }
            return output;
        }
    }

    public ListContributorInsightsOutput ListContributorInsights(RequestScope scope, ListContributorInsightsInput input)
    {
        IEnumerable<Table> tables = input.TableName is { } named
            ? [GetTableForControl(scope, named)]
            : _regions[scope].Tables.Values.Where(t => !t.IsDeleted).OrderBy(t => t.Name, StringComparer.Ordinal);
        var now = _cloud.Now;
        var delay = Options.TableStatusDelay;
        // Every setting that is not DISABLED, the table's before its indexes', in the order of the indexes.
        var summaries = new List<ContributorInsightsSummary>();
        foreach (var table in tables)
        {
            lock (table.Gate)
            {
                foreach (var indexName in new string?[] { null }.Concat(table.Indexes.Where(i => i.IsGlobal).Select(i => i.Name)))
                {
                    if (table.Insights.GetValueOrDefault(indexName ?? "") is { } setting && setting.Status(now, delay) is var status && status != "DISABLED")
                    {
                        summaries.Add(new ContributorInsightsSummary
                        {
                            TableName = table.Name,
                            IndexName = indexName,
                            ContributorInsightsStatus = status,
                            ContributorInsightsMode = setting.Mode,
                        });
                    }
                }
            }
        }
        // The token is the position of the next summary; the last page has none.
        var start = 0;
        if (input.NextToken is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start)))
        {
            throw DynamoDbErrors.Validation("Invalid NextToken");
        }
        var limit = input.MaxResults is > 0 and var max ? max : 100;
        var page = summaries.Skip(start).Take(limit).ToList();
        var next = start + page.Count;
        return new ListContributorInsightsOutput
        {
            ContributorInsightsSummaries = page,
            NextToken = next < summaries.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    /// <summary>
    /// How many CloudWatch rules the Contributor Insights settings of <paramref name="table"/>'s account and region
    /// hold, leaving out the setting <paramref name="exceptKey"/> of the table itself (whose rules a change replaces).
    /// </summary>
    private int InsightsRulesHeld(Table table, string exceptKey)
    {
        var held = 0;
        foreach (var other in _regions[new RequestScope(table.AccountId, table.Region)].Tables.Values)
        {
            lock (other.Gate)
            {
                foreach (var (key, setting) in other.Insights)
                {
                    if (setting.HoldsRules && !(ReferenceEquals(other, table) && key == exceptKey))
                    {
                        var keySchema = key.Length == 0 ? other.Key : other.Index(key)?.Key ?? other.Key;
                        held += ContributorInsights.RuleCount(setting.Mode, keySchema.Range is not null);
                    }
                }
            }
        }
        return held;
    }

    /// <summary>
    /// The global secondary index an insights request names, or null for the table; a local index or an unknown
    /// name is not found, as AWS answers.
    /// </summary>
    private static SecondaryIndex? InsightsIndex(Table table, string? indexName)
    {
        if (indexName is null)
        {
            return null;
        }
        return table.Index(indexName) is { IsGlobal: true } index
            ? index
            : throw new AwsServiceException("ResourceNotFoundException", $"Requested resource not found: Index: {indexName} not found for table: {table.Name}");
    }

    private static UpdateContributorInsightsOutput InsightsUpdated(Table table, string? indexName, string status, string? mode) => new()
    {
        TableName = table.Name,
        IndexName = indexName,
        ContributorInsightsStatus = status,
        ContributorInsightsMode = mode,
    };
}
