namespace FakeAws.DynamoDb;

/// <summary>
/// DynamoDB reports a value error in ExpressionAttributeValues with the placeholder's name
/// ("ExpressionAttributeValues contains invalid value: … for key :v"). Every member of that name, in any
/// shape and on either path, is read by this rule: <see cref="ExpressionValuesJsonConverter"/> on the wire,
/// <see cref="SdkAttributeValues.ToEngineExpressionValues"/> on the fast path.
/// </summary>
internal static class ExpressionAttributeValues
{
    /// <summary>The member's name in DynamoDB's model.</summary>
    public const string Member = "ExpressionAttributeValues";
}
