using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// The settings of a 2019.11.21 global table that AWS keeps in step across its replicas, and the ones
// each replica keeps for itself. Group-wide: GSIs added, removed or re-provisioned, billing mode,
// provisioned throughput (write capacity everywhere, read capacity unless a replica overrides it),
// on-demand maxima (likewise for reads), the table class set by UpdateTable, and Time to Live, from
// whichever region changes them. Per region: deletion protection, tags, point-in-time recovery, the
// stream's ARN, and the overrides a ReplicaUpdates Create or Update gives (TableClassOverride,
// ProvisionedThroughputOverride, OnDemandThroughputOverride and the GSIs' read overrides).
internal sealed partial class DynamoDbEngine
{
    /// <summary>How long a region that added a replica cannot itself be removed.</summary>
    private static readonly TimeSpan SourceRegionHold = TimeSpan.FromHours(24);

    /// <summary>
    /// Carries the group-wide part of an UpdateTable made on <paramref name="source"/> to every other
    /// replica, each under its own lock; each replica is UPDATING for the status delay, and a new GSI
    /// backfills from the replica's own items.
    /// </summary>
    private void SyncReplicaSettings(Table source, UpdateTableInput input, IndexChange? change)
    {
        var billing = input.BillingMode is not null || input.ProvisionedThroughput is not null;
        if (change is null && !billing && input.OnDemandThroughput is null && input.TableClass is null)
        {
            return;
        }
        // Read once under the source's lock, then applied under each replica's lock alone: never two table locks at once.
        GroupSettings settings;
        lock (source.Gate)
        {
            settings = GroupSettings.Of(source, input.ProvisionedThroughput?.ReadCapacityUnits);
        }
        foreach (var replica in settings.Members)
        {
            if (replica == source)
            {
                continue;
            }
            lock (replica.Gate)
            {
                if (replica.IsDeleted)
                {
                    continue;
                }
                if (change is not null)
                {
                    ApplyIndexUpdate(replica, MirrorIndexChange(change, replica), input.AttributeDefinitions);
                }
                if (billing)
                {
                    settings.CopyBillingTo(replica);
                }
                if (input.OnDemandThroughput is not null)
                {
                    replica.OnDemandThroughput = OnDemandOf(settings.OnDemandThroughput, replica.MaxReadRequestUnitsOverride);
                }
                if (input.TableClass is not null && replica.TableClass != settings.TableClass)
                {
                    replica.TableClass = settings.TableClass;
                    replica.TableClassUpdated = settings.TableClassUpdated;
                }
                RefreshThroughput(replica);
                // A replica still being created (or already updating) keeps its status and its own timer.
                if (replica.Status == "ACTIVE")
                {
                    SetStatusFor(replica, "UPDATING", "ACTIVE");
                }
            }
        }
    }

    /// <summary>
    /// The group-wide settings of the replica an UpdateTable was made on, as they stood after it; the
    /// read capacity is the request's (null when it gave none), as each replica may have its own.
    /// </summary>
    private sealed record GroupSettings(IReadOnlyList<Table> Members, string BillingMode, DateTimeOffset? LastUpdateToPayPerRequest,
        long? ReadCapacityUnits, long WriteCapacityUnits, DateTimeOffset? LastIncreaseDateTime, DateTimeOffset? LastDecreaseDateTime,
        long NumberOfDecreasesToday, OnDemandThroughput? OnDemandThroughput, string TableClass, DateTimeOffset? TableClassUpdated)
    {
        public static GroupSettings Of(Table table, long? requestedRead) => new(table.Replication?.Members ?? [], table.BillingMode,
            table.LastUpdateToPayPerRequest, requestedRead, table.WriteCapacityUnits,
            table.LastIncreaseDateTime, table.LastDecreaseDateTime, table.NumberOfDecreasesToday, table.OnDemandThroughput, table.TableClass,
            table.TableClassUpdated);

        /// <summary>Billing mode and throughput on <paramref name="replica"/>, keeping the replica's read override.</summary>
        public void CopyBillingTo(Table replica)
        {
            replica.BillingMode = BillingMode;
            replica.LastUpdateToPayPerRequest = LastUpdateToPayPerRequest;
            if (BillingMode == "PAY_PER_REQUEST")
            {
                // On-demand has no capacity to override.
                replica.ReadCapacityOverride = null;
                replica.IndexReadCapacityOverrides.Clear();
            }
            replica.WriteCapacityUnits = WriteCapacityUnits;
            replica.ReadCapacityUnits = BillingMode == "PAY_PER_REQUEST" ? 0 : replica.ReadCapacityOverride ?? ReadCapacityUnits ?? replica.ReadCapacityUnits;
            replica.LastIncreaseDateTime = LastIncreaseDateTime;
            replica.LastDecreaseDateTime = LastDecreaseDateTime;
            replica.NumberOfDecreasesToday = NumberOfDecreasesToday;
        }
    }

