using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.Protocol;

/// <summary>What DynamoDB's front door answers before the service reads a request: malformed HTTP, compressed bodies, the health check.</summary>
public class FrontDoorTests
{
    private const string PutItem = """{"TableName":"items","Item":{"pk":{"S":"a"}}}""";

    private FakeAwsCloud _aws = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task Create()
    {
        _aws = new FakeAwsCloud();
        _http = new HttpClient(_aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(_aws.ServiceUrl) };
        using var ddb = _aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "items",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
    }

    [TearDown]
    public void Dispose()
    {
        _http.Dispose();
        _aws.Dispose();
    }

    private static HttpRequestMessage DynamoDb(string? operation, HttpContent content, string? contentType = "application/x-amz-json-1.0")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        if (operation is not null)
        {
            request.Headers.Add("X-Amz-Target", $"DynamoDB_20120810.{operation}");
        }
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        return request;
    }

    private static ByteArrayContent Gzipped(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    private async Task<int> ItemCount()
    {
        using var ddb = _aws.CreateClient<AmazonDynamoDBClient>();
        return (await ddb.ScanAsync(new ScanRequest { TableName = "items" })).Count ?? 0;
    }

    private static async Task<string> Type(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("__type").GetString()!;

    [Test]
    public async Task GetSlash_IsTheHealthCheck()
    {
        using var response = await _http.GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("healthy: dynamodb.us-east-1.amazonaws.com "));
    }

    [Test]
    public async Task GzipBody_IsDecoded()
    {
        using var response = await _http.SendAsync(DynamoDb("PutItem", Gzipped(PutItem)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await ItemCount(), Is.EqualTo(1));
    }

    [Test]
    public async Task TwoConcatenatedGzipMembers_AreOneBody()
    {
        var first = await Gzipped(PutItem[..10]).ReadAsByteArrayAsync();
        var second = await Gzipped(PutItem[10..]).ReadAsByteArrayAsync();
        var content = new ByteArrayContent([.. first, .. second]);
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await _http.SendAsync(DynamoDb("PutItem", content));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("gzip", TestName = "ContentEncodingGzip_OnAPlainBody_Is500")]
    [TestCase("br", TestName = "ContentEncodingDynamoDbDoesNotKnow_Is500")]
    public async Task UndecodableBody_Is500AndWritesNothing(string coding)
    {
        var content = new StringContent(PutItem);
        content.Headers.ContentEncoding.Add(coding);

        using var response = await _http.SendAsync(DynamoDb("PutItem", content));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await Type(response), Is.EqualTo("com.amazonaws.dynamodb.v20120810#InternalServerError"));
        Assert.That(await ItemCount(), Is.Zero);
    }

    [Test]
    public async Task TruncatedGzip_Is500()
    {
        var bytes = await Gzipped(PutItem).ReadAsByteArrayAsync();
        var content = new ByteArrayContent(bytes[..^1]);
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await _http.SendAsync(DynamoDb("PutItem", content));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task GzipThatInflatesPast16Megabytes_Is413()
    {
        var huge = PutItem[..^1] + new string(' ', 17 * 1024 * 1024) + "}";

        using var response = await _http.SendAsync(DynamoDb("PutItem", Gzipped(huge)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task BodyOver16Megabytes_Is413()
    {
        using var response = await _http.SendAsync(DynamoDb("PutItem", new ByteArrayContent(new byte[16 * 1024 * 1024 + 1])));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task LargeResponse_IsGzippedForAClientThatAcceptsIt_SmallOneIsNot()
    {
        using var ddb = _aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.PutItemAsync("items", new Dictionary<string, AttributeValue> { ["pk"] = new("big"), ["v"] = new(new string('x', 5000)) });

        var large = DynamoDb("Scan", new StringContent("""{"TableName":"items"}"""));
        large.Headers.AcceptEncoding.ParseAdd("gzip");
        using var compressed = await _http.SendAsync(large);
        var small = DynamoDb("DescribeTable", new StringContent("""{"TableName":"items"}"""));
        small.Headers.AcceptEncoding.ParseAdd("gzip");
        using var plain = await _http.SendAsync(small);

        Assert.That(compressed.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }));
        using var inflated = new GZipStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var json = JsonDocument.Parse(inflated).RootElement;
        Assert.That(json.GetProperty("Items")[0].GetProperty("v").GetProperty("S").GetString(), Has.Length.EqualTo(5000));
        Assert.That(plain.Content.Headers.ContentEncoding, Is.Empty);
        Assert.That(JsonDocument.Parse(await plain.Content.ReadAsStringAsync()).RootElement.GetProperty("Table").GetProperty("TableName").GetString(), Is.EqualTo("items"));
    }

    [Test]
    public async Task LargeResponse_WithoutAcceptEncoding_IsPlain()
    {
        using var ddb = _aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.PutItemAsync("items", new Dictionary<string, AttributeValue> { ["pk"] = new("big"), ["v"] = new(new string('x', 5000)) });

        using var response = await _http.SendAsync(DynamoDb("Scan", new StringContent("""{"TableName":"items"}""")));

        Assert.That(response.Content.Headers.ContentEncoding, Is.Empty);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(new string('x', 5000)));
    }

    [TestCase("text/plain")]
    [TestCase(null)]
    public async Task BodyThatIsNotJson_ByContentType_Is404Page(string? contentType)
    {
        using var response = await _http.SendAsync(DynamoDb("ListTables", new StringContent("{}"), contentType));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("<UnknownOperationException/>\n"));
    }

    [Test]
    public async Task ApplicationJson_IsAccepted()
    {
        using var response = await _http.SendAsync(DynamoDb("ListTables", new StringContent("{}"), "application/json; charset=utf-8"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task MissingTarget_OnARequestSignedForDynamoDb_IsUnknownOperation()
    {
        using var response = await _http.SendAsync(DynamoDb(null, new StringContent("{}")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Type(response), Is.EqualTo("com.amazon.coral.service#UnknownOperationException"));
    }

    [TestCase("[]")]
    [TestCase("7")]
    [TestCase("\"text\"")]
    [TestCase("{\"TableName\":")]
    [TestCase("}{")]
    public async Task PayloadThatIsNotAJsonObject_IsSerializationException(string body)
    {
        using var response = await _http.SendAsync(DynamoDb("DescribeTable", new StringContent(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Type(response), Is.EqualTo("com.amazon.coral.service#SerializationException"));
    }

    [Test]
    public async Task JsonNull_IsAnEmptyInput()
    {
        using var response = await _http.SendAsync(DynamoDb("DescribeTable", new StringContent("null")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Type(response), Is.EqualTo("com.amazon.coral.validate#ValidationException"));
    }
}
