using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// The operations of legacy global tables (version 2017.11.29), answered as AWS answers them now that it
// creates none: no legacy global table can exist, so none is ever found, even under the name of a
// 2019.11.21 one. And the replica auto scaling of a 2019.11.21 global table.
internal sealed partial class DynamoDbEngine
{
    private const string LegacyVersionUnsupported =
        "One or more parameter values were invalid: DynamoDB global tables version 2017.11.29 is not supported. " +
        "We recommend using DynamoDB global tables version 2019.11.21, instead of version 2017.11.29 (Legacy).";

    public CreateGlobalTableOutput CreateGlobalTable(RequestScope scope, CreateGlobalTableInput input) =>
        throw DynamoDbErrors.Validation(LegacyVersionUnsupported);

    public UpdateGlobalTableOutput UpdateGlobalTable(RequestScope scope, UpdateGlobalTableInput input)
    {
        if (input.ReplicaUpdates is not { Count: > 0 } updates)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid");
        }
        // Adding a replica is refused for the version before the table is looked for.
        if (updates.Any(u => u.Create is not null))
        {
            throw DynamoDbErrors.Validation(LegacyVersionUnsupported);
        }
        throw DynamoDbErrors.GlobalTableNotFound($"Global table not found: Global table with name: '{input.GlobalTableName}' does not exist.");
    }

    public DescribeGlobalTableOutput DescribeGlobalTable(RequestScope scope, DescribeGlobalTableInput input) =>
        throw DynamoDbErrors.GlobalTableNotFound($"Global table not found: Global table with name: '{input.GlobalTableName}' does not exist.");

    public DescribeGlobalTableSettingsOutput DescribeGlobalTableSettings(RequestScope scope, DescribeGlobalTableSettingsInput input) =>
        throw DynamoDbErrors.GlobalTableNotFound($"Global table with name: '{input.GlobalTableName}' does not exist.");

    public UpdateGlobalTableSettingsOutput UpdateGlobalTableSettings(RequestScope scope, UpdateGlobalTableSettingsInput input) =>
        throw DynamoDbErrors.GlobalTableNotFound($"Global table with name: '{input.GlobalTableName}' does not exist.");

    public ListGlobalTablesOutput ListGlobalTables(RequestScope scope, ListGlobalTablesInput input) => new() { GlobalTables = [] };

    public DescribeTableReplicaAutoScalingOutput DescribeTableReplicaAutoScaling(RequestScope scope, DescribeTableReplicaAutoScalingInput input)
    {
        var table = GlobalTableNamed(scope, input.TableName);
        lock (table.Gate)
        {
            return new DescribeTableReplicaAutoScalingOutput { TableAutoScalingDescription = DescribeAutoScaling(table) };
        }
    }

    /// <summary>
    /// An on-demand global table has no capacity to scale: AWS refuses to set auto scaling on one and
    /// accepts only updates that disable it. A provisioned one (see <see cref="DynamoDbOptions.AssumeWriteAutoScaling"/>)
    /// takes the new settings: write settings on every replica, a replica's read settings on that replica.
    /// </summary>
    public UpdateTableReplicaAutoScalingOutput UpdateTableReplicaAutoScaling(RequestScope scope, UpdateTableReplicaAutoScalingInput input)
    {
        var table = GlobalTableNamed(scope, input.TableName);
        var requested = new List<(string Parameter, AutoScalingSettingsUpdate? Update)>
        {
            ("ProvisionedWriteCapacityAutoScalingUpdate", input.ProvisionedWriteCapacityAutoScalingUpdate),
        };
        requested.AddRange(input.GlobalSecondaryIndexUpdates?.Select(g => ("ProvisionedWriteCapacityAutoScalingUpdate", g.ProvisionedWriteCapacityAutoScalingUpdate)) ?? []);
        requested.AddRange(input.ReplicaUpdates?.Select(r => ("ReplicaProvisionedReadCapacityAutoScalingUpdate", r.ReplicaProvisionedReadCapacityAutoScalingUpdate)) ?? []);
        requested.AddRange(input.ReplicaUpdates?.SelectMany(r => r.ReplicaGlobalSecondaryIndexUpdates ?? [])
            .Select(g => ("ProvisionedReadCapacityAutoScalingUpdate", g.ProvisionedReadCapacityAutoScalingUpdate)) ?? []);
        var enabling = requested.Where(r => r.Update is { AutoScalingDisabled: not true }).Select(r => r.Parameter).Distinct().ToList();
        var members = table.Replication!.Members;
        lock (table.Gate)
        {
            if (table.BillingMode == "PAY_PER_REQUEST" && enabling.Count > 0)
            {
                var regions = members.Select(m => $"'{m.Region}'").Order(StringComparer.Ordinal);
                throw DynamoDbErrors.Validation(
                    $"Failed to update global table with name \u2018{table.Name}\u2018. Replicas {string.Join(", ", regions)} BillingMode is PayPerRequest. " +
                    $"You must convert table's BillingMode to PROVISIONED to set parameters: '{string.Join("', '", enabling)}'.");
            }
        }
        if (table.BillingMode == "PROVISIONED")
        {
            foreach (var member in members)
            {
                lock (member.Gate)
                {
                    ScaleMember(member, input);
                }
            }
        }
        lock (table.Gate)
        {
            return new UpdateTableReplicaAutoScalingOutput { TableAutoScalingDescription = DescribeAutoScaling(table) };
        }
    }

    /// <summary>Applies the parts of an UpdateTableReplicaAutoScaling that concern <paramref name="member"/>; the caller holds its lock.</summary>
    private void ScaleMember(Table member, UpdateTableReplicaAutoScalingInput input)
    {
        if (ScalingOf(member) is not { } scaling)
        {
            return;
        }
        if (input.ProvisionedWriteCapacityAutoScalingUpdate is { } write)
        {
            scaling.Write = CapacityAutoScaling.Apply(scaling.Write, write);
        }
        foreach (var index in input.GlobalSecondaryIndexUpdates ?? [])
        {
            if (index.ProvisionedWriteCapacityAutoScalingUpdate is { } indexWrite && scaling.IndexWrite.TryGetValue(index.IndexName ?? "", out var current))
            {
                scaling.IndexWrite[index.IndexName!] = CapacityAutoScaling.Apply(current, indexWrite);
            }
        }
        foreach (var replica in input.ReplicaUpdates?.Where(r => r.RegionName == member.Region) ?? [])
        {
            if (replica.ReplicaProvisionedReadCapacityAutoScalingUpdate is { } read)
            {
                scaling.Read = CapacityAutoScaling.Apply(scaling.Read, read);
            }
            foreach (var index in replica.ReplicaGlobalSecondaryIndexUpdates ?? [])
            {
                if (index.ProvisionedReadCapacityAutoScalingUpdate is { } indexRead && scaling.IndexRead.TryGetValue(index.IndexName ?? "", out var current))
                {
                    scaling.IndexRead[index.IndexName!] = CapacityAutoScaling.Apply(current, indexRead);
                }
            }
        }
    }

    /// <summary>The 2019.11.21 global table a replica auto scaling request names; a regional table is not one.</summary>
    private Table GlobalTableNamed(RequestScope scope, string? nameOrArn)
    {
        TableNames.Validate(nameOrArn);
        var (home, name) = TableNames.Resolve(scope, nameOrArn);
        return _regions[home].Tables.TryGetValue(name, out var table) && table.Replication is not null
            ? table
            : throw new AwsServiceException("ResourceNotFoundException", $"Global table with name: '{name}' does not exist.");
    }

    /// <summary>
    /// Every replica of the table, its own region included, with its indexes; a provisioned replica's
    /// auto scaling settings (none for on-demand replicas).
    /// </summary>
    private TableAutoScalingDescription DescribeAutoScaling(Table table) => new()
    {
        TableName = table.Name,
        TableStatus = table.Status,
        Replicas = table.Replication!.Members
            .OrderBy(m => m.Region, StringComparer.Ordinal)
            .Select(m =>
            {
                var scaling = ScalingOf(m);
                return new ReplicaAutoScalingDescription
                {
                    RegionName = m.Region,
                    ReplicaStatus = m.Status,
                    ReplicaProvisionedReadCapacityAutoScalingSettings = scaling?.Read,
                    ReplicaProvisionedWriteCapacityAutoScalingSettings = scaling?.Write,
                    GlobalSecondaryIndexes = m.Indexes.Where(i => i.IsGlobal)
                        .Select(i => new ReplicaGlobalSecondaryIndexAutoScalingDescription
                        {
                            IndexName = i.Name,
                            IndexStatus = i.Status,
                            ProvisionedReadCapacityAutoScalingSettings = scaling?.IndexRead.GetValueOrDefault(i.Name),
                            ProvisionedWriteCapacityAutoScalingSettings = scaling?.IndexWrite.GetValueOrDefault(i.Name),
                        })
                        .ToList(),
                };
            })
            .ToList(),
    };
}
