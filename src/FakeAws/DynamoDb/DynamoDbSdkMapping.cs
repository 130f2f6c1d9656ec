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

    /// <summary>
    /// Members of the SDK's DynamoDB model that the engine's model does not have, keyed
    /// <c>Type.Member</c>, each with the reason it is not copied. A member missing from both the engine's
    /// model and this list fails <c>SdkMappingDriftTests</c>, so one AWS adds is never dropped silently.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Ignored = new Dictionary<string, string>
    {
        ["ConsumedCapacity.VectorIndexes"] = VectorIndexes,
        ["CreateTableRequest.VectorIndexes"] = VectorIndexes,
        ["RestoreTableFromBackupRequest.VectorIndexOverride"] = VectorIndexes,
        ["RestoreTableToPointInTimeRequest.VectorIndexOverride"] = VectorIndexes,
        ["SourceTableFeatureDetails.VectorIndexes"] = VectorIndexes,
        ["TableDescription.VectorIndexes"] = VectorIndexes,
        ["UpdateTableRequest.VectorIndexUpdates"] = VectorIndexes,
        ["ReplicationGroupUpdate.Disassociate"] = Disassociation,
        ["TableDescription.DisassociationProtectionEnabled"] = Disassociation,
        ["UpdateTableRequest.DisassociationProtectionEnabled"] = Disassociation,
    };

    private const string VectorIndexes =
        "vector indexes are newer than the engine's model (botocore's dynamodb-2012-08-10 as checked in); the wire path drops them too";

    private const string Disassociation =
        "replica disassociation is newer than the engine's model (botocore's dynamodb-2012-08-10 as checked in); the wire path drops it too";
}
