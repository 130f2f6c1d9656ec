using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.Testing;

/// <summary>Injected faults through the official DynamoDB client, on the fast path and on the wire: exactly the chosen calls fail, with typed exceptions.</summary>
public class FaultInjectionTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private Task PutAsync(string pk) => Ddb.PutItemAsync("orders", Item(("pk", S(pk))));

    [SetUp]
    public Task CreateOrdersAsync() => CreateTableAsync("orders");

    [Test]
    public async Task InternalServerError_Once_FailsExactlyTheNextPutItem()
    {
        Aws.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "PutItem", ErrorCode = "InternalServerError", StatusCode = 500, Times = 1 });
        await Ddb.GetItemAsync("orders", Item(("pk", S("a"))));

        var error = Assert.ThrowsAsync<InternalServerErrorException>(() => PutAsync("a"));
        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(error.ErrorCode, Is.EqualTo("InternalServerError"));
        await PutAsync("a");
        Assert.That((await Ddb.GetItemAsync("orders", Item(("pk", S("a"))))).Item["pk"].S, Is.EqualTo("a"));
    }

    [Test]
    public async Task Throttle_FailsWithDynamoDbsOwnThrottlingError()
    {
        Aws.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "PutItem", Throttle = true, Times = 1 });

        var error = Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => PutAsync("a"));
        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.StartWith("The level of configured provisioned throughput for the table was exceeded."));
        await PutAsync("a");
    }

    [Test]
    public async Task ErrorCode_OfAnSdkClass_WithoutStatus_IsTheClientsError()
    {
        Aws.Faults.Add(new FaultRule { Operation = "PutItem", ErrorCode = "ProvisionedThroughputExceededException", Message = "slow down" });

        var error = Fails<ProvisionedThroughputExceededException>(() => PutAsync("a"), "slow down");
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await Ddb.GetItemAsync("orders", Item(("pk", S("a"))));
    }

    [Test]
    public async Task AfterCalls_LetsTheFirstCallsThrough()
    {
        var fault = Aws.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "PutItem", ErrorCode = "InternalServerError", AfterCalls = 2, Times = 1 });
        await PutAsync("1");
        await PutAsync("2");
        Assert.ThrowsAsync<InternalServerErrorException>(() => PutAsync("3"));
        await PutAsync("4");

        Assert.That((fault.Matched, fault.Fired, fault.IsSpent), Is.EqualTo((4, 1, true)));
    }

    [Test]
    public async Task Region_And_Predicate_NarrowTheCalls()
    {
        using var west = Aws.CreateClient<AmazonDynamoDBClient>("eu-west-1");
        await west.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
        });
        Aws.Faults.Add(new FaultRule
        {
            Service = "dynamodb",
            Region = "us-east-1",
            When = call => call.Operation == "PutItem" && call.Request["Item"]!["pk"]!["S"]!.GetValue<string>() == "poison",
            ErrorCode = "InternalServerError",
        });

        await PutAsync("fine");
        await west.PutItemAsync("orders", Item(("pk", S("poison"))));
        Assert.ThrowsAsync<InternalServerErrorException>(() => PutAsync("poison"));
        Assert.ThrowsAsync<InternalServerErrorException>(() => PutAsync("poison"));
    }

    [Test]
    public async Task Remove_StopsTheRule()
    {
        var fault = Aws.Faults.Add(new FaultRule { Service = "dynamodb", ErrorCode = "InternalServerError" });
        Assert.ThrowsAsync<InternalServerErrorException>(() => PutAsync("a"));
        Assert.That(Aws.Faults.Active, Is.EqualTo(new[] { fault }));

        fault.Remove();
        await PutAsync("a");
        Assert.That(Aws.Faults.Active, Is.Empty);
    }

    [Test]
    public async Task Probability_DrawsFromTheSeededRandom_SoARunRepeats()
    {
        var first = await FailurePatternAsync(seed: 7);
        var second = await FailurePatternAsync(seed: 7);

        Assert.That(first, Is.EqualTo(second));
        Assert.That(first, Does.Contain(true).And.Contain(false));
    }

    private async Task<bool[]> FailurePatternAsync(int seed)
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { Seed = seed, DynamoDb = { UseWirePath = Path == DynamoDbPath.Wire } });
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
        });
        aws.Faults.Add(new FaultRule { Operation = "GetItem", ErrorCode = "InternalServerError", Probability = 0.5 });
        var pattern = new bool[40];
        for (var i = 0; i < pattern.Length; i++)
        {
            try
            {
                await ddb.GetItemAsync("orders", Item(("pk", S("a"))));
            }
            catch (InternalServerErrorException)
            {
                pattern[i] = true;
            }
        }
        return pattern;
    }

    [Test]
    public async Task Latency_DelaysTheCallOnTheVirtualClock()
    {
        Aws.Faults.Add(new FaultRule { Operation = "PutItem", Latency = TimeSpan.FromSeconds(2), Times = 1 });
        var before = Aws.Clock.GetUtcNow();

        var put = PutAsync("a");
        Assert.That(put.IsCompleted, Is.False);
        Aws.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(put.IsCompleted, Is.False);
        Aws.Clock.Advance(TimeSpan.FromSeconds(1));
        await put;

        var call = Aws.Calls.Of("dynamodb", "PutItem").Single();
        Assert.That((call.Time, call.Succeeded), Is.EqualTo((before, true)));
    }

    [Test]
    public void Add_RefusesARuleWithoutEffect_OrOutOfRange()
    {
        Assert.Throws<ArgumentException>(() => Aws.Faults.Add(new FaultRule { Service = "dynamodb" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Aws.Faults.Add(new FaultRule { ErrorCode = "X", Probability = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Aws.Faults.Add(new FaultRule { ErrorCode = "X", Times = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Aws.Faults.Add(new FaultRule { ErrorCode = "X", StatusCode = 200 }));
        Assert.That(Aws.Faults.Active, Is.Empty);
    }
}
