using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Tests.Testing;

/// <summary>The SDK's own retries back off on the cloud's virtual clock: a retried PutItem succeeds at once while the clock moves by the back-off.</summary>
public class SdkRetryTests
{
    private static readonly DateTimeOffset Start = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, AttributeValue> Key(int i) => new() { ["pk"] = new AttributeValue { S = i.ToString(CultureInfo.InvariantCulture) } };

    private static async Task<AmazonDynamoDBClient> RetryingClientAsync(FakeAwsCloud aws, int maxErrorRetry, long? writeCapacity = null, RequestRetryMode? mode = null)
    {
        var config = new AmazonDynamoDBConfig { MaxErrorRetry = maxErrorRetry };
        if (mode is { } retryMode)
        {
            config.RetryMode = retryMode;
        }
        var ddb = new AmazonDynamoDBClient(aws.Credentials, aws.Configure(config));
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            BillingMode = writeCapacity is null ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
            ProvisionedThroughput = writeCapacity is { } units ? new ProvisionedThroughput(1, units) : null,
        });
        return ddb;
    }

    [Test]
    public async Task InjectedThrottling_IsRetried_AndTheClockMovesByTheBackoff()
    {
        var time = new FakeTimeProvider(Start);
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = time });
        using var ddb = await RetryingClientAsync(aws, maxErrorRetry: 3);
        aws.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "PutItem", Throttle = true, Times = 2 });

        await ddb.PutItemAsync("orders", Key(1));

        var puts = aws.Calls.Of("dynamodb", "PutItem");
        Assert.That(puts.Select(c => c.ErrorCode), Is.EqualTo(new[] { "ProvisionedThroughputExceededException", "ProvisionedThroughputExceededException", null }));
        // The SDK's standard back-off after a throttle: up to 1 s before the first retry, 2 s before the second.
        var waited = time.GetUtcNow() - Start;
        Assert.That(waited, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(puts[2].Time - puts[0].Time, Is.EqualTo(waited));
        Assert.That(puts[1].Time, Is.InRange(puts[0].Time, puts[2].Time));
    }

    [Test]
    public async Task AdaptiveMode_RateLimitsOnTheCloudsClock_AfterAThrottle()
    {
        var time = new FakeTimeProvider(Start);
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = time });
        using var ddb = await RetryingClientAsync(aws, maxErrorRetry: 3, mode: RequestRetryMode.Adaptive);
        aws.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "PutItem", Throttle = true, Times = 2 });
        await ddb.PutItemAsync("orders", Key(0));
        var afterThrottles = time.GetUtcNow();

        // A throttle turns the client's rate limiter on at a low sending rate. The clock stands still
        // between the calls, so every token it waits for is waited for on the cloud's clock.
        for (var i = 1; i <= 20; i++)
        {
            await ddb.PutItemAsync("orders", Key(i));
        }

        Assert.That(aws.Calls.Of("dynamodb", "PutItem").Count(c => c.Succeeded), Is.EqualTo(21));
        Assert.That(time.GetUtcNow(), Is.GreaterThan(afterThrottles), "the rate limiter's waits moved the cloud's clock");
    }

    [Test]
    public async Task InjectedErrors_BeyondTheRetryLimit_ReachTheCaller()
    {
        using var aws = new FakeAwsCloud();
        using var ddb = await RetryingClientAsync(aws, maxErrorRetry: 2);
        aws.Faults.Add(new FaultRule { Operation = "PutItem", ErrorCode = "InternalServerError", StatusCode = 500 });

        Assert.ThrowsAsync<InternalServerErrorException>(() => ddb.PutItemAsync("orders", Key(1)));
        Assert.That(aws.Calls.Of("dynamodb", "PutItem"), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task ErrorsTheSdkDoesNotRetry_AreNotRetried()
    {
        using var aws = new FakeAwsCloud();
        using var ddb = await RetryingClientAsync(aws, maxErrorRetry: 3);

        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "orders",
            Item = Key(1),
            ConditionExpression = "attribute_exists(pk)",
        }));
        Assert.That(aws.Calls.Of("dynamodb", "PutItem"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ProvisionedThrottling_RefillsDuringTheBackoff_AndTheRetriedPutSucceeds()
    {
        var time = new FakeTimeProvider(Start);
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = time });
        using var ddb = await RetryingClientAsync(aws, maxErrorRetry: 10, writeCapacity: 1);
        // 300 seconds of burst capacity, spent at one instant.
        for (var i = 0; i < 300; i++)
        {
            await ddb.PutItemAsync("orders", Key(i));
        }
        aws.Calls.Clear();

        await ddb.PutItemAsync("orders", Key(300));

        var puts = aws.Calls.Of("dynamodb", "PutItem");
        Assert.That(puts[^1].Succeeded, Is.True);
        Assert.That(puts.Take(puts.Count - 1).Select(c => c.ErrorCode).Distinct(), Is.EqualTo(new[] { "ProvisionedThroughputExceededException" }));
        // The write got through once the back-off had let the table refill: it ran at the clock's new time.
        Assert.That(puts[^1].Time, Is.GreaterThan(Start).And.EqualTo(time.GetUtcNow()));
    }

    [Test]
    public async Task AClientWithoutRetries_FailsAtOnce_AndTheClockStands()
    {
        var time = new FakeTimeProvider(Start);
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = time });
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        aws.Faults.Add(new FaultRule { Operation = "PutItem", Throttle = true, Times = 1 });

        Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => ddb.PutItemAsync("orders", Key(1)));
        Assert.That(time.GetUtcNow(), Is.EqualTo(Start));
    }
}
