using FakeAws.Engine.DynamoDb.Expressions;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// What a Query or Scan reads: a table, or one of its secondary indexes, with the checks DynamoDB
/// makes on the choice (the index exists, no consistent read of a global index, Select and the
/// projection fit what the index holds) and the ordered walk over its items.
/// </summary>
internal sealed class ReadSource
{
    private ReadSource(Table table, SecondaryIndex? index)
    {
        Table = table;
        Index = index;
    }

    public Table Table { get; }

    /// <summary>The index read, or null for the table itself.</summary>
    public SecondaryIndex? Index { get; }

    /// <summary>The key the read is ordered and keyed by.</summary>
    public KeySchema Key => Index?.Key ?? Table.Key;

    public ItemStore Store => Index?.Store ?? Table.Items;

    /// <summary>Whether each item must be read from the table: a local index lacking attributes the request needs.</summary>
    public bool FetchFromTable { get; private set; }

    /// <summary>The attributes a LastEvaluatedKey holds: the table's key, then the index's.</summary>
    public IReadOnlyList<KeyAttribute> StartKeyAttributes =>
        Index is null ? Table.Key.Attributes.ToList() : Table.Key.Attributes.Concat(Index.Key.Attributes.Where(a => !Table.Key.Contains(a.Name))).ToList();

    /// <summary>
    /// The table or index a request names, checked as DynamoDB checks it. The caller holds the table's
    /// lock, as the set of indexes can change.
    /// </summary>
    public static ReadSource For(Table table, string? indexName, bool? consistentRead)
    {
        if (indexName is null)
        {
            return new ReadSource(table, null);
        }
        var index = table.ReadableIndex(indexName) ?? throw DynamoDbErrors.Validation($"The table does not have the specified index: {indexName}");
        if (index.IsGlobal && consistentRead == true)
        {
            throw DynamoDbErrors.Validation("Consistent reads are not supported on global secondary indexes");
        }
        if (index.Backfilling)
        {
            throw DynamoDbErrors.Validation($"Cannot read from backfilling global secondary index: {indexName}");
        }
        return new ReadSource(table, index);
    }

    /// <summary>
    /// The checks of Select and ProjectionExpression that need no table, in DynamoDB's order.
    /// </summary>
    /// <param name="select">The request's Select.</param>
    /// <param name="projectionMember">"ProjectionExpression" or "AttributesToGet" when the request has one, else null.</param>
    /// <param name="indexName">The request's IndexName.</param>
    /// <param name="isQuery">Query (true) or Scan; their messages differ.</param>
    public static void CheckSelect(string? select, string? projectionMember, string? indexName, bool isQuery)
    {
        if (projectionMember is not null)
        {
            var chosen = select switch
            {
                "ALL_ATTRIBUTES" => "ALL_ATTRIBUTES",
                "ALL_PROJECTED_ATTRIBUTES" => "ALL_PROJECTED_ATTRIBUTES",
                "COUNT" => "only the Count",
                _ => null,
            };
            if (chosen is not null)
            {
                throw DynamoDbErrors.Validation($"Cannot specify the {projectionMember} when choosing to get {chosen}");
            }
        }
        else if (select == "SPECIFIC_ATTRIBUTES")
        {
            // Query words this one as a constraint violation; Scan does not.
            const string message = "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES";
            throw DynamoDbErrors.Validation(isQuery ? $"1 validation error detected: {message}" : message);
        }
        if (select == "ALL_PROJECTED_ATTRIBUTES" && indexName is null)
        {
            throw DynamoDbErrors.Validation($"ALL_PROJECTED_ATTRIBUTES can be used only when {(isQuery ? "Querying" : "Scanning")} using an IndexName");
        }
    }

    /// <summary>
    /// The checks of Select and the projection against the index: a global index can only return what
    /// it projects; a local one fetches the rest from the table.
    /// </summary>
    public void CheckProjection(string? select, RequestExpressions expressions)
    {
        if (Index is null || Index.ProjectsAll)
        {
            return;
        }
        var wanted = expressions.Projection?.TopLevelAttributes.ToList() ?? [];
        var missing = wanted.Where(name => !Index.Projects(name)).ToList();
        if (Index.IsGlobal)
        {
            if (select == "ALL_ATTRIBUTES")
            {
                throw DynamoDbErrors.Validation(
                    $"One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index {Index.Name} because its projection type is not ALL");
            }
            if (missing.Count > 0)
            {
                throw DynamoDbErrors.Validation(
                    $"One or more parameter values were invalid: Global secondary index {Index.Name} does not project [{string.Join(", ", missing)}]");
            }
            return;
        }
        FetchFromTable = select == "ALL_ATTRIBUTES" || missing.Count > 0 || expressions.FilterPaths.Any(path => !Index.Projects(path.Root));
    }

    /// <summary>The item a read returns for <paramref name="stored"/>: the index entry, or the table's item when it must be fetched.</summary>
    public IReadOnlyDictionary<string, AttributeValue> ItemOf(StoredItem stored) =>
        FetchFromTable ? Table.Get(stored.TableKey) ?? stored.Item : stored.Item;

