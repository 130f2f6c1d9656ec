using Amazon.DynamoDBv2;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// A cloud whose tables take <see cref="StatusDelay"/> to change status, with a client for the replica
/// region (eu-west-1) beside <see cref="DynamoDbTestBase.Ddb"/> (us-east-1).
/// </summary>
public abstract class GlobalTableTestBase(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected static readonly TimeSpan StatusDelay = TimeSpan.FromSeconds(10);

    /// <summary>The client of the replica region.</summary>
    protected AmazonDynamoDBClient Eu { get; private set; } = null!;

    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.TableStatusDelay = StatusDelay;
        return options;
    }

    [SetUp]
    public void CreateReplicaClient() => Eu = Aws.CreateClient<AmazonDynamoDBClient>("eu-west-1");

    [TearDown]
    public void DisposeReplicaClient() => Eu.Dispose();
}
