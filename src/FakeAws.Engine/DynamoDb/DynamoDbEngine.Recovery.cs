using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Point-in-time recovery: UpdateContinuousBackups, DescribeContinuousBackups and
// RestoreTableToPointInTime, and the restore both kinds of restore share.
internal sealed partial class DynamoDbEngine
{
    private const int DefaultRecoveryPeriodInDays = 35;

    public UpdateContinuousBackupsOutput UpdateContinuousBackups(RequestScope scope, UpdateContinuousBackupsInput input)
    {
        TableNames.Validate(input.TableName);
        var table = TableForBackups(scope, input.TableName!);
        var specification = input.PointInTimeRecoverySpecification!;
        lock (table.Gate)
        {
            if (specification.PointInTimeRecoveryEnabled == true)
            {
                if (table.History is { } history)
                {
                    history.RecoveryPeriodInDays = specification.RecoveryPeriodInDays ?? history.RecoveryPeriodInDays;
                }
                else
                {
                    table.History = new PointInTimeHistory(_cloud.Now, specification.RecoveryPeriodInDays ?? DefaultRecoveryPeriodInDays);
                }
            }
            else
            {
                if (specification.RecoveryPeriodInDays is not null)
                {
                    throw DynamoDbErrors.Validation("RecoveryPeriodInDays can only be specified when PointInTimeRecoveryEnabled is true");
                }
                // Disabling forgets the history: a later enable starts a new window.
                table.History = null;
            }
            return new UpdateContinuousBackupsOutput { ContinuousBackupsDescription = DescribeRecovery(table) };
        }
    }

    public DescribeContinuousBackupsOutput DescribeContinuousBackups(RequestScope scope, DescribeContinuousBackupsInput input)
    {
        TableNames.Validate(input.TableName);
        var table = TableForBackups(scope, input.TableName!);
        lock (table.Gate)
        {
            return new DescribeContinuousBackupsOutput { ContinuousBackupsDescription = DescribeRecovery(table) };
        }
    }

    public RestoreTableToPointInTimeOutput RestoreTableToPointInTime(RequestScope scope, RestoreTableToPointInTimeInput input)
    {
        if (input.SourceTableName is null && input.SourceTableArn is null)
        {
            throw DynamoDbErrors.Validation("Either SourceTableName or SourceTableArn must be specified");
        }
        var sourceName = TableNames.Resolve(input.SourceTableArn ?? input.SourceTableName);
        if (!_regions[scope].Tables.TryGetValue(sourceName, out var source) || source.IsDeleted)
        {
            throw DynamoDbErrors.SourceTableNotFound(sourceName);
        }
        CheckRestoreTarget(scope, input.TargetTableName!);
        CreateTableInput kept;
        List<(PrimaryKey Key, IReadOnlyDictionary<string, AttributeValue> Item, int Size)> items;
        DateTimeOffset moment;
        lock (source.Gate)
        {
            var history = source.History ?? throw DynamoDbErrors.PointInTimeRecoveryUnavailable(source.Name);
            var now = _cloud.Now;
            var (earliest, latest) = (history.Earliest(now), history.Latest(now));
            if (input.UseLatestRestorableTime == true)
            {
                moment = latest;
            }
            else
            {
                moment = input.RestoreDateTime
                    ?? throw DynamoDbErrors.Validation("RestoreDateTime must be specified when UseLatestRestorableTime is not true");
                if (moment < earliest || moment > latest)
                {
                    throw DynamoDbErrors.InvalidRestoreTime(earliest, latest);
                }
            }
            kept = TableDefinition.Of(source);
            items = history.StateAt(moment, source.Items).ToList();
        }
        var definition = TableDefinition.ForRestore(kept, input.TargetTableName!, input.BillingModeOverride,
            input.GlobalSecondaryIndexOverride, input.LocalSecondaryIndexOverride, input.ProvisionedThroughputOverride, input.OnDemandThroughputOverride);
        var table = RestoreTable(scope, definition, items, new RestoreSummary { SourceTableArn = source.Arn, RestoreDateTime = moment });
        lock (table.Gate)
        {
            return new RestoreTableToPointInTimeOutput { TableDescription = Describe(table) };
        }
    }

    /// <summary>The table a backup or recovery request names; the error is DynamoDB's TableNotFoundException.</summary>
    private Table TableForBackups(RequestScope scope, string nameOrArn)
    {
        var name = TableNames.Resolve(nameOrArn);
        return _regions[scope].Tables.TryGetValue(name, out var table) && !table.IsDeleted
            ? table
            : throw DynamoDbErrors.TableNotFoundException(name);
    }

    /// <summary>A restore must make a new table: the name may not be taken.</summary>
    private void CheckRestoreTarget(RequestScope scope, string target)
    {
        if (_regions[scope].Tables.ContainsKey(TableNames.Resolve(target)))
        {
            throw DynamoDbErrors.TableAlreadyExists(target);
        }
    }

    /// <summary>
    /// Makes a new table from <paramref name="definition"/> (through CreateTable, so its checks and
    /// status delay apply) and fills it with <paramref name="items"/>.
    /// </summary>
    private Table RestoreTable(RequestScope scope, CreateTableInput definition,
        IReadOnlyList<(PrimaryKey Key, IReadOnlyDictionary<string, AttributeValue> Item, int Size)> items, RestoreSummary summary)
    {
        CreateTable(scope, definition);
        var table = _regions[scope].Tables[definition.TableName!];
        lock (table.Gate)
        {
            foreach (var (key, item, size) in items)
            {
                table.Write(key, item, size);
            }
            table.RestoreSummary = summary;
        }
        return table;
    }

    private ContinuousBackupsDescription DescribeRecovery(Table table)
    {
        var now = _cloud.Now;
        return new ContinuousBackupsDescription
        {
            // On-demand backups are always available, so continuous backups always report ENABLED.
            ContinuousBackupsStatus = "ENABLED",
            PointInTimeRecoveryDescription = table.History is { } history
                ? new PointInTimeRecoveryDescription
                {
                    PointInTimeRecoveryStatus = "ENABLED",
                    RecoveryPeriodInDays = history.RecoveryPeriodInDays,
                    EarliestRestorableDateTime = history.Earliest(now),
                    LatestRestorableDateTime = history.Latest(now),
                }
                : new PointInTimeRecoveryDescription { PointInTimeRecoveryStatus = "DISABLED" },
        };
    }
}
