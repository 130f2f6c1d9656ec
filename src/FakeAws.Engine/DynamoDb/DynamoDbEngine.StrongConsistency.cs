using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Multi-Region strong consistency (MRSC): a global table made in one UpdateTable with MultiRegionConsistency
// STRONG and three regions (two replica Creates, or one Create and a witness), frozen until one UpdateTable
// deletes every replica and the witness. AWS's rules and texts were recorded by ack-api-quirks; those not
// recorded are FakeAws's, listed in docs/DYNAMODB.md under "Unverified".
internal sealed partial class DynamoDbEngine
{
    private const string StrongMode = "with MultiRegionConsistency set to STRONG.";
    private const string StrongSuffix = "for global tables " + StrongMode;

    /// <summary>
    /// Checks MultiRegionConsistency and GlobalTableWitnessUpdates against the table, in AWS's order, before
    /// anything changes; says whether ReplicaUpdates may hold several Creates (making a strong group) or several
    /// Deletes (tearing one down), the exceptions to one replica action per request.
    /// </summary>
    private bool ValidateConsistency(RequestScope scope, Table table, UpdateTableInput input)
    {
        var group = table.Replication;
        var witnesses = input.GlobalTableWitnessUpdates;
        if (witnesses is not null && input.MultiRegionConsistency != "STRONG" && group is not { IsStrong: true })
        {
            throw DynamoDbErrors.Validation("MultiRegionConsistency must be set as STRONG when GlobalTableWitnessUpdates parameter is present.");
        }
        if (input.MultiRegionConsistency is not null && input.ReplicaUpdates?.Any(u => u.Create is null) == true)
        {
            throw DynamoDbErrors.Validation("Only Replica Create actions are supported when MultiRegionConsistency parameter is provided.");
        }
        if (input.MultiRegionConsistency == "STRONG")
        {
            ValidateStrongCreation(table, input.ReplicaUpdates ?? [], witnesses);
            return true;
        }
        // EVENTUAL on an eventual group is what it is already (AWS was recorded refusing it on strong groups only).
        if (input.MultiRegionConsistency is not null && group is { IsStrong: true })
        {
            throw DynamoDbErrors.Validation("MultiRegionConsistency parameter is unsupported on existing global table");
        }
        return group is { IsStrong: true } && input.ReplicaUpdates is { } updates && ValidateStrongChange(table, group, updates, witnesses);
    }

    // A strong group is born whole: exactly three regions, all able to hold one, from an empty regional table
    // without Time to Live or local indexes.
    private static void ValidateStrongCreation(Table table, List<ReplicationGroupUpdate> updates, List<GlobalTableWitnessGroupUpdate>? witnesses)
    {
        var replicas = updates.Select(u => u.Create!.RegionName!).Distinct(StringComparer.Ordinal).ToList();
        var added = witnesses?.Where(w => w.Create is not null).Select(w => w.Create!.RegionName!).ToList() ?? [];
        if (replicas.Count + added.Count != 2)
        {
            throw DynamoDbErrors.Validation($"Unsupported replica count {StrongSuffix}");
        }
        GlobalTableRegions.CheckStrong([.. replicas, .. added, table.Region]);
        if (table.Replication is not null)
        {
            throw DynamoDbErrors.Validation("MultiRegionConsistency parameter is unsupported on existing global table");
        }
        if (added.Any(replicas.Contains))
        {
            throw DynamoDbErrors.Validation("Cannot target multiple regions with the same action");
        }
        if (added.Contains(table.Region))
        {
            throw DynamoDbErrors.Validation($"Cannot add a witness in the same region as an existing replica when creating a global table {StrongMode}");
        }
        if (witnesses?.Where(w => w.Delete is not null).Select(w => w.Delete!.RegionName!).ToList() is { Count: > 0 } strays)
        {
            throw WitnessesNotInGroup(strays);
        }
        if (table.HasLocalIndexes)
        {
            throw DynamoDbErrors.Validation($"Local secondary indexes are not supported {StrongSuffix}");
        }
        if (table.TimeToLive.Enabled)
        {
            throw DynamoDbErrors.Validation($"Time to Live is not supported {StrongSuffix}");
        }
        if (table.ItemCount > 0)
        {
            throw DynamoDbErrors.Validation($"The table must be empty to create a global table {StrongMode}");
        }
    }

