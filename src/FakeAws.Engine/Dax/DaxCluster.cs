using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.Dax;

/// <summary>
/// One DAX cluster in front of the DynamoDB engine, with the consistency model of AWS's "DAX and
/// DynamoDB consistency models" page: GetItem and BatchGetItem read through the item cache (table and
/// key), Query and Scan through the query cache (the whole request); misses read DynamoDB eventually
/// consistently and cache what they read, "not found" included; entries live for their TTL from when
/// they were cached. Writes go to DynamoDB first and, only when they succeed, update the primary's
/// item cache, which reaches the read replicas after the replica lag; they never touch the query
/// cache. Strongly consistent reads and TransactGetItems pass through uncached. Everything else is
/// refused, as DAX's clients refuse table management.
/// </summary>
internal sealed class DaxCluster
{
    private readonly DynamoDbEngine _dynamoDb;
    private readonly VirtualClock _clock;
    private DaxNode[] _nodes;
    private readonly object _gate = new();
    private long _reads;

    public DaxCluster(string name, string accountId, string region, DaxClusterOptions options, DynamoDbEngine dynamoDb, VirtualClock clock)
    {
        options.Validate();
        Name = name;
        AccountId = accountId;
        Region = region;
        Options = options.Clone();
        _dynamoDb = dynamoDb;
        _clock = clock;
        _nodes = Enumerable.Range(0, Options.Nodes).Select(_ => new DaxNode(Options.CacheSizeBytes)).ToArray();
    }

    public string Name { get; }

    public string AccountId { get; }

    /// <summary>The cluster's region: it serves only that region's tables.</summary>
    public string Region { get; }

    public DaxClusterOptions Options { get; }

    /// <summary>An item-cache key: one item of one table, whatever the request projects.</summary>
    private sealed record ItemEntry(string TableArn, PrimaryKey Key);

    /// <summary>A query-cache key: the whole request.</summary>
    private sealed record QueryEntry(string Request);

    /// <summary>
    /// DynamoDB's operations as this cluster answers them, bound like the engine's own
    /// (<c>ServiceModel.Bind</c>), so both front doors validate and encode requests as DynamoDB does.
    /// </summary>
    public IReadOnlyList<OperationBinding> Bind(IReadOnlyList<OperationBinding> dynamoDb) =>
        dynamoDb.Select(binding => new OperationBinding(binding.Model, Invoker(binding))).ToList();

    private OperationInvoker Invoker(OperationBinding binding) => binding.Model.Name switch
    {
        "GetItem" => (scope, input, _) => new(GetItem(Here(scope), (GetItemInput)input)),
        "BatchGetItem" => (scope, input, _) => new(BatchGetItem(Here(scope), (BatchGetItemInput)input)),
        "Query" => (scope, input, _) =>
        {
            var query = (QueryInput)input;
            return new(CachedQuery(Here(scope), "Query", query.TableName, query.ConsistentRead, query, s => _dynamoDb.Query(s, query), o => o.Items));
        },
        "Scan" => (scope, input, _) =>
        {
            var scan = (ScanInput)input;
            return new(CachedQuery(Here(scope), "Scan", scan.TableName, scan.ConsistentRead, scan, s => _dynamoDb.Scan(s, scan), o => o.Items));
        },
        "PutItem" => (scope, input, _) =>
        {
            var put = (PutItemInput)input;
            return new(Write(Here(scope), [put.TableName], s => _dynamoDb.PutItem(s, put), [(put.TableName, put.Item, true)]));
        },
        "UpdateItem" => (scope, input, _) =>
        {
            var update = (UpdateItemInput)input;
            return new(Write(Here(scope), [update.TableName], s => _dynamoDb.UpdateItem(s, update), [(update.TableName, update.Key, false)]));
        },
        "DeleteItem" => (scope, input, _) =>
        {
            var delete = (DeleteItemInput)input;
            return new(Write(Here(scope), [delete.TableName], s => _dynamoDb.DeleteItem(s, delete), [(delete.TableName, delete.Key, false)]));
        },
        "BatchWriteItem" => (scope, input, _) =>
        {
            var batch = (BatchWriteItemInput)input;
            var written = (batch.RequestItems ?? []).SelectMany(table => table.Value.Select(request => request.PutRequest is { } put
                ? ((string?)table.Key, put.Item, true)
                : (table.Key, request.DeleteRequest?.Key, false))).ToList();
            return new(Write(Here(scope), written.Select(w => w.Item1), s => _dynamoDb.BatchWriteItem(s, batch), written));
        },
        "TransactWriteItems" => (scope, input, _) =>
        {
            var transaction = (TransactWriteItemsInput)input;
            var written = (transaction.TransactItems ?? []).Select(item => item switch
            {
                { Put: { } put } => (put.TableName, put.Item, true),
                { Update: { } update } => (update.TableName, update.Key, false),
                { Delete: { } delete } => (delete.TableName, delete.Key, false),
                _ => ((string?)null, (Dictionary<string, AttributeValue>?)null, false),
            }).Where(w => w.Item1 is not null).ToList();
            return new(Write(Here(scope), written.Select(w => w.Item1), s => _dynamoDb.TransactWriteItems(s, transaction), written));
        },
        "TransactGetItems" => (scope, input, _) =>
        {
            var transaction = (TransactGetItemsInput)input;
            var here = Here(scope);
            CheckRegion(here, (transaction.TransactItems ?? []).Select(item => item.Get?.TableName));
            return new(_dynamoDb.TransactGetItems(here, transaction));
        },
        var other => (_, _, _) => throw DaxErrors.NotImplemented(other),
    };

