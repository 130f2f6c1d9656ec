namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The Contributor Insights setting of a table or of one of its global secondary indexes. A change starts
/// in ENABLING or DISABLING and settles to ENABLED or DISABLED once <see cref="DynamoDbOptions.TableStatusDelay"/>
/// of virtual time has passed; the status is worked out when it is read, so nothing is scheduled.
/// </summary>
internal sealed class ContributorInsights
{
    /// <summary>The mode DynamoDB takes when ENABLE names none.</summary>
    public const string DefaultMode = "ACCESSED_AND_THROTTLED_KEYS";

    /// <summary>Whether the last change enables (or disables) Contributor Insights.</summary>
    public bool Enabled { get; set; }

    /// <summary>ACCESSED_AND_THROTTLED_KEYS or THROTTLED_KEYS.</summary>
    public string Mode { get; set; } = DefaultMode;

    /// <summary>
    /// Whether the last ENABLE failed because the account's CloudWatch rules would have passed their quota: it
    /// shows ENABLING, then FAILED, and holds no rules. DISABLE clears it once DISABLED.
    /// </summary>
    public bool Failed { get; set; }

    /// <summary>When the last change was asked for.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The creation time of the CloudWatch rules, which ends their names; a change of mode keeps it.</summary>
    public DateTimeOffset RulesCreatedAt { get; set; }

    /// <summary>Whether the last change has settled by <paramref name="now"/>.</summary>
    public bool IsSettled(DateTimeOffset now, TimeSpan delay) => now >= ChangedAt + delay;

    /// <summary>ENABLING, ENABLED, DISABLING or DISABLED at <paramref name="now"/>.</summary>
    public string Status(DateTimeOffset now, TimeSpan delay) => (Enabled, IsSettled(now, delay)) switch
    {
        (true, true) => Failed ? "FAILED" : "ENABLED",
        (true, false) => "ENABLING",
        (false, true) => "DISABLED",
        (false, false) => "DISABLING",
    };

    /// <summary>The last time the status changed: the request, or the moment it settled.</summary>
    public DateTimeOffset LastUpdate(DateTimeOffset now, TimeSpan delay) => IsSettled(now, delay) ? ChangedAt + delay : ChangedAt;

    /// <summary>Whether the failure of the last ENABLE is still shown: while FAILED, and while DISABLING from it.</summary>
    public bool ShowsFailure(DateTimeOffset now, TimeSpan delay) => Failed && (Enabled || !IsSettled(now, delay));

    /// <summary>Whether the setting holds CloudWatch rules (counted against the quota): enabled, and not failed.</summary>
    public bool HoldsRules => Enabled && !Failed;

    /// <summary>How many rules a setting in <paramref name="mode"/> holds: two per key (partition, sort), one in THROTTLED_KEYS mode.</summary>
    public static int RuleCount(string mode, bool hasSortKey) => (mode == DefaultMode ? 2 : 1) * (hasSortKey ? 2 : 1);

    /// <summary>
    /// The CloudWatch Contributor Insights rules DynamoDB creates, named as AWS's developer guide gives them:
    /// DynamoDBContributorInsights-{PKC|PKT|SKC|SKT}-{resource}-{creation epoch milliseconds}, where the resource
    /// is the table or "table-index"; the accessed-keys rules (C) only in ACCESSED_AND_THROTTLED_KEYS mode, the
    /// sort-key rules (SK) only when the table or index has a sort key.
    /// </summary>
    public List<string> RuleNames(string resource, bool hasSortKey)
    {
        var stamp = RulesCreatedAt.ToUnixTimeMilliseconds();
        var kinds = new List<string>();
        foreach (var key in hasSortKey ? new[] { "PK", "SK" } : ["PK"])
        {
            if (Mode == DefaultMode)
            {
                kinds.Add(key + "C");
            }
            kinds.Add(key + "T");
        }
        // AWS lists the partition-key rules first: PKC, PKT, SKC, SKT.
        return [.. kinds.OrderBy(k => k[0] == 'P' ? 0 : 1).Select(kind => $"DynamoDBContributorInsights-{kind}-{resource}-{stamp}")];
    }
}
