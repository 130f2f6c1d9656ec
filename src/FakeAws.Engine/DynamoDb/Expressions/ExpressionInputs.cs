using FakeAws.Engine.DynamoDb.Model;
using LegacyCondition = FakeAws.Engine.DynamoDb.Model.Condition;

namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>The DynamoDB operations whose requests carry expressions; each allows its own parameters.</summary>
internal enum ExpressionOperation
{
    /// <summary>GetItem, and each table of BatchGetItem and each Get of TransactGetItems.</summary>
    GetItem,

    /// <summary>PutItem, and a Put of TransactWriteItems.</summary>
    PutItem,

    /// <summary>DeleteItem, and a Delete of TransactWriteItems.</summary>
    DeleteItem,

    /// <summary>UpdateItem, and an Update of TransactWriteItems.</summary>
    UpdateItem,

    Query,

    Scan,

    /// <summary>A ConditionCheck of TransactWriteItems: a ConditionExpression and nothing legacy.</summary>
    ConditionCheck,
}

/// <summary>
/// The expression-related parameters of one request, copied from its input shape. Leave out what the
/// operation does not have. The shapes' own <c>Validate</c> (enums, required members) has run already.
/// </summary>
internal sealed class ExpressionInputs
{
    public string? ConditionExpression { get; init; }

    public string? FilterExpression { get; init; }

    public string? KeyConditionExpression { get; init; }

    public string? ProjectionExpression { get; init; }

    public string? UpdateExpression { get; init; }

    public IReadOnlyDictionary<string, string>? ExpressionAttributeNames { get; init; }

    public IReadOnlyDictionary<string, AttributeValue>? ExpressionAttributeValues { get; init; }

    /// <summary>Legacy condition of PutItem, DeleteItem and UpdateItem.</summary>
    public IReadOnlyDictionary<string, ExpectedAttributeValue>? Expected { get; init; }

    /// <summary>AND (the default) or OR, joining Expected, QueryFilter or ScanFilter entries.</summary>
    public string? ConditionalOperator { get; init; }

    /// <summary>Legacy projection of GetItem, Query and Scan.</summary>
    public IReadOnlyList<string>? AttributesToGet { get; init; }

    /// <summary>Legacy key condition of Query.</summary>
    public IReadOnlyDictionary<string, LegacyCondition>? KeyConditions { get; init; }

    /// <summary>Legacy filter of Query.</summary>
    public IReadOnlyDictionary<string, LegacyCondition>? QueryFilter { get; init; }

    /// <summary>Legacy filter of Scan.</summary>
    public IReadOnlyDictionary<string, LegacyCondition>? ScanFilter { get; init; }

    /// <summary>Legacy update of UpdateItem.</summary>
    public IReadOnlyDictionary<string, AttributeValueUpdate>? AttributeUpdates { get; init; }
}