    // A strong group takes no new member and loses none alone: the only removal is every other replica and the
    // witness at once. Says whether the request deletes (and so may hold several Deletes).
    private static bool ValidateStrongChange(Table table, ReplicationGroup group, List<ReplicationGroupUpdate> updates, List<GlobalTableWitnessGroupUpdate>? witnesses)
    {
        if (updates.Any(u => u.Create is not null) || witnesses?.Any(w => w.Create is not null) == true)
        {
            throw DynamoDbErrors.Validation("Cannot add replicas to a global table with strong MultiRegionConsistency");
        }
        var deleted = updates.Where(u => u.Delete is not null).Select(u => u.Delete!.RegionName).ToHashSet(StringComparer.Ordinal);
        if (deleted.Count == 0)
        {
            return false;
        }
        if (witnesses?.Select(w => w.Delete!.RegionName!).Where(r => r != group.Witness?.Region).ToList() is { Count: > 0 } strays)
        {
            throw WitnessesNotInGroup(strays);
        }
        if (group.Witness is not null && witnesses is null)
        {
            throw DynamoDbErrors.Validation("Update table delete operation does not include all witnesses.");
        }
        if (!group.Members.Where(m => m != table).All(m => deleted.Contains(m.Region)))
        {
            throw DynamoDbErrors.Validation($"Deletion of only one table replica is not supported {StrongSuffix}");
        }
        return true;
    }

    private static AwsServiceException WitnessesNotInGroup(List<string> regions) => DynamoDbErrors.Validation(
        $"Update global table operation failed because one or more witnesses were not part of the global table. Please retry the request without these witnesses: [{string.Join(", ", regions)}].");

    /// <summary>
    /// Makes <paramref name="table"/> (whose lock the caller holds) the first member of a strong group, with its
    /// witness CREATING for the status delay; the replica Creates that follow join it.
    /// </summary>
    private void FormStrongGroup(Table table, List<GlobalTableWitnessGroupUpdate>? witnesses)
    {
        var group = new ReplicationGroup(_cloud, Options) { IsStrong = true };
        group.Add(table);
        if (witnesses?.FirstOrDefault(w => w.Create is not null)?.Create!.RegionName is { } region)
        {
            var witness = group.Witness = new GlobalTableWitness(region);
            AfterStatusDelay(table, () => witness.Status = witness.Status == "CREATING" ? "ACTIVE" : witness.Status, $"{table.Name} witness in {region} active");
        }
    }

    /// <summary>The witness of a strong group being torn down: DELETING for the status delay, then gone.</summary>
    private void DropWitness(Table table, ReplicationGroup group)
    {
        if (group.Witness is not { } witness)
        {
            return;
        }
        witness.Status = "DELETING";
        AfterStatusDelay(table, () => group.Witness = null, $"{table.Name} witness in {witness.Region} deleted");
    }

    // Runs change under the table's lock once the status delay has passed (at once without one).
    private void AfterStatusDelay(Table table, Action change, string what)
    {
        if (Options.TableStatusDelay <= TimeSpan.Zero)
        {
            change();
            return;
        }
        _cloud.Scheduler.Schedule(_cloud.Now + Options.TableStatusDelay, () =>
        {
            lock (table.Gate)
            {
                change();
            }
        }, what);
    }

    /// <summary>A strong group's part of DescribeTable: the consistency and the witness.</summary>
    private static void DescribeStrong(ReplicationGroup group, TableDescription description)
    {
        if (!group.IsStrong)
        {
            return;
        }
        description.MultiRegionConsistency = "STRONG";
        description.GlobalTableWitnesses = group.Witness is { } witness
            ? [new GlobalTableWitnessDescription { RegionName = witness.Region, WitnessStatus = witness.Status }]
            : null;
    }

    /// <summary>DeleteTable of one member of a strong group: refused, the group is removed only as a whole.</summary>
    private static void CheckNotStrongMember(Table table)
    {
        if (table.Replication is { IsStrong: true })
        {
            throw DynamoDbErrors.Validation($"Deletion of only one table replica is not supported {StrongSuffix}");
        }
    }

    /// <summary>Time to Live cannot be enabled on a strong group's member.</summary>
    private static void CheckTimeToLiveAllowed(Table table)
    {
        if (table.Replication is { IsStrong: true })
        {
            throw DynamoDbErrors.Validation($"Time to Live is not supported {StrongSuffix}");
        }
    }

    /// <summary>Transactions (TransactWriteItems, TransactGetItems, and PartiQL's ExecuteTransaction) refuse a strong group's tables.</summary>
    private static void RefuseStrongTables(IEnumerable<Table> tables)
    {
        if (tables.Any(t => t.Replication is { IsStrong: true }))
        {
            throw DynamoDbErrors.Validation($"Transactions are not supported {StrongSuffix}");
        }
    }
}
