using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>A checked secondary index of a CreateTable or UpdateTable request, ready to be made.</summary>
internal sealed record IndexDefinition(
    string Name,
    bool IsGlobal,
    KeySchema Key,
    Projection Projection,
    ProvisionedThroughput? Throughput,
    OnDemandThroughput? OnDemandThroughput)
{
    private const int MaxLocalIndexes = 5;
    private const int MaxGlobalIndexes = 20;

    /// <summary>Makes the index for a table with key <paramref name="tableKey"/> and ARN <paramref name="tableArn"/>.</summary>
    public SecondaryIndex Create(KeySchema tableKey, string tableArn) =>
        new(Name, IsGlobal, Key, tableKey, Projection, $"{tableArn}/index/{Name}")
        {
            ReadCapacityUnits = Throughput?.ReadCapacityUnits ?? 0,
            WriteCapacityUnits = Throughput?.WriteCapacityUnits ?? 0,
            OnDemandThroughput = OnDemandThroughput,
        };

    /// <summary>
    /// The local and global indexes of a CreateTable request, checked in the order DynamoDB checks
    /// them and with its messages; the table's own key has been checked already.
    /// </summary>
    public static List<IndexDefinition> ValidateAtCreate(CreateTableInput input, KeySchema tableKey)
    {
        var definitions = input.AttributeDefinitions!;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var indexes = new List<IndexDefinition>();
        if (input.LocalSecondaryIndexes is { } locals)
        {
            if (locals.Count == 0)
            {
                throw Invalid("List of LocalSecondaryIndexes is empty");
            }
            if (tableKey.Range is null)
            {
                throw Invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            foreach (var index in locals)
            {
                var key = CheckKeySchema(index.KeySchema!, definitions, isGlobal: false);
                if (index.KeySchema!.Count != 2)
                {
                    throw Invalid($"Index KeySchema does not have a range key for index: {index.IndexName}");
                }
                if (key.Hash.Name != tableKey.Hash.Name)
                {
                    throw Invalid(
                        $"Index KeySchema does not have the same leading hash key as table KeySchema for index: {index.IndexName}. index hash key: {key.Hash.Name}, table hash key: {tableKey.Hash.Name}");
                }
                CheckProjection(index.Projection!);
                CheckUnique(names, index.IndexName!);
                indexes.Add(new IndexDefinition(index.IndexName!, false, key, index.Projection!, null, null));
            }
            if (locals.Count > MaxLocalIndexes)
            {
                throw Invalid($"Number of LocalSecondaryIndexes exceeds per-table limit of {MaxLocalIndexes}");
            }
        }
        if (input.GlobalSecondaryIndexes is { } globals)
        {
            if (globals.Count == 0)
            {
                throw Invalid("List of GlobalSecondaryIndexes is empty");
            }
            var onDemand = input.BillingMode == "PAY_PER_REQUEST";
            foreach (var index in globals)
            {
                var key = CheckKeySchema(index.KeySchema!, definitions, isGlobal: true);
                CheckProjection(index.Projection!);
                if (onDemand && index.ProvisionedThroughput is not null)
                {
                    throw Invalid($"ProvisionedThroughput should not be specified for index: {index.IndexName} when BillingMode is PAY_PER_REQUEST");
                }
                if (!onDemand && index.ProvisionedThroughput is null)
                {
                    throw Invalid($"ProvisionedThroughput is not specified for index: {index.IndexName}");
                }
                CheckUnique(names, index.IndexName!);
                indexes.Add(new IndexDefinition(index.IndexName!, true, key, index.Projection!, index.ProvisionedThroughput, index.OnDemandThroughput));
            }
            if (globals.Count > MaxGlobalIndexes)
            {
                throw Invalid($"GlobalSecondaryIndex count exceeds the per-table limit of {MaxGlobalIndexes}");
            }
        }
        if (indexes.Count > 0)
        {
            CheckAllDefinitionsUsed(definitions, tableKey, indexes);
        }
        return indexes;
    }

    /// <summary>The Create of an UpdateTable's GlobalSecondaryIndexUpdates, checked against the table.</summary>
    public static IndexDefinition ValidateCreate(CreateGlobalSecondaryIndexAction create, Table table, List<AttributeDefinition>? definitions)
    {
        if (table.Index(create.IndexName!) is not null)
        {
            throw DynamoDbErrors.Validation("Attempting to create an index which already exists");
        }
        if (definitions is null)
        {
            throw Invalid($"AttributeDefinitions is not specified for index: {create.IndexName}");
        }
        var key = CheckKeySchema(create.KeySchema!, definitions, isGlobal: true);
        CheckProjection(create.Projection!);
        if (table.BillingMode == "PAY_PER_REQUEST" && create.ProvisionedThroughput is not null)
        {
            throw Invalid($"Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: {create.IndexName} when BillingMode is PAY_PER_REQUEST");
        }
        if (table.BillingMode == "PROVISIONED" && create.ProvisionedThroughput is null)
        {
            throw Invalid($"ProvisionedThroughput must be specified for index: {create.IndexName}");
        }
        return new IndexDefinition(create.IndexName!, true, key, create.Projection!, create.ProvisionedThroughput, create.OnDemandThroughput);
    }

    private const int MaxKeyAttributesPerKeyType = 4;

    // An index's key schema: defined attributes, HASH then RANGE, different names. A global index may
    // have up to four of each (multi-attribute keys); a local one has one HASH and one RANGE.
    private static KeySchema CheckKeySchema(List<KeySchemaElement> schema, List<AttributeDefinition> definitions, bool isGlobal)
    {
        var defined = definitions.Select(d => d.AttributeName!).ToList();
        var keys = schema.Select(k => k.AttributeName!).ToList();
        if (keys.Any(k => !defined.Contains(k)))
        {
            throw Invalid(
                $"Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", keys)}], AttributeDefinitions: [{string.Join(", ", defined)}]");
        }
        if (keys.Count == 2 && keys[0] == keys[1])
        {
            throw DynamoDbErrors.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (keys.Distinct().Count() != keys.Count)
        {
            throw DynamoDbErrors.Validation("The KeySchema contains multiple key attributes with the same name");
        }
        if (schema[0].KeyType != "HASH")
        {
            throw DynamoDbErrors.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (!isGlobal && schema.Count == 2 && schema[1].KeyType != "RANGE")
        {
            throw DynamoDbErrors.Validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        var hashCount = schema.TakeWhile(k => k.KeyType == "HASH").Count();
        if (schema.Skip(hashCount).Any(k => k.KeyType == "HASH"))
        {
            throw Invalid("All HASH key attributes must precede RANGE key attributes in the KeySchema");
        }
        if (hashCount > MaxKeyAttributesPerKeyType)
        {
            throw Invalid("The KeySchema exceeds the maximum allowed number of HASH key attributes");
        }
        if (schema.Count - hashCount > MaxKeyAttributesPerKeyType)
        {
            throw Invalid("The KeySchema exceeds the maximum allowed number of RANGE key attributes");
        }
        var attributes = keys.Select(name => new KeyAttribute(name, Enum.Parse<AttributeType>(definitions.First(d => d.AttributeName == name).AttributeType!))).ToArray();
        return new KeySchema(attributes[..hashCount], attributes[hashCount..]);
    }

    private static void CheckProjection(Projection projection)
    {
        var type = projection.ProjectionType;
        if (type is null)
        {
            throw Invalid("Unknown ProjectionType: null");
        }
        if (projection.NonKeyAttributes is not null && type != "INCLUDE")
        {
            throw Invalid($"ProjectionType is {type}, but NonKeyAttributes is specified");
        }
        if (projection.NonKeyAttributes is null && type == "INCLUDE")
        {
            throw Invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        // Key attributes may be named (AWS accepts them); the same name twice may not.
        if (projection.NonKeyAttributes?.GroupBy(a => a, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicated)
        {
            throw Invalid($"Duplicate element in NonKeyAttributes: {duplicated.Key}");
        }
    }

    private static void CheckUnique(HashSet<string> names, string name)
    {
        if (!names.Add(name))
        {
            throw Invalid($"Duplicate index name: {name}");
        }
    }

    // With indexes, DynamoDB names the definitions no key uses instead of comparing counts.
    private static void CheckAllDefinitionsUsed(List<AttributeDefinition> definitions, KeySchema tableKey, List<IndexDefinition> indexes)
    {
        var used = tableKey.Attributes.Concat(indexes.SelectMany(i => i.Key.Attributes)).Select(a => a.Name).Distinct().ToList();
        var defined = definitions.Select(d => d.AttributeName!).ToList();
        if (defined.Any(d => !used.Contains(d)))
        {
            throw Invalid(
                $"Some AttributeDefinitions are not used. AttributeDefinitions: [{string.Join(", ", defined)}], keys used: [{string.Join(", ", used)}]");
        }
    }

    private static Core.AwsServiceException Invalid(string detail) =>
        DynamoDbErrors.Validation($"One or more parameter values were invalid: {detail}");
}
