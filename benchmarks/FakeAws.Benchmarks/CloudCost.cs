using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Sdk;

namespace FakeAws.Benchmarks;

/// <summary>
/// A quick check outside BenchmarkDotNet of what a cloud allocates, counted with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> after a warm-up, and of how many service URLs
/// (entries of the SDK's retry-capacity cache) many clouds leave behind:
/// <c>dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- cloud-cost</c>.
/// </summary>
internal static class CloudCost
{
    private const int Clouds = 2_000;

    public static CreateTableRequest Table() => new()
    {
        TableName = "items",
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
    };

    public static void Run()
    {
        for (var i = 0; i < 3; i++)
        {
            Measure();
        }
        var (cloud, client, table) = Measure();
        Console.WriteLine($"empty cloud: {cloud:N0} B; + DynamoDB client: {client:N0} B; + CreateTable: {table:N0} B");

        var ids = LiveClouds.IdsMade;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < Clouds; i++)
        {
            using var aws = new FakeAwsCloud();
            using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
            ddb.CreateTableAsync(Table()).GetAwaiter().GetResult();
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{Clouds:N0} clouds created, used and disposed: {LiveClouds.IdsMade - ids} new service URLs, retained heap {after - before:N0} B");
    }

    private static (long Cloud, long Client, long Table) Measure()
    {
        var start = GC.GetAllocatedBytesForCurrentThread();
        using var aws = new FakeAwsCloud();
        var cloud = GC.GetAllocatedBytesForCurrentThread();
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        var client = GC.GetAllocatedBytesForCurrentThread();
        ddb.CreateTableAsync(Table()).GetAwaiter().GetResult();
        var table = GC.GetAllocatedBytesForCurrentThread();
        return (cloud - start, client - cloud, table - client);
    }
}
