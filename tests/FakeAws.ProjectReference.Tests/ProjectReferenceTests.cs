using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws;
using NUnit.Framework;

namespace FakeAws.ProjectReference.Tests;

/// <summary>Compiles only when a ProjectReference to src/FakeAws alone exposes the engine's public types (issue #22, item 9).</summary>
public class ProjectReferenceTests
{
    [Test]
    public async Task TheClockAndOptions_AreUsableFromAProjectReference()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { Region = "eu-west-1" });
        VirtualClock clock = aws.Clock;
        var start = clock.GetUtcNow();
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "items",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });

        clock.Advance(TimeSpan.FromHours(2));
        await aws.RunUntilIdleAsync();

        Assert.That(clock.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromHours(2)));
        var table = await ddb.DescribeTableAsync("items");
        Assert.That(table.Table.TableArn, Does.StartWith("arn:aws:dynamodb:eu-west-1:"));
    }
}
