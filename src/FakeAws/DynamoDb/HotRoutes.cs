using Amazon.Runtime;
using EngineModel = FakeAws.Engine.DynamoDb.Model;
using SdkModel = Amazon.DynamoDBv2.Model;

namespace FakeAws.DynamoDb;

/// <summary>
/// Hand-written copies for the operations tests run most and for every operation that carries
/// ExpressionAttributeValues, whose value errors DynamoDB reports with the placeholder's name. They do
/// what the generic mapper does, without its per-property indirection; other operations use the mapper.
/// </summary>
internal static class HotRoutes
{
    /// <summary>The copies for an operation, or null when the generic mapper serves it.</summary>
    public static (Func<AmazonWebServiceRequest, object> ToInput, Func<object?, AmazonWebServiceResponse>? ToResponse)? For(string operation) => operation switch
    {
        "GetItem" => (r => GetItemInput((SdkModel.GetItemRequest)r), o => GetItemResponse((EngineModel.GetItemOutput?)o)),
        "PutItem" => (r => PutItemInput((SdkModel.PutItemRequest)r), o => PutItemResponse((EngineModel.PutItemOutput?)o)),
        "DeleteItem" => (r => DeleteItemInput((SdkModel.DeleteItemRequest)r), o => DeleteItemResponse((EngineModel.DeleteItemOutput?)o)),
        "UpdateItem" => (r => UpdateItemInput((SdkModel.UpdateItemRequest)r), o => UpdateItemResponse((EngineModel.UpdateItemOutput?)o)),
        "Query" => (r => QueryInput((SdkModel.QueryRequest)r), o => QueryResponse((EngineModel.QueryOutput?)o)),
        "Scan" => (r => ScanInput((SdkModel.ScanRequest)r), o => ScanResponse((EngineModel.ScanOutput?)o)),
        "TransactWriteItems" => (r => TransactWriteItemsInput((SdkModel.TransactWriteItemsRequest)r), null),
        _ => null,
    };

    private static EngineModel.GetItemInput GetItemInput(SdkModel.GetItemRequest r) => new()
    {
        TableName = r.TableName,
        Key = Values(r.Key),
        ConsistentRead = r.ConsistentRead,
        ProjectionExpression = r.ProjectionExpression,
        ExpressionAttributeNames = Names(r.ExpressionAttributeNames),
        AttributesToGet = r.AttributesToGet is null ? null : [.. r.AttributesToGet],
        ReturnConsumedCapacity = r.ReturnConsumedCapacity?.Value,
    };

    private static SdkModel.GetItemResponse GetItemResponse(EngineModel.GetItemOutput? o) => new()
    {
        Item = Values(o?.Item),
        ConsumedCapacity = ConsumedCapacity(o?.ConsumedCapacity),
    };

    private static EngineModel.PutItemInput PutItemInput(SdkModel.PutItemRequest r) => new()
    {
        TableName = r.TableName,
        Item = Values(r.Item),
        ReturnValues = r.ReturnValues?.Value,
        ReturnConsumedCapacity = r.ReturnConsumedCapacity?.Value,
        ReturnItemCollectionMetrics = r.ReturnItemCollectionMetrics?.Value,
        ConditionExpression = r.ConditionExpression,
        ConditionalOperator = r.ConditionalOperator?.Value,
        ExpressionAttributeNames = Names(r.ExpressionAttributeNames),
        ExpressionAttributeValues = ExpressionValues(r.ExpressionAttributeValues),
        ReturnValuesOnConditionCheckFailure = r.ReturnValuesOnConditionCheckFailure?.Value,
        Expected = Mapped<Dictionary<string, EngineModel.ExpectedAttributeValue>>(r.Expected),
    };

    private static SdkModel.PutItemResponse PutItemResponse(EngineModel.PutItemOutput? o) => new()
    {
        Attributes = Values(o?.Attributes),
        ConsumedCapacity = ConsumedCapacity(o?.ConsumedCapacity),
        ItemCollectionMetrics = Mapped<SdkModel.ItemCollectionMetrics>(o?.ItemCollectionMetrics),
    };

    private static EngineModel.DeleteItemInput DeleteItemInput(SdkModel.DeleteItemRequest r) => new()
    {
        TableName = r.TableName,
        Key = Values(r.Key),
        ReturnValues = r.ReturnValues?.Value,
        ReturnConsumedCapacity = r.ReturnConsumedCapacity?.Value,
        ReturnItemCollectionMetrics = r.ReturnItemCollectionMetrics?.Value,
        ConditionExpression = r.ConditionExpression,
        ConditionalOperator = r.ConditionalOperator?.Value,
        ExpressionAttributeNames = Names(r.ExpressionAttributeNames),
        ExpressionAttributeValues = ExpressionValues(r.ExpressionAttributeValues),
        ReturnValuesOnConditionCheckFailure = r.ReturnValuesOnConditionCheckFailure?.Value,
        Expected = Mapped<Dictionary<string, EngineModel.ExpectedAttributeValue>>(r.Expected),
    };