    /// <summary>The LastEvaluatedKey of a page that ended at <paramref name="stored"/>.</summary>
    public Dictionary<string, AttributeValue> KeyOf(StoredItem stored)
    {
        var key = new Dictionary<string, AttributeValue>(4, StringComparer.Ordinal) { [Table.Key.Hash.Name] = stored.TableKey.Hash };
        if (Table.Key.Range is { } range)
        {
            key[range.Name] = stored.TableKey.Range!;
        }
        if (Index is not null)
        {
            foreach (var attribute in Index.Key.Attributes)
            {
                key[attribute.Name] = stored.Item[attribute.Name];
            }
        }
        return key;
    }

    /// <summary>
    /// The items of a Query, in order: a seek to the first item of the partition that the key
    /// condition and the start position allow, then a walk to the last, so the cost is O(log n + k).
    /// </summary>
    public IEnumerable<StoredItem> Query(KeyConditionSpec condition, bool forward, StartPosition? start)
    {
        var partition = Store.Partition(condition.PartitionKey);
        if (partition is null)
        {
            return [];
        }
        var items = partition.Items;
        var sortKey = condition.SortKey;
        Func<StoredItem, bool> belowRange = sortKey is null ? _ => false : stored => BelowRange(sortKey, stored.SortKey!);
        Func<StoredItem, bool> aboveRange = sortKey is null ? _ => false : stored => AboveRange(sortKey, stored.SortKey!);
        if (forward)
        {
            var from = start is { } after
                ? items.Seek(stored => belowRange(stored) || StoredItem.CompareTo(stored, after.SortKey, after.TableKey) <= 0)
                : items.Seek(belowRange);
            return items.Forward(from).TakeWhile(stored => !aboveRange(stored));
        }
        var before = start is { } last
            ? items.Seek(stored => !aboveRange(stored) && StoredItem.CompareTo(stored, last.SortKey, last.TableKey) < 0)
            : items.Seek(stored => !aboveRange(stored));
        return items.Backward(before).TakeWhile(stored => !belowRange(stored));
    }

    /// <summary>The items of a Scan (or of its segment), in scan order, after <paramref name="start"/>.</summary>
    public IEnumerable<StoredItem> Scan(ScanSegment segment, StartPosition? start)
    {
        foreach (var partition in Store.PartitionsFrom(start?.Hash, segment))
        {
            var from = start is { } after && partition.Hash.Equals(after.Hash)
                ? partition.Items.Seek(stored => StoredItem.CompareTo(stored, after.SortKey, after.TableKey) <= 0)
                : SortedChunkList<StoredItem>.Start;
            foreach (var stored in partition.Items.Forward(from))
            {
                yield return stored;
            }
        }
    }

    // Sort keys too small for the condition: they come before its first match.
    private static bool BelowRange(SortKeyCondition condition, AttributeValue sortKey)
    {
        if (condition.Prefix is { } prefix)
        {
            var order = condition.ComparePrefix(sortKey);
            if (order != 0)
            {
                return order < 0;
            }
            sortKey = sortKey.L[prefix.Count];
        }
        return BelowValue(condition, sortKey);
    }

    // Sort keys too large for the condition: they come after its last match.
    private static bool AboveRange(SortKeyCondition condition, AttributeValue sortKey)
    {
        if (condition.Prefix is { } prefix)
        {
            var order = condition.ComparePrefix(sortKey);
            if (order != 0)
            {
                return order > 0;
            }
            sortKey = sortKey.L[prefix.Count];
        }
        return AboveValue(condition, sortKey);
    }

    private static bool BelowValue(SortKeyCondition condition, AttributeValue sortKey) => condition.Operator switch
    {
        SortKeyOperator.LT or SortKeyOperator.LE => false,
        SortKeyOperator.GT => AttributeValue.CompareKeys(sortKey, condition.Value) <= 0,
        _ => AttributeValue.CompareKeys(sortKey, condition.Value) < 0,
    };

    private static bool AboveValue(SortKeyCondition condition, AttributeValue sortKey) => condition.Operator switch
    {
        SortKeyOperator.GT or SortKeyOperator.GE => false,
        SortKeyOperator.LT => AttributeValue.CompareKeys(sortKey, condition.Value) >= 0,
        SortKeyOperator.BETWEEN => AttributeValue.CompareKeys(sortKey, condition.UpperBound!) > 0,
        SortKeyOperator.BEGINS_WITH => AttributeValue.CompareKeys(sortKey, condition.Value) > 0 && !ValueSemantics.BeginsWith(sortKey, condition.Value),
        _ => AttributeValue.CompareKeys(sortKey, condition.Value) > 0,
    };
}

/// <summary>Where a page resumes: the position of its ExclusiveStartKey in the store read.</summary>
internal readonly record struct StartPosition(AttributeValue Hash, AttributeValue? SortKey, PrimaryKey TableKey);
