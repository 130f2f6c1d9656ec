using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Expressions;

namespace FakeAws.Engine.DynamoDb;

// What a DAX cluster in front of the engine needs beyond the API: where an item lives, its committed
// state (read without charging capacity, as DAX's write-through does not read the table again), and
// the projection a GetItem applies to a cached item.
internal sealed partial class DynamoDbEngine
{
    /// <summary>
    /// The table ARN and primary key of the item a key (or, with <paramref name="wholeItem"/>, an item)
    /// names, or null when the request is not valid: the engine's own call then reports why, in DynamoDB's words.
    /// </summary>
    internal (string TableArn, PrimaryKey Key)? ItemAddress(RequestScope scope, string? tableName, IReadOnlyDictionary<string, AttributeValue>? keyOrItem, bool wholeItem = false)
    {
        try
        {
            var table = GetTable(scope, tableName);
            return keyOrItem is null ? null : (table.Arn, wholeItem ? ItemKeys.OfNewItem(table.Key, keyOrItem) : ItemKeys.OfRequest(table.Key, keyOrItem));
        }
        catch (AwsServiceException)
        {
            return null;
        }
    }

    /// <summary>The item as the table holds it now, or null when there is none (or no table).</summary>
    internal Dictionary<string, AttributeValue>? CommittedItem(RequestScope scope, string tableArn, PrimaryKey key)
    {
        var (home, name) = TableNames.Resolve(scope, tableArn);
        if (!_regions[home].Tables.TryGetValue(name, out var table))
        {
            return null;
        }
        lock (table.Gate)
        {
            return Copy(table.Get(key));
        }
    }

    /// <summary>
    /// The projection a GetItem (or one table of a BatchGetItem) asks for, checked as DynamoDB checks
    /// it; null when the request wants whole items.
    /// </summary>
    internal Projection? RequestedProjection(string? projectionExpression, Dictionary<string, string>? names, List<string>? attributesToGet) =>
        projectionExpression is null && attributesToGet is null && names is null
            ? null
            : _expressions.Compile(new ExpressionInputs
            {
                ProjectionExpression = projectionExpression,
                ExpressionAttributeNames = names,
                AttributesToGet = attributesToGet,
            }, ExpressionOperation.GetItem).Projection;
}
