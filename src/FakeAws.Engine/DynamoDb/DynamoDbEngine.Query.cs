using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Expressions;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Reads of many items: Query and Scan, of a table or of one of its secondary indexes.
internal sealed partial class DynamoDbEngine
{
    public QueryOutput Query(RequestScope scope, QueryInput input)
    {
        TableNames.Validate(input.TableName);
        var values = ValueChecks.Current;
        values.Check(input.KeyConditions);
        values.Check(input.QueryFilter);
        values.Check(input.ExclusiveStartKey);
        values.CheckExpressionValues(input.ExpressionAttributeValues);
        var expressions = _expressions.Compile(new ExpressionInputs
        {
            KeyConditionExpression = input.KeyConditionExpression,
            FilterExpression = input.FilterExpression,
            ProjectionExpression = input.ProjectionExpression,
            ExpressionAttributeNames = input.ExpressionAttributeNames,
            ExpressionAttributeValues = input.ExpressionAttributeValues,
            AttributesToGet = input.AttributesToGet,
            KeyConditions = input.KeyConditions,
            QueryFilter = input.QueryFilter,
            ConditionalOperator = input.ConditionalOperator,
        }, ExpressionOperation.Query);
        ReadSource.CheckSelect(input.Select, ProjectionMember(input.ProjectionExpression, input.AttributesToGet), input.IndexName, isQuery: true);
        var table = GetTable(scope, input.TableName);
        lock (table.Gate)
        {
            var source = ReadSource.For(table, input.IndexName, input.ConsistentRead);
            var condition = expressions.KeyConditionFor(source.Key);
            expressions.CheckKeySchema(table.Key, source.Index?.Key);
            source.CheckProjection(input.Select, expressions);
            var start = StartKeys.ForQuery(input.ExclusiveStartKey, source, condition);
            var page = ReadPage(source, source.Query(condition, input.ScanIndexForward ?? true, start), expressions,
                input.Limit, input.Select, input.ConsistentRead ?? false, input.ReturnConsumedCapacity);
            return new QueryOutput
            {
                Items = page.Items,
                Count = page.Count,
                ScannedCount = page.ScannedCount,
                LastEvaluatedKey = page.LastEvaluatedKey,
                ConsumedCapacity = page.Consumed?.ToReport(input.ReturnConsumedCapacity),
            };
        }
    }

    public ScanOutput Scan(RequestScope scope, ScanInput input)
    {
        TableNames.Validate(input.TableName);
        var segment = ScanSegmentOf(input.Segment, input.TotalSegments);
        var values = ValueChecks.Older;
        values.Check(input.ScanFilter);
        values.Check(input.ExclusiveStartKey);
        values.CheckExpressionValues(input.ExpressionAttributeValues);
        var expressions = _expressions.Compile(new ExpressionInputs
        {
            FilterExpression = input.FilterExpression,
            ProjectionExpression = input.ProjectionExpression,
            ExpressionAttributeNames = input.ExpressionAttributeNames,
            ExpressionAttributeValues = input.ExpressionAttributeValues,
            AttributesToGet = input.AttributesToGet,
            ScanFilter = input.ScanFilter,
            ConditionalOperator = input.ConditionalOperator,
        }, ExpressionOperation.Scan);
        ReadSource.CheckSelect(input.Select, ProjectionMember(input.ProjectionExpression, input.AttributesToGet), input.IndexName, isQuery: false);
        var table = GetTable(scope, input.TableName);
        lock (table.Gate)
        {
            var source = ReadSource.For(table, input.IndexName, input.ConsistentRead);
            expressions.CheckKeySchema(table.Key, source.Index?.Key);
            source.CheckProjection(input.Select, expressions);
            var start = StartKeys.ForScan(input.ExclusiveStartKey, source, segment);
            var page = ReadPage(source, source.Scan(segment, start), expressions,
                input.Limit, input.Select, input.ConsistentRead ?? false, input.ReturnConsumedCapacity);
            return new ScanOutput
            {
                Items = page.Items,
                Count = page.Count,
                ScannedCount = page.ScannedCount,
                LastEvaluatedKey = page.LastEvaluatedKey,
                ConsumedCapacity = page.Consumed?.ToReport(input.ReturnConsumedCapacity),
            };
        }
    }

