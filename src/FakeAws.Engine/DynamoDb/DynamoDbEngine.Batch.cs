using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Expressions;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Batches: BatchGetItem and BatchWriteItem. Every key and item is checked before anything is read or written.
internal sealed partial class DynamoDbEngine
{
    private const int MaxBatchGetKeys = 100;
    private const int MaxBatchWriteRequests = 25;

    /// <summary>The most a BatchGetItem answers with; keys past it come back as UnprocessedKeys.</summary>
    public const int MaxBatchGetBytes = 16 * 1024 * 1024;

    public BatchGetItemOutput BatchGetItem(RequestScope scope, BatchGetItemInput input)
    {
        var requests = new List<(string Name, KeysAndAttributes Request, RequestExpressions? Expressions)>();
        var keyCount = 0;
        TableNames.ValidateBatchGet(input.RequestItems!);
        RejectMixedProjections(input.RequestItems!.Values);
        foreach (var (name, request) in input.RequestItems!)
        {
            foreach (var key in request.Keys!)
            {
                ValueChecks.Current.Check(key);
            }
            var expressions = request.ProjectionExpression is null && request.AttributesToGet is null && request.ExpressionAttributeNames is null
                ? null
                : _expressions.Compile(new ExpressionInputs
                {
                    ProjectionExpression = request.ProjectionExpression,
                    ExpressionAttributeNames = request.ExpressionAttributeNames,
                    AttributesToGet = request.AttributesToGet,
                }, ExpressionOperation.GetItem);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in request.Keys!)
            {
                if (!seen.Add(KeyText(key)))
                {
                    throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
                }
                if (++keyCount > MaxBatchGetKeys)
                {
                    throw DynamoDbErrors.Validation("Too many items requested for the BatchGetItem call");
                }
            }
            requests.Add((name, request, expressions));
        }
        var reads = requests.Select(r =>
        {
            var table = GetTable(scope, r.Name);
            r.Expressions?.CheckKeySchema(table.Key);
            return (r.Name, r.Request, r.Expressions, Table: table, Keys: r.Request.Keys!.Select(k => ItemKeys.OfRequest(table.Key, k)).ToList());
        }).ToList();

