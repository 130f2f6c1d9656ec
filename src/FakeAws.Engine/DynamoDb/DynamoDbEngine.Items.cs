using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Expressions;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Single-item reads and writes: PutItem, GetItem, UpdateItem and DeleteItem.
internal sealed partial class DynamoDbEngine
{
    public PutItemOutput PutItem(RequestScope scope, PutItemInput input) => PutItem(scope, input, envelope: true);

    // PartiQL runs its statements as the item operations, without their request envelope.
    private PutItemOutput PutItem(RequestScope scope, PutItemInput input, bool envelope)
    {
        TableNames.Validate(input.TableName);
        var item = input.Item!;
        var expressions = CheckConditionalWrite(item, input.ReturnValues, new ExpressionInputs
        {
            ConditionExpression = input.ConditionExpression,
            ExpressionAttributeNames = input.ExpressionAttributeNames,
            ExpressionAttributeValues = input.ExpressionAttributeValues,
            Expected = input.Expected,
            ConditionalOperator = input.ConditionalOperator,
        }, ExpressionOperation.PutItem, envelope);
        var size = ItemSize.Of(item);
        if (size > ItemSize.MaxItemBytes)
        {
            throw DynamoDbErrors.ItemTooLarge();
        }
        var table = GetTable(scope, input.TableName);
        expressions?.CheckKeySchema(table.Key);
        var key = ItemKeys.OfNewItem(table.Key, item);
        RefuseHeld(table, key);
        lock (table.Gate)
        {
            table.CheckIndexKeys(item);
            var old = table.Get(key);
            CheckCondition(expressions, old, input.ReturnValuesOnConditionCheckFailure);
            table.CheckItemCollection(key, item, size);
            var consumed = Measures(table, input.ReturnConsumedCapacity) ? CapacityUnits.ForItemWrite(table, old, item) : null;
            AdmitWrite(table, consumed);
            table.Write(key, item, size);
            Charge(table, consumed, write: true);
            return new PutItemOutput
            {
                Attributes = input.ReturnValues == "ALL_OLD" ? Copy(old) : null,
                ConsumedCapacity = consumed?.ToReport(input.ReturnConsumedCapacity),
                ItemCollectionMetrics = CollectionMetrics(table, key, input.ReturnItemCollectionMetrics),
            };
        }
    }

    public GetItemOutput GetItem(RequestScope scope, GetItemInput input)
    {
        TableNames.Validate(input.TableName);
        ValueChecks.Current.Check(input.Key);
        var expressions = input.ProjectionExpression is null && input.AttributesToGet is null && input.ExpressionAttributeNames is null
            ? null
            : _expressions.Compile(new ExpressionInputs
            {
                ProjectionExpression = input.ProjectionExpression,
                ExpressionAttributeNames = input.ExpressionAttributeNames,
                AttributesToGet = input.AttributesToGet,
            }, ExpressionOperation.GetItem);
        var table = GetTable(scope, input.TableName);
        expressions?.CheckKeySchema(table.Key);
        var key = ItemKeys.OfRequest(table.Key, input.Key);
        IReadOnlyDictionary<string, AttributeValue>? item;
        var consistent = input.ConsistentRead ?? false;
        lock (table.Gate)
        {
            AdmitRead(table, null);
            item = table.Get(key);
            if (table.Throughput is not null)
            {
                Charge(table, new Consumption(table.Name) { Table = CapacityUnits.ForRead(item is null ? 0 : ItemSize.Of(item), consistent) }, write: false);
            }
        }
        return new GetItemOutput
        {
            Item = item is null ? null : expressions?.Projection?.Apply(item) ?? Copy(item),
            ConsumedCapacity = CapacityUnits.ReportRead(input.ReturnConsumedCapacity, table.Name, item, consistent),
        };
    }

    public UpdateItemOutput UpdateItem(RequestScope scope, UpdateItemInput input) => UpdateItem(scope, input, envelope: true);

