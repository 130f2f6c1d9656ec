namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>The five expression parameters; the name is the one AWS puts in its messages.</summary>
internal enum ExpressionKind
{
    UpdateExpression,
    ConditionExpression,
    KeyConditionExpression,
    FilterExpression,
    ProjectionExpression,
}