        var responses = new Dictionary<string, List<Dictionary<string, AttributeValue>>>(StringComparer.Ordinal);
        var unprocessed = new Dictionary<string, KeysAndAttributes>(StringComparer.Ordinal);
        var consumed = new List<Consumption>();
        var throttles = new List<ThrottlingReason>();
        var processed = 0;
        long answered = 0;
        foreach (var read in reads)
        {
            var items = responses[read.Name] = [];
            var consumption = new Consumption(read.Table.Name);
            consumed.Add(consumption);
            var consistent = read.Request.ConsistentRead ?? false;
            for (var i = 0; i < read.Keys.Count; i++)
            {
                IReadOnlyDictionary<string, AttributeValue>? item;
                lock (read.Table.Gate)
                {
                    // A throttled key comes back in UnprocessedKeys, as from AWS.
                    if (ReadThrottle(read.Table, null) is { } throttle)
                    {
                        throttles.Add(throttle);
                        Unprocessed(unprocessed, read.Name, read.Request).Keys!.Add(read.Request.Keys![i]);
                        continue;
                    }
                    item = read.Table.Get(read.Keys[i]);
                    Charge(read.Table, new Consumption(read.Table.Name) { Table = CapacityUnits.ForRead(item is null ? 0 : ItemSize.Of(item), consistent) }, write: false);
                }
                processed++;
                var returned = item is null ? null : read.Expressions?.Projection?.Apply(item) ?? Copy(item);
                var size = returned is null ? 0 : ItemSize.Of(returned);
                if (answered + size > MaxBatchGetBytes)
                {
                    Unprocessed(unprocessed, read.Name, read.Request).Keys!.Add(read.Request.Keys![i]);
                    continue;
                }
                answered += size;
                consumption.Table += CapacityUnits.ForRead(item is null ? 0 : ItemSize.Of(item), consistent);
                if (returned is not null)
                {
                    items.Add(returned);
                }
            }
        }
        if (processed == 0 && throttles.Count > 0)
        {
            throw DynamoDbErrors.ProvisionedThroughputExceeded(reads[0].Table.Throughput?.Provisioned ?? true, throttles.DistinctBy(t => t.Resource).ToList(), batch: true);
        }
        return new BatchGetItemOutput
        {
            Responses = responses,
            UnprocessedKeys = unprocessed,
            ConsumedCapacity = Reports(consumed, input.ReturnConsumedCapacity),
        };
    }

    public BatchWriteItemOutput BatchWriteItem(RequestScope scope, BatchWriteItemInput input)
    {
        var total = 0;
        TableNames.ValidateBatchWrite(input.RequestItems!);
        foreach (var (_, requests) in input.RequestItems!)
        {
            foreach (var request in requests)
            {
                if ((request.PutRequest is null) == (request.DeleteRequest is null))
                {
                    throw DynamoDbErrors.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                }
                ValueChecks.Older.Check(request.PutRequest?.Item ?? request.DeleteRequest!.Key);
                if (request.PutRequest is { } put && ItemSize.Of(put.Item!) > ItemSize.MaxItemBytes)
                {
                    throw DynamoDbErrors.ItemTooLarge();
                }
            }
            total += requests.Count;
        }
        if (total > MaxBatchWriteRequests)
        {
            throw DynamoDbErrors.Validation("Too many items requested for the BatchWriteItem call");
        }

        var writes = new List<(Table Table, PrimaryKey Key, IReadOnlyDictionary<string, AttributeValue>? Item, int Size, WriteRequest Request)>();
        foreach (var (name, requests) in input.RequestItems)
        {
            var table = GetTable(scope, name);
            var seen = new HashSet<PrimaryKey>();
            foreach (var request in requests)
            {
                var (key, item) = request.PutRequest is { } put
                    ? (KeyOfBatchPut(table, put.Item!), put.Item)
                    : (ItemKeys.OfRequest(table.Key, request.DeleteRequest!.Key), null);
                if (!seen.Add(key))
                {
                    throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
                }
                writes.Add((table, key, item, item is null ? 0 : ItemSize.Of(item), request));
            }
        }
        foreach (var write in writes)
        {
            lock (write.Table.Gate)
            {
                if (write.Item is not null)
                {
                    write.Table.CheckIndexKeys(write.Item);
                }
            }
        }

        var consumed = new Dictionary<Table, Consumption>();
        var metrics = new Dictionary<string, List<ItemCollectionMetrics>>(StringComparer.Ordinal);
        var wantCapacity = CapacityUnits.Wanted(input.ReturnConsumedCapacity);
        var unprocessed = new Dictionary<string, List<WriteRequest>>(StringComparer.Ordinal);
        var throttles = new List<ThrottlingReason>();
        void Unprocessed(Table table, WriteRequest request) =>
            (unprocessed.TryGetValue(table.Name, out var list) ? list : unprocessed[table.Name] = []).Add(request);
        foreach (var write in writes)
        {
            lock (write.Table.Gate)
            {
                // A write of an item an in-flight transaction holds is rejected without waiting, as PutItem's
                // and DeleteItem's are; BatchWriteItem has no TransactionConflictException, so the rejected
                // write comes back in UnprocessedItems and the others go ahead.
                if (_holds.IsHeld(write.Table, write.Key))
                {
                    Unprocessed(write.Table, write.Request);
                    continue;
                }
                write.Table.CheckItemCollection(write.Key, write.Item, write.Size);
                var old = write.Table.Get(write.Key);
                var units = Measures(write.Table, input.ReturnConsumedCapacity) ? CapacityUnits.ForItemWrite(write.Table, old, write.Item) : null;
                // A throttled write comes back in UnprocessedItems, as from AWS.
                if (WriteThrottle(write.Table, units) is { } throttle)
                {
                    throttles.Add(throttle);
                    Unprocessed(write.Table, write.Request);
                    continue;
                }
                if (wantCapacity)
                {
                    var consumption = consumed.TryGetValue(write.Table, out var c) ? c : consumed[write.Table] = new Consumption(write.Table.Name);
                    CapacityUnits.ForItemWrite(write.Table, old, write.Item, into: consumption);
                }
                if (write.Item is not null || old is not null)
                {
                    write.Table.Write(write.Key, write.Item, write.Size);
                }
                Charge(write.Table, units, write: true);
                AddCollectionMetrics(metrics, write.Table, write.Key, input.ReturnItemCollectionMetrics);
            }
        }
        if (throttles.Count == writes.Count && throttles.Count > 0)
        {
            throw DynamoDbErrors.ProvisionedThroughputExceeded(writes[0].Table.Throughput?.Provisioned ?? true, throttles.DistinctBy(t => t.Resource).ToList(), batch: true);
        }
        return new BatchWriteItemOutput
        {
            UnprocessedItems = unprocessed,
            ItemCollectionMetrics = metrics.Count > 0 ? metrics : null,
            ConsumedCapacity = Reports(consumed.Values, input.ReturnConsumedCapacity),
        };
    }

    // The tables of one BatchGetItem project one way: expressions or AttributesToGet, never both across tables.
    private static void RejectMixedProjections(IEnumerable<KeysAndAttributes> requests)
    {
        var list = requests.ToList();
        if (list.Any(r => r.AttributesToGet is not null) && list.Any(r => r.ProjectionExpression is not null))
        {
            throw DynamoDbErrors.Validation(
                "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        }
    }

    // BatchWriteItem reports a put's missing or mistyped key as a key mismatch, unlike PutItem.
    private static PrimaryKey KeyOfBatchPut(Table table, IReadOnlyDictionary<string, AttributeValue> item)
    {
        try
        {
            return ItemKeys.OfNewItem(table.Key, item);
        }
        catch (AwsServiceException error) when (error.Message.Contains("Missing the key", StringComparison.Ordinal)
            || error.Message.Contains("Type mismatch for key", StringComparison.Ordinal))
        {
            throw DynamoDbErrors.KeySchemaMismatch();
        }
    }

    private static void AddCollectionMetrics(Dictionary<string, List<ItemCollectionMetrics>> metrics, Table table, in PrimaryKey key, string? returnMetrics)
    {
        if (CollectionMetrics(table, key, returnMetrics) is not { } metric)
        {
            return;
        }
        if (!metrics.TryGetValue(table.Name, out var list))
        {
            metrics[table.Name] = list = [];
        }
        var hash = key.Hash;
        list.RemoveAll(m => m.ItemCollectionKey!.Values.First().Equals(hash));
        list.Add(metric);
    }

    private static KeysAndAttributes Unprocessed(Dictionary<string, KeysAndAttributes> unprocessed, string table, KeysAndAttributes request)
    {
        if (!unprocessed.TryGetValue(table, out var keys))
        {
            unprocessed[table] = keys = new KeysAndAttributes
            {
                Keys = [],
                AttributesToGet = request.AttributesToGet,
                ConsistentRead = request.ConsistentRead,
                ProjectionExpression = request.ProjectionExpression,
                ExpressionAttributeNames = request.ExpressionAttributeNames,
            };
        }
        return keys;
    }

    /// <summary>One ConsumedCapacity per table, or null when not asked for.</summary>
    private static List<ConsumedCapacity>? Reports(IEnumerable<Consumption> consumed, string? returnConsumedCapacity) =>
        CapacityUnits.Wanted(returnConsumedCapacity) ? consumed.Select(c => c.ToReport(returnConsumedCapacity)!).ToList() : null;

    /// <summary>A key as text for duplicate checks before the table's schema is known: names sorted, values canonical.</summary>
    private static string KeyText(IReadOnlyDictionary<string, AttributeValue> key) =>
        string.Join("\u0001", key.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}\u0002{Fingerprints.Of(kv.Value)}"));
}
