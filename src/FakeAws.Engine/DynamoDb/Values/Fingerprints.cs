using System.Text;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// Canonical text of values and requests: equal values (numbers by value, sets and maps in any order)
/// give equal text. Batches use it to find duplicate keys, and TransactWriteItems to tell whether a
/// repeated ClientRequestToken came with the same request.
/// </summary>
internal static class Fingerprints
{
    public static string Of(AttributeValue value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    /// <summary>Everything of a TransactWriteItems request that idempotency compares.</summary>
    public static string Of(TransactWriteItemsInput input)
    {
        var text = new StringBuilder();
        text.Append(input.ReturnItemCollectionMetrics).Append('|');
        foreach (var action in input.TransactItems!)
        {
            if (action.Put is { } put)
            {
                text.Append("P|").Append(put.TableName).Append('|');
                Append(text, put.Item);
                AppendExpressions(text, put.ConditionExpression, null, put.ExpressionAttributeNames, put.ExpressionAttributeValues, put.ReturnValuesOnConditionCheckFailure);
            }
            else if (action.Update is { } update)
            {
                text.Append("U|").Append(update.TableName).Append('|');
                Append(text, update.Key);
                AppendExpressions(text, update.ConditionExpression, update.UpdateExpression, update.ExpressionAttributeNames, update.ExpressionAttributeValues,
                    update.ReturnValuesOnConditionCheckFailure);
            }
            else if (action.Delete is { } delete)
            {
                text.Append("D|").Append(delete.TableName).Append('|');
                Append(text, delete.Key);
                AppendExpressions(text, delete.ConditionExpression, null, delete.ExpressionAttributeNames, delete.ExpressionAttributeValues,
                    delete.ReturnValuesOnConditionCheckFailure);
            }
            else if (action.ConditionCheck is { } check)
            {
                text.Append("C|").Append(check.TableName).Append('|');
                Append(text, check.Key);
                AppendExpressions(text, check.ConditionExpression, null, check.ExpressionAttributeNames, check.ExpressionAttributeValues,
                    check.ReturnValuesOnConditionCheckFailure);
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static void AppendExpressions(StringBuilder text, string? condition, string? update, Dictionary<string, string>? names,
        Dictionary<string, AttributeValue>? values, string? returnOnFailure)
    {
        text.Append(condition).Append('|').Append(update).Append('|');
        foreach (var (placeholder, name) in (names ?? []).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(placeholder).Append('=').Append(name).Append(',');
        }
        text.Append('|');
        Append(text, values);
        text.Append(returnOnFailure);
    }

    private static void Append(StringBuilder text, IReadOnlyDictionary<string, AttributeValue>? map)
    {
        text.Append('{');
        foreach (var (name, value) in (map ?? new Dictionary<string, AttributeValue>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(name.Length).Append(':').Append(name);
            Append(text, value);
        }
        text.Append('}');
    }

    private static void Append(StringBuilder text, AttributeValue value)
    {
        text.Append(value.Type).Append('(');
        switch (value.Type)
        {
            case AttributeType.S:
                text.Append(value.S.Length).Append(':').Append(value.S);
                break;
            case AttributeType.N:
                text.Append(value.N);
                break;
            case AttributeType.B:
                text.Append(Convert.ToBase64String(value.B));
                break;
            case AttributeType.BOOL:
                text.Append(value.Bool);
                break;
            case AttributeType.SS:
            case AttributeType.NS:
                foreach (var element in value.Strings.Order(StringComparer.Ordinal))
                {
                    text.Append(element.Length).Append(':').Append(element);
                }
                break;
            case AttributeType.BS:
                foreach (var element in value.Binaries.Select(Convert.ToBase64String).Order(StringComparer.Ordinal))
                {
                    text.Append(element).Append(',');
                }
                break;
            case AttributeType.L:
                foreach (var element in value.L)
                {
                    Append(text, element);
                }
                break;
            case AttributeType.M:
                Append(text, value.M);
                break;
        }
        text.Append(')');
    }
}