    /// <summary>The cluster reads and writes its own account's tables in its own region, whatever the client's region.</summary>
    private RequestScope Here(RequestScope scope) => scope with { AccountId = AccountId, Region = Region };

    private GetItemOutput GetItem(RequestScope scope, GetItemInput input)
    {
        CheckRegion(scope, [input.TableName]);
        if (input.ConsistentRead == true || _dynamoDb.ItemAddress(scope, input.TableName, input.Key) is not { } address)
        {
            return _dynamoDb.GetItem(scope, input);
        }
        var projection = _dynamoDb.RequestedProjection(input.ProjectionExpression, input.ExpressionAttributeNames, input.AttributesToGet);
        var entry = new ItemEntry(address.TableArn, address.Key);
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var cache = ReadNode().At(now);
            if (cache.TryGet(entry, now, out var cached))
            {
                return new GetItemOutput { Item = Project((Dictionary<string, AttributeValue>?)cached, projection) };
            }
            var output = _dynamoDb.GetItem(scope, input);
            Fill(cache, scope, entry, now);
            return output;
        }
    }

    private BatchGetItemOutput BatchGetItem(RequestScope scope, BatchGetItemInput input)
    {
        var requested = input.RequestItems ?? [];
        CheckRegion(scope, requested.Keys);
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var cache = ReadNode().At(now);
            var found = new Dictionary<string, List<Dictionary<string, AttributeValue>>>(StringComparer.Ordinal);
            var missing = new Dictionary<string, KeysAndAttributes>(StringComparer.Ordinal);
            foreach (var (table, keys) in requested)
            {
                if (keys.ConsistentRead == true)
                {
                    missing[table] = keys;
                    continue;
                }
                var projection = _dynamoDb.RequestedProjection(keys.ProjectionExpression, keys.ExpressionAttributeNames, keys.AttributesToGet);
                var misses = new List<Dictionary<string, AttributeValue>>();
                foreach (var key in keys.Keys ?? [])
                {
                    if (_dynamoDb.ItemAddress(scope, table, key) is { } address && cache.TryGet(new ItemEntry(address.TableArn, address.Key), now, out var cached))
                    {
                        if (Project((Dictionary<string, AttributeValue>?)cached, projection) is { } item)
                        {
                            Add(found, table, item);
                        }
                    }
                    else
                    {
                        misses.Add(key);
                    }
                }
                if (misses.Count > 0)
                {
                    missing[table] = new KeysAndAttributes
                    {
                        Keys = misses,
                        AttributesToGet = keys.AttributesToGet,
                        ConsistentRead = keys.ConsistentRead,
                        ProjectionExpression = keys.ProjectionExpression,
                        ExpressionAttributeNames = keys.ExpressionAttributeNames,
                    };
                }
            }
            // A request answered wholly from the cache never reaches DynamoDB; one that is invalid always does, and fails there.
            var output = missing.Count == 0 && requested.Count > 0
                ? new BatchGetItemOutput { Responses = [], UnprocessedKeys = [] }
                : _dynamoDb.BatchGetItem(scope, new BatchGetItemInput { RequestItems = missing, ReturnConsumedCapacity = input.ReturnConsumedCapacity });
            foreach (var (table, keys) in missing.Where(m => m.Value.ConsistentRead != true))
            {
                var unprocessed = (output.UnprocessedKeys?.GetValueOrDefault(table)?.Keys ?? [])
                    .Select(key => _dynamoDb.ItemAddress(scope, table, key)).ToHashSet();
                foreach (var key in keys.Keys!)
                {
                    if (_dynamoDb.ItemAddress(scope, table, key) is { } address && !unprocessed.Contains(address))
                    {
                        Fill(cache, scope, new ItemEntry(address.TableArn, address.Key), now);
                    }
                }
            }
            output.Responses ??= [];
            foreach (var (table, items) in found)
            {
                foreach (var item in items)
                {
                    Add(output.Responses, table, item);
                }
            }
            return output;
        }
    }

    private T CachedQuery<T>(RequestScope scope, string operation, string? table, bool? consistentRead, object input, Func<RequestScope, T> read, Func<T, List<Dictionary<string, AttributeValue>>?> items)
        where T : class
    {
        CheckRegion(scope, [table]);
        if (consistentRead == true)
        {
            return read(scope);
        }
        var entry = new QueryEntry(DaxRequestKey.Of(operation, input));
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var cache = ReadNode().At(now);
            if (cache.TryGet(entry, now, out var cached))
            {
                return (T)cached!;
            }
            var output = read(scope);
            var size = entry.Request.Length + (items(output) ?? []).Sum(item => (long)ItemSize.Of(item));
            cache.Set(entry, output, now + Options.QueryCacheTtl, size);
            return output;
        }
    }

    /// <summary>
    /// Runs a write on DynamoDB and, only when it succeeds, writes the items it touched through the
    /// primary's item cache; the read replicas receive the same updates after the replica lag.
    /// </summary>
    private T Write<T>(RequestScope scope, IEnumerable<string?> tables, Func<RequestScope, T> write, IReadOnlyList<(string? Table, Dictionary<string, AttributeValue>? KeyOrItem, bool WholeItem)> written)
    {
        CheckRegion(scope, tables);
        lock (_gate)
        {
            var output = write(scope);
            var now = _clock.GetUtcNow();
            var expires = now + Options.ItemCacheTtl;
            foreach (var (table, keyOrItem, wholeItem) in written)
            {
                if (_dynamoDb.ItemAddress(scope, table, keyOrItem, wholeItem) is not { } address)
                {
                    continue;
                }
                var entry = new ItemEntry(address.TableArn, address.Key);
                var item = _dynamoDb.CommittedItem(scope, address.TableArn, address.Key);
                var size = SizeOf(item);
                void Update(DaxCache cache) => cache.Set(entry, item, expires, size);
                Update(_nodes[0].At(now));
                foreach (var replica in _nodes.Skip(1))
                {
                    replica.Receive(now + Options.ReplicaLag, Update);
                }
            }
            return output;
        }
    }

    /// <summary>Caches what a miss read on the node that missed: the whole item, or "not found".</summary>
    private void Fill(DaxCache cache, RequestScope scope, ItemEntry entry, DateTimeOffset now)
    {
        var item = _dynamoDb.CommittedItem(scope, entry.TableArn, entry.Key);
        cache.Set(entry, item, now + Options.ItemCacheTtl, SizeOf(item));
    }

    /// <summary>The node a read goes to: the nodes in turn, so reads spread deterministically across the cluster.</summary>
    private DaxNode ReadNode() => _nodes[(int)(_reads++ % _nodes.Length)];

    private void CheckRegion(RequestScope scope, IEnumerable<string?> tables)
    {
        foreach (var table in tables)
        {
            if (table is not null && TableNames.Resolve(scope, table).Scope is var home && (home.Region != Region || home.AccountId != AccountId))
            {
                throw DaxErrors.OtherRegion(Name, Region, table);
            }
        }
    }

    /// <summary>Empties one node's cache, as a reboot does.</summary>
    public void ClearNode(int index)
    {
        lock (_gate)
        {
            if (index < _nodes.Length)
            {
                _nodes[index].Clear();
            }
        }
    }

    /// <summary>Changes the replication factor: kept nodes keep their caches, new replicas start empty.</summary>
    public void Resize(int nodes)
    {
        lock (_gate)
        {
            _nodes = _nodes.Take(nodes).Concat(Enumerable.Range(0, Math.Max(0, nodes - _nodes.Length)).Select(_ => new DaxNode(Options.CacheSizeBytes))).ToArray();
        }
    }

    private static Dictionary<string, AttributeValue>? Project(Dictionary<string, AttributeValue>? item, FakeAws.Engine.DynamoDb.Expressions.Projection? projection) =>
        item is null || projection is null ? item : projection.Apply(item);

    // Every entry costs its key and bookkeeping as well as its item; a cached "not found" costs that alone.
    private const long EntryOverhead = 64;

    private static long SizeOf(Dictionary<string, AttributeValue>? item) => EntryOverhead + (item is null ? 0 : ItemSize.Of(item));

    private static void Add(Dictionary<string, List<Dictionary<string, AttributeValue>>> responses, string table, Dictionary<string, AttributeValue> item)
    {
        if (!responses.TryGetValue(table, out var items))
        {
            responses[table] = items = [];
        }
        items.Add(item);
    }
}
