using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Tests.DynamoDb;

/// <summary>How a DynamoDB fixture's client reaches the fake.</summary>
public enum DynamoDbPath
{
    /// <summary>The typed fast path (the default).</summary>
    Fast,

    /// <summary>The in-memory HTTP route through the JSON protocol.</summary>
    Wire,
}

/// <summary>
/// A fresh cloud and DynamoDB client per test. Every derived fixture runs twice, on the fast path and
/// on the wire, because both must give identical results.
/// </summary>
[TestFixture(DynamoDbPath.Fast)]
[TestFixture(DynamoDbPath.Wire)]
public abstract class DynamoDbTestBase(DynamoDbPath path)
{
    protected static readonly DateTimeOffset Start = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected DynamoDbPath Path => path;
    protected FakeTimeProvider Time { get; private set; } = null!;
    protected FakeAwsCloud Aws { get; private set; } = null!;
    protected AmazonDynamoDBClient Ddb { get; private set; } = null!;

    [SetUp]
    public void CreateCloud()
    {
        Time = new FakeTimeProvider(Start);
        Aws = new FakeAwsCloud(Options(new FakeAwsOptions { TimeProvider = Time, DynamoDb = { UseWirePath = path == DynamoDbPath.Wire } }));
        Ddb = Aws.CreateClient<AmazonDynamoDBClient>();
    }

    [TearDown]
    public void DisposeCloud()
    {
        Ddb.Dispose();
        Aws.Dispose();
    }

    /// <summary>Lets a fixture adjust the cloud's options.</summary>
    protected virtual FakeAwsOptions Options(FakeAwsOptions options) => options;

    protected Task<CreateTableResponse> CreateTableAsync(string name, string hash = "pk", ScalarAttributeType? hashType = null,
        string? range = null, ScalarAttributeType? rangeType = null) =>
        Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = range is null
                ? [new KeySchemaElement(hash, KeyType.HASH)]
                : [new KeySchemaElement(hash, KeyType.HASH), new KeySchemaElement(range, KeyType.RANGE)],
            AttributeDefinitions = range is null
                ? [new AttributeDefinition(hash, hashType ?? ScalarAttributeType.S)]
                : [new AttributeDefinition(hash, hashType ?? ScalarAttributeType.S), new AttributeDefinition(range, rangeType ?? ScalarAttributeType.S)],
        });

    protected static Dictionary<string, AttributeValue> Item(params (string Name, AttributeValue Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value);

    protected static AttributeValue S(string value) => new() { S = value };

    protected static AttributeValue N(string value) => new() { N = value };

    /// <summary>Asserts that <paramref name="call"/> fails with <typeparamref name="T"/> and exactly <paramref name="message"/>.</summary>
    protected static T Fails<T>(Func<Task> call, string message) where T : Amazon.Runtime.AmazonServiceException
    {
        var error = Assert.ThrowsAsync<T>(async () => await call());
        Assert.That(error!.Message, Is.EqualTo(message));
        return error;
    }

    /// <summary>Asserts a ValidationException (which the .NET SDK has no class for) with exactly <paramref name="message"/>.</summary>
    protected static void Invalid(Func<Task> call, string message)
    {
        var error = Fails<AmazonDynamoDBException>(call, message);
        Assert.That(error.ErrorCode, Is.EqualTo("ValidationException"));
        Assert.That(error.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
    }
}
