using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Expressions;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The checks DynamoDB makes on a Query's or Scan's ExclusiveStartKey, with its messages, and the
/// position the key stands for in the table or index read.
/// </summary>
internal static class StartKeys
{
    private const string Invalid = "The provided starting key is invalid";

    /// <summary>A Query's start key: it must have the key attributes and lie inside the key condition.</summary>
    public static StartPosition? ForQuery(IReadOnlyDictionary<string, AttributeValue>? startKey, ReadSource source, KeyConditionSpec condition)
    {
        if (startKey is null)
        {
            return null;
        }
        if (startKey.Count != source.StartKeyAttributes.Count)
        {
            throw DynamoDbErrors.Validation(Invalid);
        }
        CheckReadKey(startKey, source);
        var position = Position(startKey, source);
        var hash = position.Hash;
        if (condition.SortKey is null)
        {
            if (!hash.Equals(condition.PartitionKey))
            {
                throw DynamoDbErrors.Validation("The provided starting key is outside query boundaries based on provided conditions");
            }
        }
        else
        {
            if (!condition.SortKey.Matches(position.SortKey!))
            {
                throw DynamoDbErrors.Validation("The provided starting key does not match the range key predicate");
            }
            if (!hash.Equals(condition.PartitionKey))
            {
                throw DynamoDbErrors.Validation("The query can return at most one row and cannot be restarted");
            }
        }
        return position;
    }

    /// <summary>A Scan's start key: it must have the key attributes and belong to the scanned segment.</summary>
    public static StartPosition? ForScan(IReadOnlyDictionary<string, AttributeValue>? startKey, ReadSource source, ScanSegment segment)
    {
        if (startKey is null)
        {
            return null;
        }
        if (startKey.Count != source.StartKeyAttributes.Count)
        {
            throw DynamoDbErrors.Validation(source.Index is null ? $"{Invalid}: The provided key element does not match the schema" : Invalid);
        }
        if (source.Index is not null)
        {
            CheckReadKey(startKey, source);
        }
        var position = Position(startKey, source);
        if (segment.Total > 1 && segment.Of(StorePartition.TokenOf(position.Hash)) != segment.Index)
        {
            throw DynamoDbErrors.Validation(
                $"{Invalid}: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: {segment.Total} Segment: {segment.Index}");
        }
        return position;
    }

    // The key attributes of the table or index read, each present with its type.
    private static void CheckReadKey(IReadOnlyDictionary<string, AttributeValue> startKey, ReadSource source)
    {
        foreach (var attribute in source.Key.Attributes)
        {
            if (!startKey.TryGetValue(attribute.Name, out var value))
            {
                throw DynamoDbErrors.Validation(Invalid);
            }
            if (value.Type != attribute.Type)
            {
                throw DynamoDbErrors.KeySchemaMismatch();
            }
            if (value.Type is AttributeType.S or AttributeType.B && (value.Type == AttributeType.S ? value.S.Length : value.B.Length) == 0)
            {
                throw DynamoDbErrors.Validation(
                    $"One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttributeType.S ? "string" : "binary")} value. Key: {attribute.Name}");
            }
        }
    }

    // The table's own key inside the start key, checked as a request key; then the position it names.
    private static StartPosition Position(IReadOnlyDictionary<string, AttributeValue> startKey, ReadSource source)
    {
        var tableKeyValues = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal);
        foreach (var attribute in source.Table.Key.Attributes)
        {
            if (startKey.TryGetValue(attribute.Name, out var value))
            {
                tableKeyValues[attribute.Name] = value;
            }
        }
        PrimaryKey tableKey;
        try
        {
            tableKey = ItemKeys.OfRequest(source.Table.Key, tableKeyValues);
        }
        catch (AwsServiceException error) when (error.Code == "ValidationException")
        {
            throw DynamoDbErrors.Validation($"{Invalid}: {error.Message}");
        }
        // Every key attribute is there with its type: checked above, or as the table's key.
        var key = source.Key.KeyOf(startKey)!.Value;
        return new StartPosition(key.Hash, key.Range, tableKey);
    }
}
