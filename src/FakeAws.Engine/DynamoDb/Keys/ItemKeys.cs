namespace FakeAws.Engine.DynamoDb;

/// <summary>The checks DynamoDB makes on an item's key attributes and on a request's key.</summary>
internal static class ItemKeys
{
    private const int MaxHashKeyBytes = 2048;
    private const int MaxRangeKeyBytes = 1024;

    /// <summary>The primary key of an item being written, checked as PutItem checks it.</summary>
    public static PrimaryKey OfNewItem(KeySchema schema, IReadOnlyDictionary<string, AttributeValue> item)
    {
        foreach (var attribute in schema.Attributes)
        {
            if (!item.TryGetValue(attribute.Name, out var value))
            {
                throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Missing the key {attribute.Name} in the item");
            }
            if (value.Type != attribute.Type)
            {
                throw DynamoDbErrors.Validation(
                    $"One or more parameter values were invalid: Type mismatch for key {attribute.Name} expected: {attribute.Type} actual: {value.Type}");
            }
            CheckKeyValue(attribute, value, schema.Hash == attribute);
        }
        return schema.KeyOf(item)!.Value;
    }

    /// <summary>
    /// The primary key a read, delete or update names. It must have exactly the key attributes with
    /// their types; anything else is "The provided key element does not match the schema".
    /// </summary>
    public static PrimaryKey OfRequest(KeySchema schema, IReadOnlyDictionary<string, AttributeValue>? key)
    {
        var expected = schema.Range is null ? 1 : 2;
        if (key is null || key.Count != expected)
        {
            throw DynamoDbErrors.KeySchemaMismatch();
        }
        foreach (var attribute in schema.Attributes)
        {
            if (!key.TryGetValue(attribute.Name, out var value) || value.Type != attribute.Type)
            {
                throw DynamoDbErrors.KeySchemaMismatch();
            }
            CheckKeyValue(attribute, value, schema.Hash == attribute);
        }
        return new PrimaryKey(key[schema.Hash.Name], schema.Range is null ? null : key[schema.Range.Name]);
    }

    /// <summary>
    /// Refuses a key attribute of <paramref name="values"/> (an item or a key) that holds an empty string or binary
    /// value: the transactions check this before anything else of the key.
    /// </summary>
    public static void RejectEmptyKeyValues(KeySchema schema, IReadOnlyDictionary<string, AttributeValue>? values)
    {
        if (values is null)
        {
            return;
        }
        foreach (var attribute in schema.Attributes)
        {
            if (values.TryGetValue(attribute.Name, out var value)
                && ((value.Type == AttributeType.S && value.S.Length == 0) || (value.Type == AttributeType.B && value.B.Length == 0)))
            {
                CheckKeyValue(attribute, value, schema.Hash == attribute);
            }
        }
    }

    private static void CheckKeyValue(KeyAttribute attribute, AttributeValue value, bool isHash)
    {
        var size = value.Type switch
        {
            AttributeType.S => AttributeValue.Utf8Length(value.S),
            AttributeType.B => value.B.Length,
            _ => -1,
        };
        if (size == 0)
        {
            var kind = value.Type == AttributeType.S ? "string" : "binary";
            throw DynamoDbErrors.Validation(
                $"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {kind} value. Key: {attribute.Name}");
        }
        if (isHash && size > MaxHashKeyBytes)
        {
            // AWS's text has no space before the number.
            throw DynamoDbErrors.Validation(
                $"One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of{MaxHashKeyBytes} bytes");
        }
        if (!isHash && size > MaxRangeKeyBytes)
        {
            throw DynamoDbErrors.Validation(
                $"One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of {MaxRangeKeyBytes} bytes");
        }
    }
}
