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
    /// FakeAws has no Application Auto Scaling, so every global table is on-demand: AWS refuses to set
    /// auto scaling on one, and only accepts updates that disable it.
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
        lock (table.Gate)
        {
            if (enabling.Count > 0)
            {
                var regions = table.Replication!.Members.Select(m => $"'{m.Region}'").Order(StringComparer.Ordinal);
                throw DynamoDbErrors.Validation(
                    $"Failed to update global table with name \u2018{table.Name}\u2018. Replicas {string.Join(", ", regions)} BillingMode is PayPerRequest. " +
                    $"You must convert table's BillingMode to PROVISIONED to set parameters: '{string.Join("', '", enabling)}'.");
            }
            return new UpdateTableReplicaAutoScalingOutput { TableAutoScalingDescription = DescribeAutoScaling(table) };
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

    /// <summary>Every replica of the table, its own region included, with its indexes; on-demand replicas have no auto scaling settings.</summary>
    private static TableAutoScalingDescription DescribeAutoScaling(Table table) => new()
    {
        TableName = table.Name,
        TableStatus = table.Status,
        Replicas = table.Replication!.Members
            .OrderBy(m => m.Region, StringComparer.Ordinal)
            .Select(m => new ReplicaAutoScalingDescription
            {
                RegionName = m.Region,
                ReplicaStatus = m.Status,
                GlobalSecondaryIndexes = m.Indexes.Where(i => i.IsGlobal)
                    .Select(i => new ReplicaGlobalSecondaryIndexAutoScalingDescription { IndexName = i.Name, IndexStatus = i.Status })
                    .ToList(),
            })
            .ToList(),
    };
}
