using FakeAws.Sdk;
using EngineValue = FakeAws.Engine.DynamoDb.AttributeValue;
using SdkModel = Amazon.DynamoDBv2.Model;

namespace FakeAws.DynamoDb;

/// <summary>
/// How the fast path copies DynamoDB's SDK model to the engine's and back: every member present on both
/// sides is copied by <see cref="SdkModelMapper"/>'s conventions; the exceptions are listed here.
/// </summary>
internal static class DynamoDbSdkMapping
{
    /// <summary>One mapper for the process: its compiled copies do not depend on the cloud.</summary>
    public static readonly SdkModelMapper Mapper = new(
        [
            new Func<SdkModel.AttributeValue, EngineValue>(SdkAttributeValues.ToEngine),
            new Func<EngineValue, SdkModel.AttributeValue>(SdkAttributeValues.ToSdk),
            new Func<Dictionary<string, SdkModel.AttributeValue>, Dictionary<string, EngineValue>>(SdkAttributeValues.ToEngine),
            new Func<IReadOnlyDictionary<string, EngineValue>, Dictionary<string, SdkModel.AttributeValue>>(SdkAttributeValues.ToSdk),
        ],
        new Dictionary<string, Delegate>
        {
            [ExpressionAttributeValues.Member] =
                new Func<Dictionary<string, SdkModel.AttributeValue>, Dictionary<string, EngineValue>>(SdkAttributeValues.ToEngineExpressionValues),
        });
}