    // PartiQL runs its statements as the item operations, without their request envelope.
    private UpdateItemOutput UpdateItem(RequestScope scope, UpdateItemInput input, bool envelope)
    {
        TableNames.Validate(input.TableName);
        RequestExpressions expressions;
        try
        {
            var values = ValueChecks.Current;
            values.Check(input.Key);
            values.Check(input.AttributeUpdates);
            values.Check(input.Expected);
            values.CheckExpressionValues(input.ExpressionAttributeValues);
            expressions = _expressions.Compile(new ExpressionInputs
            {
                UpdateExpression = input.UpdateExpression,
                ConditionExpression = input.ConditionExpression,
                ExpressionAttributeNames = input.ExpressionAttributeNames,
                ExpressionAttributeValues = input.ExpressionAttributeValues,
                AttributeUpdates = input.AttributeUpdates,
                Expected = input.Expected,
                ConditionalOperator = input.ConditionalOperator,
            }, ExpressionOperation.UpdateItem);
        }
        catch (AwsServiceException error) when (envelope && error.Code == "ValidationException")
        {
            throw DynamoDbErrors.InRequestEnvelope(error);
        }
        var table = GetTable(scope, input.TableName);
        expressions.CheckKeySchema(table.Key);
        var key = ItemKeys.OfRequest(table.Key, input.Key);
        RefuseHeld(table, key);
        lock (table.Gate)
        {
            var old = table.Get(key);
            CheckCondition(expressions, old, input.ReturnValuesOnConditionCheckFailure);
            var update = ApplyUpdate(table, expressions.Update, old, input.Key!);
            var consumed = Measures(table, input.ReturnConsumedCapacity)
                ? CapacityUnits.ForItemWrite(table, old, update.Item ?? old)
                : null;
            AdmitWrite(table, consumed);
            if (update.Item is not null)
            {
                table.Write(key, update.Item, update.Size);
            }
            Charge(table, consumed, write: true);
            var attributes = input.ReturnValues switch
            {
                "ALL_OLD" => Copy(old),
                "ALL_NEW" => Copy(update.Item ?? old),
                "UPDATED_OLD" => update.Result?.UpdatedOld(old),
                "UPDATED_NEW" => update.Result?.UpdatedNew(),
                _ => null,
            };
            return new UpdateItemOutput
            {
                Attributes = attributes is { Count: > 0 } ? attributes : null,
                ConsumedCapacity = consumed?.ToReport(input.ReturnConsumedCapacity),
                ItemCollectionMetrics = CollectionMetrics(table, key, input.ReturnItemCollectionMetrics),
            };
        }
    }

    public DeleteItemOutput DeleteItem(RequestScope scope, DeleteItemInput input) => DeleteItem(scope, input, envelope: true);

    // PartiQL runs its statements as the item operations, without their request envelope.
    private DeleteItemOutput DeleteItem(RequestScope scope, DeleteItemInput input, bool envelope)
    {
        TableNames.Validate(input.TableName);
        var expressions = CheckConditionalWrite(input.Key, input.ReturnValues, new ExpressionInputs
        {
            ConditionExpression = input.ConditionExpression,
            ExpressionAttributeNames = input.ExpressionAttributeNames,
            ExpressionAttributeValues = input.ExpressionAttributeValues,
            Expected = input.Expected,
            ConditionalOperator = input.ConditionalOperator,
        }, ExpressionOperation.DeleteItem, envelope);
        var table = GetTable(scope, input.TableName);
        expressions?.CheckKeySchema(table.Key);
        var key = ItemKeys.OfRequest(table.Key, input.Key);
        RefuseHeld(table, key);
        lock (table.Gate)
        {
            var old = table.Get(key);
            CheckCondition(expressions, old, input.ReturnValuesOnConditionCheckFailure);
            var consumed = Measures(table, input.ReturnConsumedCapacity) ? CapacityUnits.ForItemWrite(table, old, null) : null;
            AdmitWrite(table, consumed);
            if (old is not null)
            {
                table.Write(key, null, 0);
            }
            Charge(table, consumed, write: true);
            return new DeleteItemOutput
            {
                Attributes = input.ReturnValues == "ALL_OLD" ? Copy(old) : null,
                ConsumedCapacity = consumed?.ToReport(input.ReturnConsumedCapacity),
                ItemCollectionMetrics = CollectionMetrics(table, key, input.ReturnItemCollectionMetrics),
            };
        }
    }

    /// <summary>
    /// Fails with ConditionalCheckFailedException when the request's condition rejects the stored item;
    /// with ReturnValuesOnConditionCheckFailure ALL_OLD the error carries that item.
    /// </summary>
    private static void CheckCondition(RequestExpressions? expressions, IReadOnlyDictionary<string, AttributeValue>? existing, string? returnOnFailure)
    {
        if (expressions?.Condition is { } condition && !condition.Evaluate(existing))
        {
            throw DynamoDbErrors.ConditionalCheckFailed(returnOnFailure == "ALL_OLD" ? existing : null);
        }
    }

