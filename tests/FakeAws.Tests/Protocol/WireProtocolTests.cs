using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.Protocol;

public class WireProtocolTests : InMemoryHttpTest
{
    private Task<HttpResponseMessage> DynamoDb(string operation, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", $"DynamoDB_20120810.{operation}");
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        return Http.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Test]
    public async Task UnknownOperation_NamesItAsNotAnOperation()
    {
        var response = await DynamoDb("MakeCoffee", "{}");
        var body = await Json(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("__type").GetString(), Is.EqualTo("com.amazon.coral.service#UnknownOperationException"));
        Assert.That(body.GetProperty("message").GetString(), Does.Contain("MakeCoffee"));
        Assert.That(response.Headers.GetValues("x-amzn-RequestId").Single(), Has.Length.EqualTo(52));
    }

    [Test]
    public async Task UnimplementedOperation_SaysFakeAwsDoesNotSupportItYet()
    {
        var response = await DynamoDb("DescribeExport", "{}");
        var body = await Json(response);

        Assert.That(body.GetProperty("__type").GetString(), Is.EqualTo("com.amazon.coral.service#UnknownOperationException"));
        Assert.That(body.GetProperty("message").GetString(), Is.EqualTo("FakeAws does not support the DynamoDB operation DescribeExport yet."));
    }

    [Test]
    public async Task UnimplementedOperation_ThroughTheSdk_IsATypedErrorNamingIt()
    {
        var ddb = Aws.CreateClient<AmazonDynamoDBClient>();
        var error = Assert.ThrowsAsync<AmazonDynamoDBException>(() => ddb.DescribeExportAsync(new DescribeExportRequest
        {
            ExportArn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01234567890123-abcdefgh",
        }));
        Assert.That(error!.ErrorCode, Is.EqualTo("UnknownOperationException"));
        Assert.That(error.Message, Does.Contain("DescribeExport"));
        Assert.That(error.ErrorType, Is.EqualTo(Amazon.Runtime.ErrorType.Sender), "the caller asked for what is not there, as AWS classes it");
        await Task.CompletedTask;
    }

    [Test]
    public async Task DescribeEndpoints_ThroughTheSdk_NamesTheRegionsEndpointForADay()
    {
        var ddb = Aws.CreateClient<AmazonDynamoDBClient>("eu-west-1");

        var endpoints = (await ddb.DescribeEndpointsAsync(new DescribeEndpointsRequest())).Endpoints;

        Assert.That(endpoints.Select(e => (e.Address, e.CachePeriodInMinutes)), Is.EqualTo(new[] { ("dynamodb.eu-west-1.amazonaws.com", 1440L) }));
    }

    [Test]
    public async Task MalformedJson_SerializationException()
    {
        var response = await DynamoDb("ListTables", "{\"Limit\": ");
        var body = await Json(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("__type").GetString(), Is.EqualTo("com.amazon.coral.service#SerializationException"));
    }

    [Test]
    public async Task WrongJsonType_SerializationException()
    {
        var response = await DynamoDb("PutItem", "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":5}}}");
        var body = await Json(response);

        Assert.That(body.GetProperty("__type").GetString(), Is.EqualTo("com.amazon.coral.service#SerializationException"));
        Assert.That(body.GetProperty("message").GetString(), Is.EqualTo("NUMBER_VALUE cannot be converted to String"));
    }

    [Test]
    public async Task ATimestampPastTheYear9999_SerializationException()
    {
        // Before the fix, the timestamp threw ArgumentOutOfRangeException out of the router.
        var response = await DynamoDb("ListBackups", "{\"TimeRangeLowerBound\":1000000000000000}");
        var body = await Json(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("__type").GetString(), Is.EqualTo("com.amazon.coral.service#SerializationException"));
    }

    [Test]
    public async Task MissingRequiredMember_NamedAsDynamoDbDoes()
    {
        var response = await DynamoDb("DescribeTable", "{}");
        var body = await Json(response);

        Assert.That(body.GetProperty("__type").GetString(), Is.EqualTo("com.amazon.coral.validate#ValidationException"));
        Assert.That(body.GetProperty("message").GetString(), Is.EqualTo("The parameter 'TableName' is required but was not present in the request"));
    }

    [Test]
    public async Task ServiceError_UsesTheDynamoDbNamespace()
    {
        var response = await DynamoDb("DescribeTable", "{\"TableName\":\"nope\"}");
        var body = await Json(response);

        Assert.That(body.GetProperty("__type").GetString(), Is.EqualTo("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/x-amz-json-1.0"));
    }

    [Test]
    public async Task SignedRegion_ScopesTheState()
    {
        var created = await DynamoDb("CreateTable",
            "{\"TableName\":\"regional\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
        var arn = (await Json(created)).GetProperty("TableDescription").GetProperty("TableArn").GetString();

        var elsewhere = await Aws.CreateClient<AmazonDynamoDBClient>("us-east-1").ListTablesAsync();

        Assert.That(arn, Is.EqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/regional"));
        Assert.That(elsewhere.TableNames, Is.Empty);
        Assert.That((await Aws.CreateClient<AmazonDynamoDBClient>("eu-west-1").ListTablesAsync()).TableNames, Is.EqualTo(new[] { "regional" }));
    }

    [Test]
    public async Task Admin_ClockAdvance_MovesTheVirtualClock()
    {
        var before = Aws.Clock.GetUtcNow();

        var response = await Http.PostAsync("/_fakeaws/clock/advance", new StringContent("{\"seconds\": 90}"));
        var body = await Json(response);

        Assert.That(Aws.Clock.GetUtcNow(), Is.EqualTo(before.AddSeconds(90)));
        Assert.That(DateTimeOffset.Parse(body.GetProperty("now").GetString()!), Is.EqualTo(before.AddSeconds(90)));
    }

    [Test]
    public async Task Admin_Reset_ClearsAllState()
    {
        var ddb = Aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest("gone", [new KeySchemaElement("pk", KeyType.HASH)], [new AttributeDefinition("pk", ScalarAttributeType.S)], null) { BillingMode = BillingMode.PAY_PER_REQUEST });

        await Http.PostAsync("/_fakeaws/reset", null);

        Assert.That((await ddb.ListTablesAsync()).TableNames, Is.Empty);
    }
}
