using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Secondary indexes in the control plane: UpdateTable's GlobalSecondaryIndexUpdates and their descriptions.
internal sealed partial class DynamoDbEngine
{
    /// <summary>What an UpdateTable does to the table's global indexes.</summary>
    private sealed record IndexChange(IndexDefinition? Create, SecondaryIndex? Delete, List<(SecondaryIndex Index, ProvisionedThroughput Throughput)> Updates);

    /// <summary>
    /// Adds, drops or re-provisions global indexes. A new index is filled from the table at once and
    /// stays CREATING (backfilling) for <see cref="DynamoDbOptions.TableStatusDelay"/>; a dropped one
    /// stops serving at once and is listed as DELETING for as long; a re-provisioned one is UPDATING
    /// for as long. The caller holds the table's lock.
    /// </summary>
    private void ApplyIndexUpdate(Table table, IndexChange change, List<AttributeDefinition>? definitions)
    {
        foreach (var (index, throughput) in change.Updates)
        {
            index.ReadCapacityUnits = throughput.ReadCapacityUnits ?? index.ReadCapacityUnits;
            index.WriteCapacityUnits = throughput.WriteCapacityUnits ?? index.WriteCapacityUnits;
            SetIndexStatus(table, index, "UPDATING", () => index.Status = "ACTIVE");
        }
        if (change.Create is { } create)
        {
            foreach (var attribute in create.Key.Attributes)
            {
                if (!table.AttributeDefinitions.Any(d => d.AttributeName == attribute.Name))
                {
                    table.AttributeDefinitions.Add(definitions!.First(d => d.AttributeName == attribute.Name));
                }
            }
            var index = create.Create(table.Key, table.Arn);
            table.AddIndex(index);
            SetIndexStatus(table, index, "CREATING", () =>
            {
                index.Status = "ACTIVE";
                index.Backfilling = false;
            });
        }
        if (change.Delete is { } deleted)
        {
            SetIndexStatus(table, deleted, "DELETING", () => table.RemoveIndex(deleted));
            var stillUsed = table.Key.Attributes.Concat(table.Indexes.Where(i => i != deleted).SelectMany(i => i.Key.Attributes)).Select(a => a.Name).ToHashSet();
            table.AttributeDefinitions.RemoveAll(d => !stillUsed.Contains(d.AttributeName!));
        }
    }

    // A passing index status for the configured delay, then the final step; with no delay, the final step at once.
    private void SetIndexStatus(Table table, SecondaryIndex index, string passing, Action complete)
    {
        if (Options.TableStatusDelay <= TimeSpan.Zero)
        {
            complete();
            return;
        }
        index.Status = passing;
        index.Backfilling = passing == "CREATING";
        _cloud.Scheduler.Schedule(_cloud.Now + Options.TableStatusDelay, () =>
        {
            lock (table.Gate)
            {
                complete();
            }
        }, $"{table.Name} index {index.Name} {passing}");
    }

    /// <summary>The checks of GlobalSecondaryIndexUpdates, in DynamoDB's order; null when the request has none.</summary>
    private static class IndexUpdates
    {
        public static IndexChange? Validate(Table table, UpdateTableInput input)
        {
            if (input.GlobalSecondaryIndexUpdates is not { Count: > 0 } updates)
            {
                return null;
            }
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var update in updates)
            {
                var actions = (update.Create is null ? 0 : 1) + (update.Update is null ? 0 : 1) + (update.Delete is null ? 0 : 1);
                if (actions == 0)
                {
                    throw DynamoDbErrors.Validation(
                        "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
                }
                if (actions > 1)
                {
                    throw DynamoDbErrors.Validation(
                        "One or more parameter values were invalid: Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
                }
                var name = update.Create?.IndexName ?? update.Update?.IndexName ?? update.Delete!.IndexName!;
                if (!names.Add(name))
                {
                    throw DynamoDbErrors.Validation(
                        $"One or more parameter values were invalid: Only one global secondary index update per index is allowed simultaneously. Index: {name}");
                }
            }
            var structural = updates.Count(u => u.Create is not null || u.Delete is not null);
            if (structural > 1 || (structural == 1 && table.Indexes.Any(i => i.Status is "CREATING" or "DELETING")))
            {
                throw DynamoDbErrors.LimitExceeded("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
            }
            IndexDefinition? create = null;
            SecondaryIndex? delete = null;
            var throughputs = new List<(SecondaryIndex, ProvisionedThroughput)>();
            foreach (var update in updates)
            {
                if (update.Create is { } creation)
                {
                    create = IndexDefinition.ValidateCreate(creation, table, input.AttributeDefinitions);
                }
                else if (update.Delete is { } deletion)
                {
                    delete = Existing(table, deletion.IndexName!, "delete");
                }
                else if (update.Update!.ProvisionedThroughput is { } throughput)
                {
                    throughputs.Add((Existing(table, update.Update.IndexName!, "update"), throughput));
                }
            }
            return new IndexChange(create, delete, throughputs);
        }

        private static SecondaryIndex Existing(Table table, string name, string verb)
        {
            var index = table.Index(name);
            if (index is { IsGlobal: false })
            {
                throw DynamoDbErrors.Validation($"Cannot {verb} an index that is not a GlobalSecondaryIndex: {name}");
            }
            return index is { Status: not "DELETING" } ? index : throw DynamoDbErrors.IndexNotFound(name);
        }
    }

    private static List<LocalSecondaryIndexDescription>? DescribeLocalIndexes(Table table)
    {
        var locals = table.Indexes.Where(i => !i.IsGlobal).ToList();
        return locals.Count == 0 ? null : locals.Select(index => new LocalSecondaryIndexDescription
        {
            IndexName = index.Name,
            KeySchema = KeySchemaElements(index.Key),
            Projection = index.Projection,
            IndexSizeBytes = index.Store.SizeBytes,
            ItemCount = index.Store.Count,
            IndexArn = index.Arn,
        }).ToList();
    }

    private static List<GlobalSecondaryIndexDescription>? DescribeGlobalIndexes(Table table)
    {
        var globals = table.Indexes.Where(i => i.IsGlobal).ToList();
        return globals.Count == 0 ? null : globals.Select(index => new GlobalSecondaryIndexDescription
        {
            IndexName = index.Name,
            KeySchema = KeySchemaElements(index.Key),
            Projection = index.Projection,
            IndexStatus = index.Status,
            Backfilling = index.Backfilling ? true : null,
            ProvisionedThroughput = new ProvisionedThroughputDescription
            {
                ReadCapacityUnits = index.ReadCapacityUnits,
                WriteCapacityUnits = index.WriteCapacityUnits,
                NumberOfDecreasesToday = 0,
            },
            IndexSizeBytes = index.Store.SizeBytes,
            ItemCount = index.Store.Count,
            IndexArn = index.Arn,
            OnDemandThroughput = index.OnDemandThroughput,
        }).ToList();
    }

    private static List<KeySchemaElement> KeySchemaElements(KeySchema key) => key.Attributes
        .Select((a, i) => new KeySchemaElement { AttributeName = a.Name, KeyType = key.KeyTypeAt(i) })
        .ToList();
}
