using Amazon.Runtime;
using EngineModel = FakeAws.Engine.DynamoDb.Model;
using SdkModel = Amazon.DynamoDBv2.Model;

namespace FakeAws.DynamoDb;

/// <summary>
/// Hand-written copies for the item reads and writes that tests run most. They do what the generic
/// mapper does, without its per-property indirection; every other operation uses the mapper.
/// </summary>
internal static class HotRoutes
{
    /// <summary>The copies for an operation, or null when the generic mapper serves it.</summary>
    public static (Func<AmazonWebServiceRequest, object> ToInput, Func<object?, AmazonWebServiceResponse> ToResponse)? For(string operation) => operation switch
    {
        "GetItem" => (r => GetItemInput((SdkModel.GetItemRequest)r), o => GetItemResponse((EngineModel.GetItemOutput?)o)),
        "PutItem" => (r => PutItemInput((SdkModel.PutItemRequest)r), o => PutItemResponse((EngineModel.PutItemOutput?)o)),
        _ => null,
    };

    private static EngineModel.GetItemInput GetItemInput(SdkModel.GetItemRequest r) => new()
    {
        TableName = r.TableName,
        Key = r.Key is null ? null : SdkAttributeValues.ToEngine(r.Key),
        ConsistentRead = r.ConsistentRead,
        ProjectionExpression = r.ProjectionExpression,
        ExpressionAttributeNames = r.ExpressionAttributeNames is null ? null : new(r.ExpressionAttributeNames),
        AttributesToGet = r.AttributesToGet is null ? null : [.. r.AttributesToGet],
        ReturnConsumedCapacity = r.ReturnConsumedCapacity?.Value,
    };

    private static SdkModel.GetItemResponse GetItemResponse(EngineModel.GetItemOutput? o) => new()
    {
        Item = o?.Item is null ? null : SdkAttributeValues.ToSdk(o.Item),
        ConsumedCapacity = ConsumedCapacity(o?.ConsumedCapacity),
    };

    private static EngineModel.PutItemInput PutItemInput(SdkModel.PutItemRequest r) => new()
    {
        TableName = r.TableName,
        Item = r.Item is null ? null : SdkAttributeValues.ToEngine(r.Item),
        ReturnValues = r.ReturnValues?.Value,
        ReturnConsumedCapacity = r.ReturnConsumedCapacity?.Value,
        ReturnItemCollectionMetrics = r.ReturnItemCollectionMetrics?.Value,
        ConditionExpression = r.ConditionExpression,
        ConditionalOperator = r.ConditionalOperator?.Value,
        ExpressionAttributeNames = r.ExpressionAttributeNames is null ? null : new(r.ExpressionAttributeNames),
        ExpressionAttributeValues = r.ExpressionAttributeValues is null ? null : SdkAttributeValues.ToEngine(r.ExpressionAttributeValues),
        ReturnValuesOnConditionCheckFailure = r.ReturnValuesOnConditionCheckFailure?.Value,
        Expected = r.Expected is null ? null : (Dictionary<string, EngineModel.ExpectedAttributeValue>?)DynamoDbFastPath.Map(r.Expected, typeof(Dictionary<string, EngineModel.ExpectedAttributeValue>)),
    };

    private static SdkModel.PutItemResponse PutItemResponse(EngineModel.PutItemOutput? o) => new()
    {
        Attributes = o?.Attributes is null ? null : SdkAttributeValues.ToSdk(o.Attributes),
        ConsumedCapacity = ConsumedCapacity(o?.ConsumedCapacity),
        ItemCollectionMetrics = o?.ItemCollectionMetrics is null ? null
            : (SdkModel.ItemCollectionMetrics?)DynamoDbFastPath.Map(o.ItemCollectionMetrics, typeof(SdkModel.ItemCollectionMetrics)),
    };

    private static SdkModel.ConsumedCapacity? ConsumedCapacity(EngineModel.ConsumedCapacity? capacity) =>
        capacity is null ? null : (SdkModel.ConsumedCapacity?)DynamoDbFastPath.Map(capacity, typeof(SdkModel.ConsumedCapacity));
}
