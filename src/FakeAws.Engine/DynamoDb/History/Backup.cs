using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// An on-demand (USER) or SYSTEM backup: the table's schema and its items at the moment it was made.
/// The items are the table's own immutable item dictionaries, so a backup costs a reference per item.
/// A backup lives on after its table is deleted.
/// </summary>
internal sealed class Backup
{
    /// <summary>How long AWS keeps the SYSTEM backup made when a table with recovery on is deleted: 35 days.</summary>
    public static readonly TimeSpan SystemBackupLifetime = TimeSpan.FromDays(35);

    public required string Arn { get; init; }
    public required string Name { get; init; }

    /// <summary>USER or SYSTEM.</summary>
    public required string Type { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>When the backup becomes AVAILABLE: it is CREATING until then.</summary>
    public required DateTimeOffset AvailableAt { get; init; }

    /// <summary>When a SYSTEM backup goes away; null for USER backups, which stay until deleted.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public required string TableName { get; init; }
    public required string TableArn { get; init; }
    public required string TableId { get; init; }
    public required DateTimeOffset TableCreated { get; init; }

    /// <summary>The table's schema as a CreateTable request.</summary>
    public required CreateTableInput Definition { get; init; }

    public required string? StreamViewType { get; init; }
    public required string? TimeToLiveAttribute { get; init; }

    /// <summary>The table's items when the backup was made.</summary>
    public required List<(PrimaryKey Key, IReadOnlyDictionary<string, AttributeValue> Item, int Size)> Items { get; init; }

    public required long SizeBytes { get; init; }

    /// <summary>Tables being restored from this backup: while one is CREATING, the backup is in use.</summary>
    public List<Table> Restores { get; } = [];

    public bool Deleted { get; set; }

    public string Status(DateTimeOffset now) => Deleted ? "DELETED" : now < AvailableAt ? "CREATING" : "AVAILABLE";

    /// <summary>Whether a restore from the backup, or its making, is still going on.</summary>
    public bool InUse(DateTimeOffset now) => now < AvailableAt || Restores.Exists(t => t.Status == "CREATING");

    public BackupDetails Details(DateTimeOffset now) => new()
    {
        BackupArn = Arn,
        BackupName = Name,
        BackupSizeBytes = SizeBytes,
        BackupStatus = Status(now),
        BackupType = Type,
        BackupCreationDateTime = Created,
        BackupExpiryDateTime = ExpiresAt,
    };

    public BackupSummary Summary(DateTimeOffset now) => new()
    {
        TableName = TableName,
        TableId = TableId,
        TableArn = TableArn,
        BackupArn = Arn,
        BackupName = Name,
        BackupCreationDateTime = Created,
        BackupExpiryDateTime = ExpiresAt,
        BackupStatus = Status(now),
        BackupType = Type,
        BackupSizeBytes = SizeBytes,
    };

    public BackupDescription Description(DateTimeOffset now) => new()
    {
        BackupDetails = Details(now),
        SourceTableDetails = new SourceTableDetails
        {
            TableName = TableName,
            TableId = TableId,
            TableArn = TableArn,
            TableSizeBytes = SizeBytes,
            KeySchema = Definition.KeySchema,
            TableCreationDateTime = TableCreated,
            ProvisionedThroughput = Definition.ProvisionedThroughput ?? new ProvisionedThroughput { ReadCapacityUnits = 0, WriteCapacityUnits = 0 },
            OnDemandThroughput = Definition.OnDemandThroughput,
            ItemCount = Items.Count,
            BillingMode = Definition.BillingMode,
        },
        SourceTableFeatureDetails = new SourceTableFeatureDetails
        {
            LocalSecondaryIndexes = Definition.LocalSecondaryIndexes?.Select(l => new LocalSecondaryIndexInfo
            {
                IndexName = l.IndexName,
                KeySchema = l.KeySchema,
                Projection = l.Projection,
            }).ToList(),
            GlobalSecondaryIndexes = Definition.GlobalSecondaryIndexes?.Select(g => new GlobalSecondaryIndexInfo
            {
                IndexName = g.IndexName,
                KeySchema = g.KeySchema,
                Projection = g.Projection,
                ProvisionedThroughput = g.ProvisionedThroughput,
                OnDemandThroughput = g.OnDemandThroughput,
            }).ToList(),
            StreamDescription = StreamViewType is null ? null : new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType },
            TimeToLiveDescription = TimeToLiveAttribute is null ? null : new TimeToLiveDescription { TimeToLiveStatus = "ENABLED", AttributeName = TimeToLiveAttribute },
        },
    };
}
