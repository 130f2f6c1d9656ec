using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A table's schema as the CreateTable request that would make it again: what a backup keeps and
/// what a restore starts from, with the overrides a restore request may give.
/// </summary>
internal static class TableDefinition
{
    /// <summary>The schema of <paramref name="table"/>: key, attribute definitions, billing and the indexes not being deleted.</summary>
    public static CreateTableInput Of(Table table)
    {
        var provisioned = table.BillingMode == "PROVISIONED";
        var locals = table.Indexes.Where(i => !i.IsGlobal).Select(i => new LocalSecondaryIndex
        {
            IndexName = i.Name,
            KeySchema = Elements(i.Key),
            Projection = i.Projection,
        }).ToList();
        var globals = table.Indexes.Where(i => i.IsGlobal && i.Status != "DELETING").Select(i => new GlobalSecondaryIndex
        {
            IndexName = i.Name,
            KeySchema = Elements(i.Key),
            Projection = i.Projection,
            ProvisionedThroughput = provisioned ? new ProvisionedThroughput { ReadCapacityUnits = i.ReadCapacityUnits, WriteCapacityUnits = i.WriteCapacityUnits } : null,
            OnDemandThroughput = i.OnDemandThroughput,
        }).ToList();
        return new CreateTableInput
        {
            AttributeDefinitions = [.. table.AttributeDefinitions],
            KeySchema = Elements(table.Key),
            BillingMode = table.BillingMode,
            ProvisionedThroughput = provisioned ? new ProvisionedThroughput { ReadCapacityUnits = table.ReadCapacityUnits, WriteCapacityUnits = table.WriteCapacityUnits } : null,
            OnDemandThroughput = table.OnDemandThroughput,
            LocalSecondaryIndexes = locals.Count > 0 ? locals : null,
            GlobalSecondaryIndexes = globals.Count > 0 ? globals : null,
        };
    }

    /// <summary>
    /// The CreateTable request of a restore to <paramref name="target"/>: the kept schema with the
    /// request's overrides. Index overrides replace the kept indexes (they may leave some out); a
    /// billing override to on-demand drops every provisioned throughput. Attribute definitions no key
    /// uses any more are dropped, as DynamoDB requires.
    /// </summary>
    public static CreateTableInput ForRestore(CreateTableInput kept, string target, string? billingOverride,
        List<GlobalSecondaryIndex>? globalOverride, List<LocalSecondaryIndex>? localOverride,
        ProvisionedThroughput? throughputOverride, OnDemandThroughput? onDemandOverride)
    {
        var billing = billingOverride ?? kept.BillingMode ?? "PROVISIONED";
        var onDemand = billing == "PAY_PER_REQUEST";
        var globals = (globalOverride ?? kept.GlobalSecondaryIndexes)?.Select(g => new GlobalSecondaryIndex
        {
            IndexName = g.IndexName,
            KeySchema = g.KeySchema,
            Projection = g.Projection,
            ProvisionedThroughput = onDemand ? null : g.ProvisionedThroughput ?? throughputOverride,
            OnDemandThroughput = g.OnDemandThroughput,
        }).ToList();
        var locals = localOverride ?? kept.LocalSecondaryIndexes;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in kept.KeySchema!.Concat(globals?.SelectMany(g => g.KeySchema!) ?? []).Concat(locals?.SelectMany(l => l.KeySchema!) ?? []))
        {
            used.Add(element.AttributeName!);
        }
        return new CreateTableInput
        {
            TableName = target,
            AttributeDefinitions = kept.AttributeDefinitions!.Where(d => used.Contains(d.AttributeName!)).ToList(),
            KeySchema = kept.KeySchema,
            BillingMode = billing,
            ProvisionedThroughput = onDemand ? null : throughputOverride ?? kept.ProvisionedThroughput,
            OnDemandThroughput = onDemandOverride ?? (onDemand ? kept.OnDemandThroughput : null),
            GlobalSecondaryIndexes = globals is { Count: > 0 } ? globals : null,
            LocalSecondaryIndexes = locals is { Count: > 0 } ? locals : null,
        };
    }

    private static List<KeySchemaElement> Elements(KeySchema key) => key.Attributes
        .Select((a, i) => new KeySchemaElement { AttributeName = a.Name, KeyType = key.KeyTypeAt(i) })
        .ToList();
}
