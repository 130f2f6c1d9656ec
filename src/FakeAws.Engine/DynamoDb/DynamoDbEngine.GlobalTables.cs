using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Global tables, version 2019.11.21: UpdateTable's ReplicaUpdates add, change and remove replicas, each a
// real table in its own region; ReplicationGroup keeps their items in step.
internal sealed partial class DynamoDbEngine
{
    /// <summary>
    /// Checks <paramref name="updates"/> with AWS's messages, in AWS's order, before anything changes. EVENTUAL
    /// global tables take one Create or one Delete per request, or any number of Updates; <paramref name="several"/>
    /// allows the Creates that make a strong group and the Deletes that tear one down.
    /// </summary>
    private void ValidateReplicaUpdates(RequestScope scope, Table table, List<ReplicationGroupUpdate> updates, bool several)
    {
        // An Update naming only its region asks for nothing either.
        if (updates.Count == 0 || updates.Any(u => u.Create is null && u.Delete is null && u.Update is not { } update
                || u.Update is { ProvisionedThroughputOverride: null, OnDemandThroughputOverride: null, GlobalSecondaryIndexes: null, TableClassOverride: null, KMSMasterKeyId: null }))
        {
            throw DynamoDbErrors.Validation("There are no actions specified in the Replica Update Action of the request.");
        }
        if (updates.Select(ActionOf).Distinct().Count() > 1)
        {
            throw DynamoDbErrors.Validation("Update table operation with more than one type of replica actions not allowed.");
        }
        // Two Creates (or Deletes) of one region are one action: AWS accepts the pair and acts once.
        if (!several && updates.Where(u => u.Create is not null || u.Delete is not null).Select(RegionOf).Distinct().Count() > 1)
        {
            throw DynamoDbErrors.Validation("Update table operation with more than one create or delete replica actions not allowed");
        }
        var members = table.Replication?.Members ?? [table];
        foreach (var update in updates)
        {
            var region = GlobalTableRegions.Check(RegionOf(update));
            if (region == table.Region)
            {
                throw DynamoDbErrors.Validation(
                    "Cannot add or delete the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
            }
            var member = members.FirstOrDefault(m => m.Region == region);
            if (update.Create is not null)
            {
                CheckWritesScalable(table.BillingMode);
                if (member is not null || _regions[scope with { AccountId = table.AccountId, Region = region }].Tables.ContainsKey(table.Name))
                {
                    throw DynamoDbErrors.Validation(
                        $"Failed to create a the new replica of table with name: \u2018{table.Name}\u2019 because one or more replicas already existed as tables.");
                }
            }
            else if (member is null || member.IsDeleted)
            {
                throw DynamoDbErrors.Validation(
                    $"Update global table operation failed because one or more replicas were not part of the global table. Please retry the request without these replicas: [{region}].");
            }
            else if (update.Delete is not null && member.DeletionProtectionEnabled)
            {
                throw DynamoDbErrors.Validation(
                    $"Cannot delete table {table.Name} in region {region} because it has deletion protection enabled. Disable deletion protection first.");
            }
            else if (update.Delete is not null && member.Replication is not { IsStrong: true })
            {
                // A strong group is torn down whole, whenever its members were added.
                CheckNotARecentSource(member);
            }
            else if (update.Update is { } change && member.BillingMode == "PAY_PER_REQUEST"
                && (change.ProvisionedThroughputOverride is not null || change.GlobalSecondaryIndexes?.Any(g => g.ProvisionedThroughputOverride is not null) == true))
            {
                // A Create with the same override on an on-demand table is accepted and ignored; an Update is refused, without the usual prefix.
                throw DynamoDbErrors.Validation("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        }
    }

    /// <summary>Applies checked replica updates to <paramref name="table"/>, whose lock the caller holds.</summary>
    private void ApplyReplicaUpdates(RequestScope scope, Table table, List<ReplicationGroupUpdate> updates)
    {
        foreach (var update in updates.DistinctBy(u => (ActionOf(u), RegionOf(u))))
        {
            var remote = scope with { AccountId = table.AccountId, Region = RegionOf(update)! };
            if (update.Create is { } create)
            {
                AddReplica(scope with { AccountId = table.AccountId, Region = table.Region }, table, remote, create);
            }
            else if (update.Update is { } change)
            {
                var replica = table.Replication!.Members.First(m => m.Region == remote.Region);
                lock (replica.Gate)
                {
                    if (change.TableClassOverride is { } tableClass)
                    {
                        // The same class again is accepted and still takes the replica through UPDATING, as on AWS.
                        replica.TableClassUpdated = tableClass != replica.TableClass ? _cloud.Now : replica.TableClassUpdated ?? _cloud.Now;
                        replica.TableClass = tableClass;
                    }
                    ApplyReplicaOverrides(replica, table, change.ProvisionedThroughputOverride, change.OnDemandThroughputOverride, change.GlobalSecondaryIndexes);
                    RefreshThroughput(replica);
                    SetStatusFor(replica, "UPDATING", "ACTIVE");
                }
            }
            else
            {
                var replica = table.Replication!.Members.First(m => m.Region == remote.Region);
                var region = _regions[remote];
                lock (region.Gate)
                lock (replica.Gate)
                {
                    Drop(region, replica);
                }
            }
        }
    }

    /// <summary>
    /// Makes the table in <paramref name="remote"/> a replica of <paramref name="table"/>: the same key,
    /// indexes and billing, a copy of the items, and a stream of the source's view type. A table with no
    /// stream gets a NEW_AND_OLD_IMAGES one first; one it has (even KEYS_ONLY) stays.
    /// </summary>
    private void AddReplica(RequestScope home, Table table, RequestScope remote, CreateReplicationGroupMemberAction create)
    {
        var group = table.Replication;
        if (group is null)
        {
            group = new ReplicationGroup(_cloud, Options);
            group.Add(table);
        }
        // A strong group replicates inside the write, not from the stream: it needs none.
        if (table.Stream is null && !group.IsStrong)
        {
            OpenStream(home, table, "NEW_AND_OLD_IMAGES");
        }
        var definition = TableDefinition.Of(table);
        definition.TableName = table.Name;
        definition.TableClass = create.TableClassOverride ?? (table.TableClassUpdated is null ? null : table.TableClass);
        var replica = MakeTable(remote, definition, group.IsStrong ? table.Gate : null);
        lock (replica.Gate)
        {
            foreach (var stored in table.Items.All())
            {
                replica.Write(stored.TableKey, stored.Item, stored.Size, WriteOrigin.Replication);
            }
            foreach (var (key, version) in table.WriteVersions)
            {
                replica.WriteVersions[key] = version;
            }
            replica.AddedFrom = (table.Region, _cloud.Now);
            replica.AutoScaling = ScalingOf(table)?.CopyForReplica();
            replica.TimeToLive.CopyFrom(table.TimeToLive);
            ApplyReplicaOverrides(replica, table, create.ProvisionedThroughputOverride, create.OnDemandThroughputOverride, create.GlobalSecondaryIndexes);
            RefreshThroughput(replica);
            // Opened after the copy: the existing items are not changes of the replica.
            if (table.Stream is { } stream)
            {
                OpenStream(remote, replica, stream.ViewType);
            }
            group.Add(replica);
        }
    }

    /// <summary>The members of a global table's description: the version and the other regions' replicas.</summary>
    private static void DescribeReplicas(Table table, TableDescription description)
    {
        if (table.Replication is not { } group)
        {
            return;
        }
        // A table's own region is not among its Replicas: AWS lists the other regions only.
        description.GlobalTableVersion = ReplicationGroup.Version;
        description.GlobalTableSettingsReplicationMode = "ENABLED_WITH_OVERRIDES";
        description.Replicas = group.Members
            .Where(m => m != table)
            .OrderBy(m => m.Region, StringComparer.Ordinal)
            .Select(DescribeReplica)
            .ToList();
        DescribeStrong(group, description);
    }

    /// <summary>
    /// A provisioned table may be (or become) a global table only with its write capacity auto scaled,
    /// which FakeAws takes as given when <see cref="DynamoDbOptions.AssumeWriteAutoScaling"/> is on.
    /// </summary>
    private void CheckWritesScalable(string billingMode)
    {
        if (billingMode == "PROVISIONED" && !Options.AssumeWriteAutoScaling)
        {
            throw DynamoDbErrors.Validation("Table write capacity should either be Pay-Per-Request or AutoScaled.");
        }
    }

    /// <summary>The auto scaling of a provisioned table under <see cref="DynamoDbOptions.AssumeWriteAutoScaling"/>; null otherwise. The caller holds the table's lock.</summary>
    private CapacityAutoScaling? ScalingOf(Table table) =>
        table.BillingMode == "PROVISIONED" && Options.AssumeWriteAutoScaling ? table.AutoScaling ??= CapacityAutoScaling.For(table) : null;

    private static string ActionOf(ReplicationGroupUpdate update) =>
        update.Create is not null ? "Create" : update.Update is not null ? "Update" : "Delete";

    private static string? RegionOf(ReplicationGroupUpdate update) =>
        update.Create?.RegionName ?? update.Update?.RegionName ?? update.Delete?.RegionName;
}
