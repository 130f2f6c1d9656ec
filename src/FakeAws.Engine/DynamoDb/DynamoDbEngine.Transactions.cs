using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Expressions;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Transactions: TransactWriteItems and TransactGetItems. A write transaction first holds its items
// (ItemHolds), then locks every table it touches, always in the order the tables were created, so two
// transactions can never wait on each other. While it holds them, a write of one of its items is
// refused with TransactionConflictException, and another transaction that meets one is cancelled with
// the reason TransactionConflict, as DynamoDB refuses them ("Transaction conflict handling").
internal sealed partial class DynamoDbEngine
{
    /// <summary>The largest payload of a transaction: 4 MB.</summary>
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>How long a ClientRequestToken makes TransactWriteItems idempotent: 10 minutes.</summary>
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromMinutes(10);

    private const string NoReason = "None";

    /// <summary>The items in-flight write transactions hold.</summary>
    private readonly ItemHolds _holds = new();

    /// <summary>
    /// The ClientRequestTokens of transactions still running, with their requests' fingerprints. Kept
    /// apart from the regions' finished tokens, which snapshots take: a running transaction is not state.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Region Region, string Token), string> _tokensInFlight = new();

    public TransactWriteItemsOutput TransactWriteItems(RequestScope scope, TransactWriteItemsInput input)
    {
        var actions = input.TransactItems!.Select(item => WriteAction.Parse(item, _expressions)).ToList();
        if (actions.Sum(a => a.PayloadBytes) > MaxTransactionBytes)
        {
            throw TransactionTooLarge();
        }
        foreach (var action in actions)
        {
            // IAM has no transaction actions: each item is authorised as the operation it performs.
            action.Table = GetTable(scope, action.TableName, action.Kind switch
            {
                WriteKind.Put => "PutItem",
                WriteKind.Update => "UpdateItem",
                WriteKind.Delete => "DeleteItem",
                _ => "ConditionCheckItem",
            });
            action.Expressions?.CheckKeySchema(action.Table.Key);
            // An empty key value is refused before the transaction opens; other key faults cancel it.
            ItemKeys.RejectEmptyKeyValues(action.Table.Key, action.Item);
        }
        RefuseStrongTables(actions.Select(a => a.Table));
        RejectRepeatedItems(actions.Select(a => (a.Table, a.KeyOrNull())));
        if (input.ClientRequestToken is not { } token)
        {
            return ExecuteWrites(actions, input);
        }
        var region = _regions[scope];
        var fingerprint = Fingerprints.Of(input);
        lock (region.TransactionTokens)
        {
            var now = _cloud.Now;
            if (_tokensInFlight.TryGetValue((region, token), out var running))
            {
                throw running == fingerprint ? DynamoDbErrors.TransactionInProgress() : DynamoDbErrors.IdempotentParameterMismatch();
            }
            if (region.TransactionTokens.TryGetValue(token, out var earlier) && now - earlier.Completed <= IdempotencyWindow)
            {
                if (earlier.Fingerprint != fingerprint)
                {
                    throw DynamoDbErrors.IdempotentParameterMismatch();
                }
                // A replay changes nothing; AWS reports it as the reads it took to find that out.
                return new TransactWriteItemsOutput
                {
                    ConsumedCapacity = Reports(ReplayConsumption(actions), input.ReturnConsumedCapacity),
                    ItemCollectionMetrics = earlier.Output.ItemCollectionMetrics,
                };
            }
            _tokensInFlight[(region, token)] = fingerprint;
        }
        // The transaction runs outside the tokens' lock, so transactions under other tokens overlap
        // (and can conflict) as they do without one; a failed one leaves its token unused.
        TransactWriteItemsOutput? output = null;
        try
        {
            output = ExecuteWrites(actions, input);
            return output;
        }
        finally
        {
            lock (region.TransactionTokens)
            {
                _tokensInFlight.TryRemove((region, token), out _);
                if (output is not null)
                {
                    var now = _cloud.Now;
                    foreach (var expired in region.TransactionTokens.Where(t => now - t.Value.Completed > IdempotencyWindow).Select(t => t.Key).ToList())
                    {
                        region.TransactionTokens.Remove(expired);
                    }
                    region.TransactionTokens[token] = new IdempotentTransaction(fingerprint, now, output);
                }
            }
        }
    }

