using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;

namespace FakeAws.Benchmarks;

/// <summary>
/// What one cloud per test costs: an empty cloud, with an official client, and with a client that
/// creates one table (through the fast path, as a test would). Each cloud is disposed in the same
/// operation, so the figures include giving it back.
/// </summary>
[MemoryDiagnoser]
public class CloudCostBenchmarks
{
    [Benchmark(Baseline = true, Description = "new FakeAwsCloud()")]
    public string Cloud()
    {
        using var aws = new FakeAwsCloud();
        return aws.Id;
    }

    [Benchmark(Description = "cloud + DynamoDB client")]
    public string CloudAndClient()
    {
        using var aws = new FakeAwsCloud();
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        return aws.Id;
    }

    [Benchmark(Description = "cloud + client + CreateTable")]
    public async Task<string> CloudClientAndTable()
    {
        using var aws = new FakeAwsCloud();
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(CloudCost.Table());
        return aws.Id;
    }
}