    private static SdkModel.DeleteItemResponse DeleteItemResponse(EngineModel.DeleteItemOutput? o) => new()
    {
        Attributes = Values(o?.Attributes),
        ConsumedCapacity = ConsumedCapacity(o?.ConsumedCapacity),
        ItemCollectionMetrics = Mapped<SdkModel.ItemCollectionMetrics>(o?.ItemCollectionMetrics),
    };

    private static EngineModel.UpdateItemInput UpdateItemInput(SdkModel.UpdateItemRequest r) => new()
    {
        TableName = r.TableName,
        Key = Values(r.Key),
        AttributeUpdates = Mapped<Dictionary<string, EngineModel.AttributeValueUpdate>>(r.AttributeUpdates),
        Expected = Mapped<Dictionary<string, EngineModel.ExpectedAttributeValue>>(r.Expected),
        ConditionalOperator = r.ConditionalOperator?.Value,
        ReturnValues = r.ReturnValues?.Value,
        ReturnConsumedCapacity = r.ReturnConsumedCapacity?.Value,
        ReturnItemCollectionMetrics = r.ReturnItemCollectionMetrics?.Value,
        UpdateExpression = r.UpdateExpression,
        ConditionExpression = r.ConditionExpression,
        ExpressionAttributeNames = Names(r.ExpressionAttributeNames),
        ExpressionAttributeValues = ExpressionValues(r.ExpressionAttributeValues),
        ReturnValuesOnConditionCheckFailure = r.ReturnValuesOnConditionCheckFailure?.Value,
    };

    private static SdkModel.UpdateItemResponse UpdateItemResponse(EngineModel.UpdateItemOutput? o) => new()
    {
        Attributes = Values(o?.Attributes),
        ConsumedCapacity = ConsumedCapacity(o?.ConsumedCapacity),
        ItemCollectionMetrics = Mapped<SdkModel.ItemCollectionMetrics>(o?.ItemCollectionMetrics),
    };

    private static EngineModel.QueryInput QueryInput(SdkModel.QueryRequest r) => new()
    {
        TableName = r.TableName,
        IndexName = r.IndexName,
        Select = r.Select?.Value,
        AttributesToGet = r.AttributesToGet is null ? null : [.. r.AttributesToGet],
        Limit = r.Limit,
        ConsistentRead = r.ConsistentRead,
        KeyConditions = Mapped<Dictionary<string, EngineModel.Condition>>(r.KeyConditions),
        QueryFilter = Mapped<Dictionary<string, EngineModel.Condition>>(r.QueryFilter),
        ConditionalOperator = r.ConditionalOperator?.Value,
        ScanIndexForward = r.ScanIndexForward,
        ExclusiveStartKey = Values(r.ExclusiveStartKey),
        ReturnConsumedCapacity = r.ReturnConsumedCapacity?.Value,
        ProjectionExpression = r.ProjectionExpression,
        FilterExpression = r.FilterExpression,
        KeyConditionExpression = r.KeyConditionExpression,
        ExpressionAttributeNames = Names(r.ExpressionAttributeNames),
        ExpressionAttributeValues = ExpressionValues(r.ExpressionAttributeValues),
    };

    private static SdkModel.QueryResponse QueryResponse(EngineModel.QueryOutput? o) => new()
    {
        Items = Items(o?.Items),
        Count = o?.Count,
        ScannedCount = o?.ScannedCount,
        LastEvaluatedKey = Values(o?.LastEvaluatedKey),
        ConsumedCapacity = ConsumedCapacity(o?.ConsumedCapacity),
    };

    private static EngineModel.ScanInput ScanInput(SdkModel.ScanRequest r) => new()
    {
        TableName = r.TableName,
        IndexName = r.IndexName,
        AttributesToGet = r.AttributesToGet is null ? null : [.. r.AttributesToGet],
        Limit = r.Limit,
        Select = r.Select?.Value,
        ScanFilter = Mapped<Dictionary<string, EngineModel.Condition>>(r.ScanFilter),
        ConditionalOperator = r.ConditionalOperator?.Value,
        ExclusiveStartKey = Values(r.ExclusiveStartKey),
        ReturnConsumedCapacity = r.ReturnConsumedCapacity?.Value,
        TotalSegments = r.TotalSegments,
        Segment = r.Segment,
        ProjectionExpression = r.ProjectionExpression,
        FilterExpression = r.FilterExpression,
        ExpressionAttributeNames = Names(r.ExpressionAttributeNames),
        ExpressionAttributeValues = ExpressionValues(r.ExpressionAttributeValues),
        ConsistentRead = r.ConsistentRead,
    };