    public TransactGetItemsOutput TransactGetItems(RequestScope scope, TransactGetItemsInput input)
    {
        var gets = input.TransactItems!.Select(item =>
        {
            var get = item.Get!;
            TableNames.Validate(get.TableName);
            ValueChecks.Older.Check(get.Key);
            var expressions = get.ProjectionExpression is null && get.ExpressionAttributeNames is null
                ? null
                : _expressions.Compile(new ExpressionInputs
                {
                    ProjectionExpression = get.ProjectionExpression,
                    ExpressionAttributeNames = get.ExpressionAttributeNames,
                }, ExpressionOperation.GetItem);
            return (Get: get, Expressions: expressions);
        }).ToList();
        var tables = gets.Select(g =>
        {
            var table = GetTable(scope, g.Get.TableName, "GetItem");
            g.Expressions?.CheckKeySchema(table.Key);
            ItemKeys.RejectEmptyKeyValues(table.Key, g.Get.Key);
            return table;
        }).ToList();
        RefuseStrongTables(tables);
        var reads = gets.Select((g, i) => (Table: tables[i], Key: KeyOfGet(tables[i], g.Get.Key, gets.Count, i), g.Expressions)).ToList();
        RejectRepeatedItems(reads.Select(r => (r.Table, (PrimaryKey?)r.Key)));

        var found = new IReadOnlyDictionary<string, AttributeValue>?[reads.Count];
        using (LockInOrder(reads.Select(r => r.Table)))
        {
            // A read of an item that an in-flight write transaction holds cancels the whole read.
            if (reads.Any(r => _holds.IsHeld(r.Table, r.Key)))
            {
                throw DynamoDbErrors.TransactionCanceled(reads.Select(r => _holds.IsHeld(r.Table, r.Key) ? Conflict() : new CancellationReason { Code = NoReason }).ToList());
            }
            foreach (var table in reads.Select(r => r.Table).Distinct())
            {
                AdmitRead(table, null);
            }
            for (var i = 0; i < reads.Count; i++)
            {
                found[i] = reads[i].Table.Get(reads[i].Key);
                Charge(reads[i].Table, new Consumption(reads[i].Table.Name)
                {
                    Table = CapacityUnits.ForRead(found[i] is null ? 0 : ItemSize.Of(found[i]!), consistent: true, transactional: true),
                }, write: false);
            }
        }
        if (found.Sum(item => item is null ? 0L : ItemSize.Of(item)) > MaxTransactionBytes)
        {
            throw TransactionTooLarge();
        }
        var consumed = new Dictionary<Table, Consumption>();
        var responses = new List<ItemResponse>(reads.Count);
        for (var i = 0; i < reads.Count; i++)
        {
            var (table, _, expressions) = reads[i];
            var item = found[i];
            Consumer(consumed, table).Table += CapacityUnits.ForRead(item is null ? 0 : ItemSize.Of(item), consistent: true, transactional: true);
            responses.Add(new ItemResponse { Item = item is null ? null : expressions?.Projection?.Apply(item) ?? Copy(item) });
        }
        return new TransactGetItemsOutput { Responses = responses, ConsumedCapacity = Reports(consumed.Values, input.ReturnConsumedCapacity) };
    }

    // A Get whose key does not match its table's schema cancels the transaction, with a ValidationError for that Get.
    private static PrimaryKey KeyOfGet(Table table, IReadOnlyDictionary<string, AttributeValue>? key, int count, int index)
    {
        try
        {
            return ItemKeys.OfRequest(table.Key, key);
        }
        catch (AwsServiceException error) when (error.Code == "ValidationException")
        {
            var reasons = Enumerable.Range(0, count).Select(i => i == index
                ? new CancellationReason { Code = "ValidationError", Message = error.Message }
                : new CancellationReason { Code = NoReason }).ToList();
            throw DynamoDbErrors.TransactionCanceled(reasons);
        }
    }