    private static string? ProjectionMember(string? projectionExpression, List<string>? attributesToGet) =>
        projectionExpression is not null ? "ProjectionExpression" : attributesToGet is not null ? "AttributesToGet" : null;

    /// <summary>Segment and TotalSegments, checked as DynamoDB checks them: both or neither, and the segment in range.</summary>
    private static ScanSegment ScanSegmentOf(int? segment, int? total)
    {
        if (segment is not null && total is null)
        {
            throw DynamoDbErrors.Validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (total is null)
        {
            return ScanSegment.All;
        }
        if (segment is null)
        {
            throw DynamoDbErrors.Validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (segment >= total)
        {
            throw DynamoDbErrors.Validation(
                $"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {segment} is not less than TotalSegments: {total}");
        }
        return new ScanSegment(segment.Value, total.Value);
    }

    /// <summary>One page of a Query or Scan.</summary>
    private sealed record Page(List<Dictionary<string, AttributeValue>>? Items, int Count, int ScannedCount,
        Dictionary<string, AttributeValue>? LastEvaluatedKey, Consumption? Consumed);

    /// <summary>
    /// Reads items from <paramref name="candidates"/> until Limit items were read or the page holds
    /// 1 MB, as DynamoDB counts it, then filters and projects them. A page that stopped at either
    /// bound has a LastEvaluatedKey, even when no item follows, as in DynamoDB.
    /// </summary>
    /// <remarks>A table with throughput limits is checked before the read and charged after it.</remarks>
    private Page ReadPage(ReadSource source, IEnumerable<StoredItem> candidates, RequestExpressions expressions,
        int? limit, string? select, bool consistent, string? returnConsumedCapacity)
    {
        AdmitRead(source.Table, source.Index);
        var items = select == "COUNT" ? null : new List<Dictionary<string, AttributeValue>>();
        var sortKeyName = source.Table.Key.Range?.Name;
        var wantCapacity = Measures(source.Table, returnConsumedCapacity);
        long pageBytes = 0, readBytes = 0, fetchedBytes = 0;
        var scanned = 0;
        var count = 0;
        StoredItem? last = null;
        foreach (var stored in candidates)
        {
            if (scanned >= limit || pageBytes >= PageSize.MaxPageBytes)
            {
                break;
            }
            scanned++;
            last = stored;
            pageBytes += PageSize.Of(stored.Item, sortKeyName);
            var item = source.ItemOf(stored);
            if (wantCapacity)
            {
                readBytes += ItemSize.Of(stored.Item);
                fetchedBytes += source.FetchFromTable ? ItemSize.Of(item) : 0;
            }
            if (expressions.Filter?.Evaluate(item) ?? true)
            {
                count++;
                items?.Add(expressions.Projection?.Apply(item) ?? Copy(item)!);
            }
        }
        var ended = scanned >= limit || pageBytes >= PageSize.MaxPageBytes;
        Consumption? consumed = null;
        if (wantCapacity)
        {
            consumed = new Consumption(source.Table.Name);
            var units = CapacityUnits.ForRead(readBytes, consistent);
            if (source.Index is { } index)
            {
                consumed.AddIndex(index, units);
                consumed.Table = source.FetchFromTable ? CapacityUnits.ForRead(fetchedBytes, consistent) : 0;
            }
            else
            {
                consumed.Table = units;
            }
            Charge(source.Table, consumed, write: false);
        }
        return new Page(items, count, scanned, ended && last is not null ? source.KeyOf(last) : null, consumed);
    }
}