    private static SdkModel.ScanResponse ScanResponse(EngineModel.ScanOutput? o) => new()
    {
        Items = Items(o?.Items),
        Count = o?.Count,
        ScannedCount = o?.ScannedCount,
        LastEvaluatedKey = Values(o?.LastEvaluatedKey),
        ConsumedCapacity = ConsumedCapacity(o?.ConsumedCapacity),
    };

    private static EngineModel.TransactWriteItemsInput TransactWriteItemsInput(SdkModel.TransactWriteItemsRequest r) => new()
    {
        TransactItems = r.TransactItems?.Select(TransactWriteItem).ToList(),
        ReturnConsumedCapacity = r.ReturnConsumedCapacity?.Value,
        ReturnItemCollectionMetrics = r.ReturnItemCollectionMetrics?.Value,
        ClientRequestToken = r.ClientRequestToken,
    };

    private static EngineModel.TransactWriteItem TransactWriteItem(SdkModel.TransactWriteItem item) => new()
    {
        ConditionCheck = item?.ConditionCheck is not { } check ? null : new EngineModel.ConditionCheck
        {
            Key = Values(check.Key),
            TableName = check.TableName,
            ConditionExpression = check.ConditionExpression,
            ExpressionAttributeNames = Names(check.ExpressionAttributeNames),
            ExpressionAttributeValues = ExpressionValues(check.ExpressionAttributeValues),
            ReturnValuesOnConditionCheckFailure = check.ReturnValuesOnConditionCheckFailure?.Value,
        },
        Put = item?.Put is not { } put ? null : new EngineModel.Put
        {
            Item = Values(put.Item),
            TableName = put.TableName,
            ConditionExpression = put.ConditionExpression,
            ExpressionAttributeNames = Names(put.ExpressionAttributeNames),
            ExpressionAttributeValues = ExpressionValues(put.ExpressionAttributeValues),
            ReturnValuesOnConditionCheckFailure = put.ReturnValuesOnConditionCheckFailure?.Value,
        },
        Delete = item?.Delete is not { } delete ? null : new EngineModel.Delete
        {
            Key = Values(delete.Key),
            TableName = delete.TableName,
            ConditionExpression = delete.ConditionExpression,
            ExpressionAttributeNames = Names(delete.ExpressionAttributeNames),
            ExpressionAttributeValues = ExpressionValues(delete.ExpressionAttributeValues),
            ReturnValuesOnConditionCheckFailure = delete.ReturnValuesOnConditionCheckFailure?.Value,
        },
        Update = item?.Update is not { } update ? null : new EngineModel.Update
        {
            Key = Values(update.Key),
            UpdateExpression = update.UpdateExpression,
            TableName = update.TableName,
            ConditionExpression = update.ConditionExpression,
            ExpressionAttributeNames = Names(update.ExpressionAttributeNames),
            ExpressionAttributeValues = ExpressionValues(update.ExpressionAttributeValues),
            ReturnValuesOnConditionCheckFailure = update.ReturnValuesOnConditionCheckFailure?.Value,
        },
    };

    private static Dictionary<string, Engine.DynamoDb.AttributeValue>? Values(Dictionary<string, SdkModel.AttributeValue>? values) =>
        values is null ? null : SdkAttributeValues.ToEngine(values);

    private static Dictionary<string, SdkModel.AttributeValue>? Values(Dictionary<string, Engine.DynamoDb.AttributeValue>? values) =>
        values is null ? null : SdkAttributeValues.ToSdk(values);

    private static Dictionary<string, Engine.DynamoDb.AttributeValue>? ExpressionValues(Dictionary<string, SdkModel.AttributeValue>? values) =>
        values is null ? null : SdkAttributeValues.ToEngineExpressionValues(values);

    private static Dictionary<string, string>? Names(Dictionary<string, string>? names) => names is null ? null : new(names);

    private static List<Dictionary<string, SdkModel.AttributeValue>>? Items(List<Dictionary<string, Engine.DynamoDb.AttributeValue>>? items)
    {
        if (items is null)
        {
            return null;
        }
        var result = new List<Dictionary<string, SdkModel.AttributeValue>>(items.Count);
        foreach (var item in items)
        {
            result.Add(SdkAttributeValues.ToSdk(item));
        }
        return result;
    }

    private static T? Mapped<T>(object? value) where T : class => value is null ? null : (T?)DynamoDbFastPath.Map(value, typeof(T));

    private static SdkModel.ConsumedCapacity? ConsumedCapacity(EngineModel.ConsumedCapacity? capacity) => Mapped<SdkModel.ConsumedCapacity>(capacity);
}