    /// <summary>
    /// Runs a checked transaction under the locks of all its tables: first each action's own checks
    /// (the first failure cancels with a ValidationError), then every condition, then the writes.
    /// Nothing is written unless every action can be.
    /// </summary>
    private TransactWriteItemsOutput ExecuteWrites(List<WriteAction> actions, TransactWriteItemsInput input)
    {
        using var locks = HoldAndLock(actions);
        var reasons = actions.Select(_ => new CancellationReason { Code = NoReason }).ToList();
        for (var i = 0; i < actions.Count; i++)
        {
            if (!TryValidate(actions[i], reasons[i]))
            {
                throw DynamoDbErrors.TransactionCanceled(reasons);
            }
        }
        var planned = new (IReadOnlyDictionary<string, AttributeValue>? Old, IReadOnlyDictionary<string, AttributeValue>? New, int Size)[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            // Every condition is evaluated, so each failure is reported, not only the first.
            var action = actions[i];
            var old = action.Table.Get(action.Key);
            planned[i].Old = old;
            if (action.Expressions?.Condition is { } condition && !condition.Evaluate(old))
            {
                reasons[i].Code = "ConditionalCheckFailed";
                reasons[i].Message = "The conditional request failed";
                reasons[i].Item = action.ReturnValuesOnConditionCheckFailure == "ALL_OLD" ? Copy(old) : null;
            }
            else if (!TryPlan(action, old, reasons[i], ref planned[i]))
            {
                break;
            }
        }
        if (reasons.Any(r => r.Code != NoReason))
        {
            throw DynamoDbErrors.TransactionCanceled(reasons);
        }

        var consumed = new Dictionary<Table, Consumption>();
        var checks = new Dictionary<Table, Consumption>();
        for (var i = 0; i < actions.Count; i++)
        {
            var (old, item, _) = planned[i];
            if (actions[i].Kind == WriteKind.ConditionCheck)
            {
                Consumer(checks, actions[i].Table).Table += CapacityUnits.ForRead(old is null ? 0 : ItemSize.Of(old), consistent: true, transactional: true);
            }
            else
            {
                CapacityUnits.ForItemWrite(actions[i].Table, old, item, transactional: true, into: Consumer(consumed, actions[i].Table));
            }
        }
        // A throttled table fails the whole transaction before anything is written.
        foreach (var (table, consumption) in consumed)
        {
            AdmitWrite(table, consumption);
        }
        var metrics = new Dictionary<string, List<ItemCollectionMetrics>>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var (old, item, size) = planned[i];
            if (action.Kind == WriteKind.ConditionCheck)
            {
                continue;
            }
            if (item is not null || old is not null)
            {
                action.Table.Write(action.Key, item, size);
            }
            AddCollectionMetrics(metrics, action.Table, action.Key, input.ReturnItemCollectionMetrics);
        }
        foreach (var (table, consumption) in consumed)
        {
            Charge(table, consumption, write: true);
        }
        foreach (var (table, consumption) in checks)
        {
            Charge(table, consumption, write: false);
            Consumer(consumed, table).Table += consumption.Table;
        }
        return new TransactWriteItemsOutput
        {
            ConsumedCapacity = Reports(consumed.Values, input.ReturnConsumedCapacity),
            ItemCollectionMetrics = metrics.Count > 0 ? metrics : null,
        };
    }

    // An action's checks that need only the table: its key, its item's size and index key types.
    private static bool TryValidate(WriteAction action, CancellationReason reason)
    {
        try
        {
            action.Key = action.Kind == WriteKind.Put ? ItemKeys.OfNewItem(action.Table.Key, action.Item!) : ItemKeys.OfRequest(action.Table.Key, action.Item);
            if (action.Kind == WriteKind.Put)
            {
                action.Table.CheckIndexKeys(action.Item!);
            }
            return true;
        }
        catch (AwsServiceException error) when (error.Code == "ValidationException")
        {
            reason.Code = "ValidationError";
            reason.Message = error.Message;
            return false;
        }
    }

    // The item an action leaves behind, checked as its single-item operation would check it.
    private static bool TryPlan(WriteAction action, IReadOnlyDictionary<string, AttributeValue>? old, CancellationReason reason,
        ref (IReadOnlyDictionary<string, AttributeValue>? Old, IReadOnlyDictionary<string, AttributeValue>? New, int Size) plan)
    {
        try
        {
            switch (action.Kind)
            {
                case WriteKind.Put:
                    plan.New = action.Item;
                    plan.Size = action.PayloadBytes;
                    action.Table.CheckItemCollection(action.Key, action.Item, plan.Size);
                    break;
                case WriteKind.Update:
                    var update = ApplyUpdate(action.Table, action.Expressions!.Update, old, action.Item!);
                    plan.New = update.Item ?? old;
                    plan.Size = update.Item is null ? (old is null ? 0 : ItemSize.Of(old)) : update.Size;
                    break;
                default:
                    plan.New = null;
                    plan.Size = 0;
                    break;
            }
            return true;
        }
        catch (AwsServiceException error) when (error.Code is "ValidationException" or "ItemCollectionSizeLimitExceededException")
        {
            var limit = error.Code != "ValidationException";
            reason.Code = limit ? "ItemCollectionSizeLimitExceeded" : "ValidationError";
            reason.Message = limit ? "Collection size exceeded." : error.Message;
            return false;
        }
    }

    private static Consumption Consumer(Dictionary<Table, Consumption> consumed, Table table)
    {
        if (!consumed.TryGetValue(table, out var consumption))
        {
            consumed[table] = consumption = new Consumption(table.Name);
        }
        return consumption;
    }

    private static List<Consumption> ReplayConsumption(List<WriteAction> actions)
    {
        var consumed = new Dictionary<Table, Consumption>();
        foreach (var action in actions)
        {
            Consumer(consumed, action.Table).Table += CapacityUnits.ForRead(action.PayloadBytes, consistent: true, transactional: true);
        }
        return [.. consumed.Values];
    }

    /// <summary>Fails when two actions of one transaction name the same item.</summary>
    private static void RejectRepeatedItems(IEnumerable<(Table Table, PrimaryKey? Key)> targets)
    {
        var seen = new HashSet<(Table, PrimaryKey)>();
        foreach (var (table, key) in targets)
        {
            if (key is { } known && !seen.Add((table, known)))
            {
                throw DynamoDbErrors.Validation("Transaction request cannot include multiple operations on one item");
            }
        }
    }

    private static AwsServiceException TransactionTooLarge() => DynamoDbErrors.Validation(
        "Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit");

    /// <summary>Takes the locks of <paramref name="tables"/> in creation order; disposing releases them.</summary>
    private static TableLocks LockInOrder(IEnumerable<Table> tables) => new(tables.Distinct().OrderBy(t => t.Ordinal).ToList(), null);

    /// <summary>
    /// Holds the transaction's items, then takes its tables' locks; disposing releases the items, then
    /// the locks. When another in-flight transaction holds one of the items, the transaction is
    /// cancelled with TransactionConflict for each such item, before anything is read.
    /// </summary>
    private TableLocks HoldAndLock(List<WriteAction> actions)
    {
        // An action whose key cannot be read yet holds nothing: its ValidationError cancels the transaction under the locks.
        var keyed = actions.Select((a, i) => (Index: i, a.Table, Key: a.KeyOrNull())).Where(a => a.Key is not null).ToList();
        var hold = _holds.TryHold(keyed.Select(a => (a.Table, a.Key!.Value)).ToList(), out var conflicts);
        if (hold is null)
        {
            var held = conflicts.Select(c => keyed[c].Index).ToHashSet();
            throw DynamoDbErrors.TransactionCanceled(actions.Select((_, i) => held.Contains(i) ? Conflict() : new CancellationReason { Code = NoReason }).ToList());
        }
        try
        {
            ItemsHeld?.Invoke();
            return new TableLocks(actions.Select(a => a.Table).Distinct().OrderBy(t => t.Ordinal).ToList(), hold);
        }
        catch
        {
            hold.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Called on a write transaction's thread once it holds its items and before it takes its tables'
    /// locks: a test pauses a transaction here to meet it in flight.
    /// </summary>
    internal Action? ItemsHeld { get; set; }

    /// <summary>Refuses a single-item write of an item that an in-flight transaction holds, without waiting for it.</summary>
    private void RefuseHeld(Table table, in PrimaryKey key)
    {
        if (_holds.IsHeld(table, key))
        {
            throw DynamoDbErrors.TransactionConflict();
        }
    }

    private static CancellationReason Conflict() => new() { Code = "TransactionConflict", Message = DynamoDbErrors.TransactionConflictMessage };

    private sealed class TableLocks : IDisposable
    {
        private readonly List<Table> _held = [];
        private readonly ItemHolds.Hold? _items;

        public TableLocks(List<Table> tables, ItemHolds.Hold? items)
        {
            _items = items;
            try
            {
                foreach (var table in tables)
                {
                    Monitor.Enter(table.Gate);
                    _held.Add(table);
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        // The items are released while the tables are still locked: no request finds them held after the transaction is done.
        public void Dispose()
        {
            _items?.Dispose();
            for (var i = _held.Count - 1; i >= 0; i--)
            {
                Monitor.Exit(_held[i].Gate);
            }
            _held.Clear();
        }
    }

    private enum WriteKind
    {
        Put,
        Update,
        Delete,
        ConditionCheck,
    }

    /// <summary>One action of a TransactWriteItems, with its expressions compiled.</summary>
    private sealed class WriteAction
    {
        public required WriteKind Kind { get; init; }

        public required string TableName { get; init; }

        /// <summary>The Put's item, or the other actions' key.</summary>
        public required IReadOnlyDictionary<string, AttributeValue>? Item { get; init; }

        public RequestExpressions? Expressions { get; init; }

        public string? ReturnValuesOnConditionCheckFailure { get; init; }

        /// <summary>The bytes the action adds to the transaction's payload: the Put's item, else the key.</summary>
        public int PayloadBytes { get; init; }

        public Table Table { get; set; } = null!;

        public PrimaryKey Key { get; set; }

        /// <summary>The item's key when it can be read from the request already, for the repeated-item check.</summary>
        public PrimaryKey? KeyOrNull() => Item is null ? null : Table.Key.KeyOf(Item);

        public static WriteAction Parse(TransactWriteItem item, ExpressionCache cache)
        {
            var count = (item.Put is null ? 0 : 1) + (item.Update is null ? 0 : 1) + (item.Delete is null ? 0 : 1) + (item.ConditionCheck is null ? 0 : 1);
            if (count != 1)
            {
                throw DynamoDbErrors.Validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            if (item.Put is { } put)
            {
                TableNames.Validate(put.TableName);
                var expressions = Compile(cache, put.ConditionExpression, null, put.ExpressionAttributeNames, put.ExpressionAttributeValues, ExpressionOperation.PutItem);
                var payload = CheckedPayload(put.Item, isItem: true);
                // A Put's size is known from the request, so it is refused before the transaction opens.
                if (payload > ItemSize.MaxItemBytes)
                {
                    throw DynamoDbErrors.ItemTooLarge();
                }
                return new WriteAction
                {
                    Kind = WriteKind.Put,
                    TableName = put.TableName!,
                    Item = put.Item,
                    PayloadBytes = payload,
                    ReturnValuesOnConditionCheckFailure = put.ReturnValuesOnConditionCheckFailure,
                    Expressions = expressions,
                };
            }
            if (item.Update is { } update)
            {
                TableNames.Validate(update.TableName);
                var expressions = Compile(cache, update.ConditionExpression, update.UpdateExpression, update.ExpressionAttributeNames, update.ExpressionAttributeValues,
                    ExpressionOperation.UpdateItem);
                return new WriteAction
                {
                    Kind = WriteKind.Update,
                    TableName = update.TableName!,
                    Item = update.Key,
                    PayloadBytes = CheckedPayload(update.Key, isItem: false),
                    ReturnValuesOnConditionCheckFailure = update.ReturnValuesOnConditionCheckFailure,
                    Expressions = expressions,
                };
            }
            if (item.Delete is { } delete)
            {
                TableNames.Validate(delete.TableName);
                var expressions = Compile(cache, delete.ConditionExpression, null, delete.ExpressionAttributeNames, delete.ExpressionAttributeValues, ExpressionOperation.DeleteItem);
                return new WriteAction
                {
                    Kind = WriteKind.Delete,
                    TableName = delete.TableName!,
                    Item = delete.Key,
                    PayloadBytes = CheckedPayload(delete.Key, isItem: false),
                    ReturnValuesOnConditionCheckFailure = delete.ReturnValuesOnConditionCheckFailure,
                    Expressions = expressions,
                };
            }
            var check = item.ConditionCheck!;
            TableNames.Validate(check.TableName);
            var checkExpressions = Compile(cache, check.ConditionExpression, null, check.ExpressionAttributeNames, check.ExpressionAttributeValues, ExpressionOperation.ConditionCheck);
            return new WriteAction
            {
                Kind = WriteKind.ConditionCheck,
                TableName = check.TableName!,
                Item = check.Key,
                PayloadBytes = CheckedPayload(check.Key, isItem: false),
                ReturnValuesOnConditionCheckFailure = check.ReturnValuesOnConditionCheckFailure,
                Expressions = checkExpressions,
            };
        }

        // The action's item or key, checked after its expressions (a Put's top-level names before its values), and its size.
        private static int CheckedPayload(IReadOnlyDictionary<string, AttributeValue>? values, bool isItem)
        {
            if (isItem && values!.ContainsKey(""))
            {
                throw DynamoDbErrors.Validation("Empty attribute name");
            }
            ValueChecks.Older.Check(values);
            return ItemSize.Of(values!);
        }

        private static RequestExpressions? Compile(ExpressionCache cache, string? condition, string? update, Dictionary<string, string>? names,
            Dictionary<string, AttributeValue>? values, ExpressionOperation operation)
        {
            ValueChecks.TransactionExpressionValues.CheckExpressionValues(values);
            return condition is null && update is null && names is null && values is null
                ? null
                : cache.Compile(new ExpressionInputs
                {
                    ConditionExpression = condition,
                    UpdateExpression = update,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                }, operation);
        }
    }

    /// <summary>A transaction done under a ClientRequestToken: what it was and when it finished.</summary>
    private sealed record IdempotentTransaction(string Fingerprint, DateTimeOffset Completed, TransactWriteItemsOutput Output);
}
