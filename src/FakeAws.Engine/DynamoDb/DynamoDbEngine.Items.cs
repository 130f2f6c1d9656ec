using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Single-item reads and writes: PutItem, GetItem and DeleteItem.
internal sealed partial class DynamoDbEngine
{
    public PutItemOutput PutItem(RequestScope scope, PutItemInput input)
    {
        TableNames.Validate(input.TableName);
        var item = input.Item!;
        if (input.ReturnValues is not (null or "NONE" or "ALL_OLD"))
        {
            throw DynamoDbErrors.Validation("ReturnValues can only be ALL_OLD or NONE");
        }
        if (ItemSize.Of(item) > ItemSize.MaxItemBytes)
        {
            throw DynamoDbErrors.ItemTooLarge();
        }
        RejectConditionsForNow(input.ConditionExpression, input.Expected);
        var table = GetTable(scope, input.TableName);
        lock (table.Gate)
        {
            var key = ItemKeys.OfNewItem(table.Key, item);
            var old = table.Write(key, item);
            return new PutItemOutput
            {
                Attributes = input.ReturnValues == "ALL_OLD" ? old?.ToDictionary() : null,
                ConsumedCapacity = CapacityUnits.Report(input.ReturnConsumedCapacity, table.Name,
                    () => CapacityUnits.ForWrite(Math.Max(ItemSize.Of(item), old is null ? 0 : ItemSize.Of(old)))),
            };
        }
    }

    public GetItemOutput GetItem(RequestScope scope, GetItemInput input)
    {
        TableNames.Validate(input.TableName);
        if (input.ProjectionExpression is not null)
        {
            throw DynamoDbErrors.Unsupported("GetItem with ProjectionExpression");
        }
        var attributes = input.AttributesToGet;
        if (attributes is not null && attributes.Distinct().Count() != attributes.Count)
        {
            var duplicate = attributes.GroupBy(a => a).First(g => g.Count() > 1).Key;
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Duplicate value in attribute name: {duplicate}");
        }
        var table = GetTable(scope, input.TableName);
        IReadOnlyDictionary<string, AttributeValue>? item;
        lock (table.Gate)
        {
            item = table.Get(ItemKeys.OfRequest(table.Key, input.Key));
        }
        var consistent = input.ConsistentRead ?? false;
        return new GetItemOutput
        {
            Item = item is null ? null : Select(item, attributes),
            ConsumedCapacity = CapacityUnits.Report(input.ReturnConsumedCapacity, table.Name,
                () => CapacityUnits.ForRead(item is null ? 0 : ItemSize.Of(item), consistent)),
        };
    }

    public DeleteItemOutput DeleteItem(RequestScope scope, DeleteItemInput input)
    {
        TableNames.Validate(input.TableName);
        if (input.ReturnValues is not (null or "NONE" or "ALL_OLD"))
        {
            throw DynamoDbErrors.Validation("ReturnValues can only be ALL_OLD or NONE");
        }
        RejectConditionsForNow(input.ConditionExpression, input.Expected);
        var table = GetTable(scope, input.TableName);
        lock (table.Gate)
        {
            var old = table.Write(ItemKeys.OfRequest(table.Key, input.Key), null);
            return new DeleteItemOutput
            {
                Attributes = input.ReturnValues == "ALL_OLD" ? old?.ToDictionary() : null,
                ConsumedCapacity = CapacityUnits.Report(input.ReturnConsumedCapacity, table.Name,
                    () => CapacityUnits.ForWrite(old is null ? 0 : ItemSize.Of(old))),
            };
        }
    }

    /// <summary>The item as stored, or only the named top-level attributes of it.</summary>
    private static Dictionary<string, AttributeValue> Select(IReadOnlyDictionary<string, AttributeValue> item, List<string>? attributes)
    {
        if (attributes is null)
        {
            return item as Dictionary<string, AttributeValue> ?? item.ToDictionary();
        }
        var selected = new Dictionary<string, AttributeValue>(attributes.Count);
        foreach (var name in attributes)
        {
            if (item.TryGetValue(name, out var value))
            {
                selected[name] = value;
            }
        }
        return selected;
    }

    private static void RejectConditionsForNow(string? conditionExpression, Dictionary<string, ExpectedAttributeValue>? expected)
    {
        if (conditionExpression is not null || expected is not null)
        {
            throw DynamoDbErrors.Unsupported("conditional writes");
        }
    }
}
