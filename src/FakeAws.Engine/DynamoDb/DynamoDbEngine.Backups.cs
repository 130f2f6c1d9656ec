using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// On-demand backups: CreateBackup, DescribeBackup, ListBackups, DeleteBackup and RestoreTableFromBackup.
// A backup is CREATING for DynamoDbOptions.TableStatusDelay, then AVAILABLE, and outlives its table.
internal sealed partial class DynamoDbEngine
{
    private const int MaxBackupsListed = 100;

    public CreateBackupOutput CreateBackup(RequestScope scope, CreateBackupInput input)
    {
        TableNames.Validate(input.TableName);
        var region = _regions[scope];
        var name = TableNames.Resolve(input.TableName);
        if (!region.Tables.TryGetValue(name, out var table) || table.IsDeleted)
        {
            throw DynamoDbErrors.TableNotFoundException(name);
        }
        lock (table.Gate)
        {
            return new CreateBackupOutput { BackupDetails = AddBackup(region, table, input.BackupName!, "USER").Details(_cloud.Now) };
        }
    }

    public DescribeBackupOutput DescribeBackup(RequestScope scope, DescribeBackupInput input)
    {
        var backup = FindBackup(scope, input.BackupArn!);
        return new DescribeBackupOutput { BackupDescription = backup.Description(_cloud.Now) };
    }

    public DeleteBackupOutput DeleteBackup(RequestScope scope, DeleteBackupInput input)
    {
        var region = _regions[scope];
        var backup = FindBackup(scope, input.BackupArn!);
        var now = _cloud.Now;
        lock (region.Backups)
        {
            if (backup.InUse(now))
            {
                throw DynamoDbErrors.BackupInUse();
            }
            backup.Deleted = true;
            region.Backups.Remove(backup);
        }
        return new DeleteBackupOutput { BackupDescription = backup.Description(now) };
    }

    public ListBackupsOutput ListBackups(RequestScope scope, ListBackupsInput input)
    {
        var region = _regions[scope];
        var now = _cloud.Now;
        var table = input.TableName is null ? null : TableNames.Resolve(input.TableName);
        var type = input.BackupType ?? "USER";
        List<Backup> matching;
        lock (region.Backups)
        {
            region.Backups.RemoveAll(b => b.ExpiresAt <= now);
            matching = region.Backups
                .Where(b => table is null || b.TableName == table)
                .Where(b => type == "ALL" || b.Type == type)
                .Where(b => input.TimeRangeLowerBound is not { } lower || b.Created >= lower)
                .Where(b => input.TimeRangeUpperBound is not { } upper || b.Created < upper)
                .ToList();
        }
        var start = input.ExclusiveStartBackupArn is { } after ? matching.FindIndex(b => b.Arn == after) + 1 : 0;
        var limit = input.Limit ?? MaxBackupsListed;
        var page = matching.Skip(start).Take(limit).ToList();
        return new ListBackupsOutput
        {
            BackupSummaries = page.Select(b => b.Summary(now)).ToList(),
            LastEvaluatedBackupArn = start + page.Count < matching.Count ? page[^1].Arn : null,
        };
    }

    public RestoreTableFromBackupOutput RestoreTableFromBackup(RequestScope scope, RestoreTableFromBackupInput input)
    {
        var backup = FindBackup(scope, input.BackupArn!);
        var now = _cloud.Now;
        if (now < backup.AvailableAt)
        {
            throw DynamoDbErrors.BackupInUse();
        }
        CheckRestoreTarget(scope, input.TargetTableName!);
        var definition = TableDefinition.ForRestore(backup.Definition, input.TargetTableName!, input.BillingModeOverride,
            input.GlobalSecondaryIndexOverride, input.LocalSecondaryIndexOverride, input.ProvisionedThroughputOverride, input.OnDemandThroughputOverride);
        var table = RestoreTable(scope, definition, backup.Items,
            new RestoreSummary { SourceBackupArn = backup.Arn, SourceTableArn = backup.TableArn, RestoreDateTime = backup.Created });
        lock (_regions[scope].Backups)
        {
            backup.Restores.Add(table);
        }
        lock (table.Gate)
        {
            return new RestoreTableFromBackupOutput { TableDescription = Describe(table) };
        }
    }

    /// <summary>Keeps a copy of <paramref name="table"/>'s schema and items as a backup; the caller holds the table's lock.</summary>
    private Backup AddBackup(Region region, Table table, string name, string type)
    {
        var now = _cloud.Now;
        var backup = new Backup
        {
            Arn = $"{table.Arn}/backup/{now.ToUnixTimeMilliseconds():D14}-{_cloud.Ids.NewString(8, "0123456789abcdef")}",
            Name = name,
            Type = type,
            Created = now,
            AvailableAt = now + Options.TableStatusDelay,
            ExpiresAt = type == "SYSTEM" ? now + Backup.SystemBackupLifetime : null,
            TableName = table.Name,
            TableArn = table.Arn,
            TableId = table.TableId,
            TableCreated = table.CreationDateTime,
            Definition = TableDefinition.Of(table),
            StreamViewType = table.Stream?.ViewType,
            TimeToLiveAttribute = table.TimeToLive.Enabled ? table.TimeToLive.AttributeName : null,
            Items = table.Items.All().Select(s => (s.TableKey, s.Item, s.Size)).ToList(),
            SizeBytes = table.SizeBytes,
        };
        lock (region.Backups)
        {
            region.Backups.Add(backup);
        }
        return backup;
    }

    private Backup FindBackup(RequestScope scope, string arn)
    {
        var region = _regions[scope];
        var now = _cloud.Now;
        lock (region.Backups)
        {
            region.Backups.RemoveAll(b => b.ExpiresAt <= now);
            return region.Backups.Find(b => b.Arn == arn) ?? throw DynamoDbErrors.BackupNotFound(arn);
        }
    }
}
