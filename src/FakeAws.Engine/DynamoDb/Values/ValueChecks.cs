using FakeAws.Engine.DynamoDb.Model;
using LegacyCondition = FakeAws.Engine.DynamoDb.Model.Condition;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The checks an operation makes on its request's values, and the words it reports a bad one in. DynamoDB
/// checks values in one of two layers, and the operation decides which (the parity suite captured both in
/// four regions): the current layer (PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem, Query) and the
/// older one (BatchWriteItem, the transactions, Scan, PartiQL parameters), which reads numbers as Java's
/// BigDecimal does and puts an expression value's fault in the "ExpressionAttributeValues contains invalid
/// value" wrapper. Any value nested past the depth limit is refused as well; so is any value a decoder marked
/// <see cref="AttributeType.Invalid"/>, which is why every operation runs these before it uses its values.
/// </summary>
internal readonly struct ValueChecks
{
    // A document nests at most 32 levels, counting the attribute as level 1.
    private const int MaxDepth = 32;

    private readonly NumberReading _reading;
    private readonly int _maxDepth;

    private ValueChecks(NumberReading reading, int maxDepth)
    {
        _reading = reading;
        _maxDepth = maxDepth;
    }

    /// <summary>The current layer.</summary>
    public static ValueChecks Current => new(NumberReading.Current, MaxDepth);

    /// <summary>The older layer.</summary>
    public static ValueChecks Older => new(NumberReading.BigDecimal, MaxDepth);

    /// <summary>
    /// The expression values of TransactWriteItems' actions: the older layer, which lets a value 33 levels deep
    /// through (the suite saw 33 accepted and 41 refused, in every region); the item such a value is written
    /// into is still held to 32.
    /// </summary>
    public static ValueChecks TransactionExpressionValues => new(NumberReading.BigDecimal, MaxDepth + 1);

    /// <summary>Checks the values of an item or a key, in order.</summary>
    public void Check(IReadOnlyDictionary<string, AttributeValue>? values)
    {
        if (values is null)
        {
            return;
        }
        // Not values.Values: a request's dictionary would make its Values collection for this one look.
        foreach (var (_, value) in ItemEntries.Of(values))
        {
            Check(value, null);
        }
    }

    /// <summary>Checks ExpressionAttributeValues; the older layer names the placeholder of a bad one.</summary>
    public void CheckExpressionValues(IReadOnlyDictionary<string, AttributeValue>? values)
    {
        if (values is null)
        {
            return;
        }
        foreach (var (placeholder, value) in ItemEntries.Of(values))
        {
            Check(value, placeholder);
        }
    }

    /// <summary>Checks a list of values in order (PartiQL's parameters, say).</summary>
    public void Check(IReadOnlyList<AttributeValue>? values)
    {
        if (values is null)
        {
            return;
        }
        foreach (var value in values)
        {
            Check(value, null);
        }
    }

    /// <summary>Checks the values of the legacy Expected parameter.</summary>
    public void Check(IReadOnlyDictionary<string, ExpectedAttributeValue>? expected)
    {
        if (expected is null)
        {
            return;
        }
        foreach (var condition in expected.Values)
        {
            if (condition.Value is { } value)
            {
                Check(value, null);
            }
            Check(condition.AttributeValueList);
        }
    }

    /// <summary>Checks the values of KeyConditions, QueryFilter or ScanFilter.</summary>
    public void Check(IReadOnlyDictionary<string, LegacyCondition>? conditions)
    {
        if (conditions is null)
        {
            return;
        }
        foreach (var condition in conditions.Values)
        {
            Check(condition.AttributeValueList);
        }
    }

    /// <summary>Checks the values of the legacy AttributeUpdates parameter.</summary>
    public void Check(IReadOnlyDictionary<string, AttributeValueUpdate>? updates)
    {
        if (updates is null)
        {
            return;
        }
        foreach (var update in updates.Values)
        {
            if (update.Value is { } value)
            {
                Check(value, null);
            }
        }
    }

    /// <summary>Checks one value; a bad expression value is reported with its <paramref name="placeholder"/>.</summary>
    public void Check(AttributeValue value, string? placeholder)
    {
        if (FirstFault(value, 1) is not { } fault)
        {
            return;
        }
        var message = fault.Describe(_reading);
        throw DynamoDbErrors.Validation(placeholder is not null && _reading == NumberReading.BigDecimal
            ? $"ExpressionAttributeValues contains invalid value: {message} for key {placeholder}"
            : message);
    }

    /// <summary>Whether an item's documents stay within the depth limit (the check of an item an update has made).</summary>
    public static bool WithinDepth(IReadOnlyDictionary<string, AttributeValue> item)
    {
        foreach (var (_, value) in ItemEntries.Of(item))
        {
            if (Current.FirstFault(value, 1) is not null)
            {
                return false;
            }
        }
        return true;
    }

    // The first fault in document order: a value below the depth limit is refused before anything in it.
    private ValueFault? FirstFault(AttributeValue value, int level)
    {
        if (level > _maxDepth)
        {
            return NestingFault.Instance;
        }
        switch (value.Type)
        {
            case AttributeType.Invalid:
                return value.Fault;
            case AttributeType.M:
                foreach (var (_, member) in ItemEntries.Of(value.M))
                {
                    if (FirstFault(member, level + 1) is { } fault)
                    {
                        return fault;
                    }
                }
                return null;
            case AttributeType.L:
                // By index: a foreach over the IReadOnlyList would box its enumerator.
                var elements = value.L;
                for (var i = 0; i < elements.Count; i++)
                {
                    if (FirstFault(elements[i], level + 1) is { } fault)
                    {
                        return fault;
                    }
                }
                return null;
            default:
                return null;
        }
    }
}