    /// <summary>What an update makes of an item: the new item (null when nothing is written) and its size.</summary>
    private readonly record struct UpdateOutcome(Dictionary<string, AttributeValue>? Item, int Size, UpdateResult? Result);

    /// <summary>
    /// Applies <paramref name="plan"/> to <paramref name="existing"/>, or with no plan keeps the item or
    /// creates just its key, and checks the result as UpdateItem does: size, then index key types.
    /// </summary>
    private static UpdateOutcome ApplyUpdate(Table table, UpdatePlan? plan, IReadOnlyDictionary<string, AttributeValue>? existing,
        IReadOnlyDictionary<string, AttributeValue> key)
    {
        if (plan is null)
        {
            if (existing is not null)
            {
                return new UpdateOutcome(null, 0, null);
            }
            var created = new Dictionary<string, AttributeValue>(key, StringComparer.Ordinal);
            return new UpdateOutcome(created, ItemSize.Of(created), null);
        }
        var result = plan.Apply(existing, key);
        if (!ValueChecks.WithinDepth(result.Item))
        {
            throw DynamoDbErrors.Validation(NestingFault.Instance.Describe(NumberReading.Current));
        }
        var size = ItemSize.Of(result.Item);
        if (size > ItemSize.MaxItemBytes)
        {
            throw DynamoDbErrors.Validation("Item size to update has exceeded the maximum allowed size");
        }
        table.CheckIndexKeys(result.Item, byUpdate: true);
        table.CheckItemCollection(table.Key.KeyOf(result.Item)!.Value, result.Item, size);
        return new UpdateOutcome(result.Item, size, result);
    }

    /// <summary>ReturnItemCollectionMetrics SIZE: for a table with a local index, the collection's key and size estimate.</summary>
    private static ItemCollectionMetrics? CollectionMetrics(Table table, in PrimaryKey key, string? returnMetrics)
    {
        if (returnMetrics != "SIZE" || !table.HasLocalIndexes)
        {
            return null;
        }
        // AWS gives a range of whole gigabytes around the collection's size.
        var gigabytes = Math.Floor(table.ItemCollectionSize(key.Hash) / (1024.0 * 1024 * 1024));
        return new ItemCollectionMetrics
        {
            ItemCollectionKey = new Dictionary<string, AttributeValue> { [table.Key.Hash.Name] = key.Hash },
            SizeEstimateRangeGB = [gigabytes, gigabytes + 1],
        };
    }

    /// <summary>An item as an output member: the stored dictionary itself when it is one (items are never modified).</summary>
    private static Dictionary<string, AttributeValue>? Copy(IReadOnlyDictionary<string, AttributeValue>? item) =>
        item is null ? null : item as Dictionary<string, AttributeValue> ?? new Dictionary<string, AttributeValue>(item, StringComparer.Ordinal);

    // PutItem and DeleteItem check their request alike: ReturnValues, then the values in the current
    // layer (the item or key, Expected, the expression values), then the condition, all inside the
    // request envelope unless PartiQL runs them. A write without any condition compiles nothing.
    private RequestExpressions? CheckConditionalWrite(IReadOnlyDictionary<string, AttributeValue>? itemOrKey, string? returnValues,
        ExpressionInputs condition, ExpressionOperation operation, bool envelope)
    {
        try
        {
            if (returnValues is not (null or "NONE" or "ALL_OLD"))
            {
                throw DynamoDbErrors.Validation("ReturnValues can only be ALL_OLD or NONE");
            }
            var values = ValueChecks.Current;
            values.Check(itemOrKey);
            values.Check(condition.Expected);
            values.CheckExpressionValues(condition.ExpressionAttributeValues);
            return condition.ConditionExpression is null && condition.Expected is null && condition.ConditionalOperator is null
                && condition.ExpressionAttributeNames is null && condition.ExpressionAttributeValues is null
                ? null
                : _expressions.Compile(condition, operation);
        }
        catch (AwsServiceException error) when (envelope && error.Code == "ValidationException")
        {
            throw DynamoDbErrors.InRequestEnvelope(error);
        }
    }
}