    /// <summary>The same index change on <paramref name="replica"/>'s own indexes; a replica's read overrides stay.</summary>
    private static IndexChange MirrorIndexChange(IndexChange change, Table replica) => new(
        change.Create,
        change.Delete is { } deleted ? replica.Index(deleted.Name) : null,
        change.Updates
            .Select(u => (Index: replica.Index(u.Index.Name), u.Throughput))
            .Where(u => u.Index is not null)
            .Select(u => (u.Index!, new ProvisionedThroughput
            {
                ReadCapacityUnits = replica.IndexReadCapacityOverrides.TryGetValue(u.Index!.Name, out var read) ? read : u.Throughput.ReadCapacityUnits,
                WriteCapacityUnits = u.Throughput.WriteCapacityUnits,
            }))
            .ToList());

    /// <summary>The group's on-demand maxima with a replica's own read maximum, if it has one.</summary>
    private static OnDemandThroughput? OnDemandOf(OnDemandThroughput? group, long? readOverride) =>
        readOverride is null ? group : new OnDemandThroughput { MaxReadRequestUnits = readOverride, MaxWriteRequestUnits = group?.MaxWriteRequestUnits };

    /// <summary>Time to Live is group-wide: the other replicas take <paramref name="source"/>'s setting, from whichever region it was changed.</summary>
    private static void SyncTimeToLive(Table source)
    {
        foreach (var replica in source.Replication?.Members ?? [])
        {
            if (replica == source)
            {
                continue;
            }
            lock (replica.Gate)
            {
                if (!replica.IsDeleted)
                {
                    replica.TimeToLive.CopyFrom(source.TimeToLive);
                }
            }
        }
    }

    /// <summary>Applies the per-replica overrides of a ReplicaUpdates Create or Update to <paramref name="replica"/>, whose lock the caller holds.</summary>
    private static void ApplyReplicaOverrides(Table replica, Table group, ProvisionedThroughputOverride? throughput, OnDemandThroughputOverride? onDemand,
        List<ReplicaGlobalSecondaryIndex>? indexes)
    {
        if (replica.BillingMode == "PROVISIONED")
        {
            if (throughput?.ReadCapacityUnits is { } read)
            {
                // Sending the group's own value clears the override, as on AWS.
                replica.ReadCapacityOverride = read == group.ReadCapacityUnits ? null : read;
                replica.ReadCapacityUnits = read;
            }
            foreach (var index in indexes ?? [])
            {
                if (index.ProvisionedThroughputOverride?.ReadCapacityUnits is { } indexRead && replica.Index(index.IndexName!) is { } own)
                {
                    replica.IndexReadCapacityOverrides[own.Name] = indexRead;
                    own.ReadCapacityUnits = indexRead;
                }
            }
        }
        else if (onDemand?.MaxReadRequestUnits is { } maxRead)
        {
            replica.MaxReadRequestUnitsOverride = maxRead == group.OnDemandThroughput?.MaxReadRequestUnits ? null : maxRead;
            replica.OnDemandThroughput = OnDemandOf(group.OnDemandThroughput, replica.MaxReadRequestUnitsOverride);
        }
    }

    /// <summary>
    /// A region that added a replica less than a day ago cannot leave the group (by DeleteTable or a
    /// ReplicaUpdates Delete) while that replica is a member.
    /// </summary>
    private void CheckNotARecentSource(Table member)
    {
        var now = _cloud.Now;
        if (member.Replication?.Members.Any(m => m != member && !m.IsDeleted && m.AddedFrom is { } from
                && from.Region == member.Region && now - from.At < SourceRegionHold) == true)
        {
            throw DynamoDbErrors.Validation(
                "Replica cannot be deleted because it has acted as a source region for new replica(s) being added to the table in the last 24 hours.");
        }
    }

    /// <summary>A replica's own settings as its entry in another region's Replicas lists them.</summary>
    private static ReplicaDescription DescribeReplica(Table replica) => new()
    {
        RegionName = replica.Region,
        ReplicaStatus = replica.Status,
        ProvisionedThroughputOverride = replica.ReadCapacityOverride is { } read ? new ProvisionedThroughputOverride { ReadCapacityUnits = read } : null,
        OnDemandThroughputOverride = replica.MaxReadRequestUnitsOverride is { } maxRead ? new OnDemandThroughputOverride { MaxReadRequestUnits = maxRead } : null,
        GlobalSecondaryIndexes = replica.Indexes.Any(i => i.IsGlobal)
            ? replica.Indexes.Where(i => i.IsGlobal && i.Status != "DELETING").Select(i => new ReplicaGlobalSecondaryIndexDescription
            {
                IndexName = i.Name,
                ProvisionedThroughputOverride = replica.IndexReadCapacityOverrides.TryGetValue(i.Name, out var indexRead)
                    ? new ProvisionedThroughputOverride { ReadCapacityUnits = indexRead }
                    : null,
            }).ToList()
            : null,
        ReplicaTableClassSummary = replica.TableClassUpdated is null ? null : new TableClassSummary { TableClass = replica.TableClass, LastUpdateDateTime = replica.TableClassUpdated },
        GlobalTableSettingsReplicationMode = "ENABLED_WITH_OVERRIDES",
    };
}
