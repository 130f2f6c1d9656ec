using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FakeAws.Tests.ApiGateway;

// contentHandling on integration requests and responses: the rows of AWS's "Content type conversions in API Gateway".
public partial class NonProxyIntegrationTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0x00, 0x7F];

    /// <summary>
    /// POST /files with an HTTP integration whose request and default integration response have the
    /// given content handling, on an API with the given binary media types; the backend records the
    /// body it got and answers <paramref name="answer"/> as <paramref name="answerType"/>.
    /// </summary>
    private async Task<(HttpClient Client, List<byte[]> Received)> ConversionApi(string[]? binaryMediaTypes, string? requestHandling, string? responseHandling,
        byte[]? answer = null, string answerType = "text/plain")
    {
        var received = new List<byte[]>();
        Aws.ApiGateway.HttpIntegrationHandler = new Backend(async request =>
        {
            received.Add(request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync());
            var content = new ByteArrayContent(answer ?? Encoding.UTF8.GetBytes("ok"));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(answerType);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        var apiId = await CreateRestApi(new { name = "files", binaryMediaTypes });
        var resourceId = await CreateResource(apiId, await RootId(apiId), "files");
        await PutMethod(apiId, resourceId, "POST");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/POST/integration", new
        {
            type = "HTTP",
            httpMethod = "POST",
            uri = "https://backend.example.com/files",
            contentHandling = requestHandling,
        }), 201);
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/POST/responses/200", new { }), 201);
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/POST/integration/responses/200", new { contentHandling = responseHandling }), 201);
        await Deploy(apiId);
        return (Aws.ApiGateway.CreateHttpClient(apiId, "prod"), received);
    }

    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    // Text data: passed on as it is, unless converted to binary (base64-decoded).
    [TestCase(null, null, "aGVsbG8=")]
    [TestCase(null, "CONVERT_TO_BINARY", "hello")]
    [TestCase(null, "CONVERT_TO_TEXT", "aGVsbG8=")]
    [TestCase("image/png", null, "aGVsbG8=")]
    [TestCase("image/png", "CONVERT_TO_BINARY", "hello")]
    [TestCase("image/png", "CONVERT_TO_TEXT", "aGVsbG8=")]
    public async Task Request_TextPayload(string? binaryMediaType, string? handling, string expected)
    {
        var (client, received) = await ConversionApi(binaryMediaType is null ? null : [binaryMediaType], handling, null);
        using (client)
        {
            using var response = await client.PostAsync("files", Body(Encoding.UTF8.GetBytes("aGVsbG8="), "text/plain"));

            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(Encoding.UTF8.GetString(received.Single()), Is.EqualTo(expected));
        }
    }

    // Binary data (its Content-Type among binaryMediaTypes): passed on as it is, unless converted to text (base64-encoded).
    [TestCase(null, true)]
    [TestCase("CONVERT_TO_BINARY", true)]
    [TestCase("CONVERT_TO_TEXT", false)]
    public async Task Request_BinaryPayload(string? handling, bool asItIs)
    {
        var (client, received) = await ConversionApi(["image/*"], handling, null);
        using (client)
        {
            using var response = await client.PostAsync("files", Body(Jpeg, "image/jpeg"));

            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(received.Single(), Is.EqualTo(asItIs ? Jpeg : Encoding.UTF8.GetBytes(Convert.ToBase64String(Jpeg))));
        }
    }

    [Test]
    public async Task Request_ConvertToBinaryOfTextThatIsNotBase64_InternalServerError()
    {
        var (client, received) = await ConversionApi(null, "CONVERT_TO_BINARY", null);
        using (client)
        {
            await AssertGatewayError(await client.PostAsync("files", Body(Encoding.UTF8.GetBytes("not base64!"), "text/plain")), 500,
                """{"message": "Internal server error"}""", "InternalServerErrorException");
            Assert.That(received, Is.Empty);
        }
    }

    // The answer, text or binary by its Content-Type; the caller's Accept decides when contentHandling is unset.
    [TestCase(null, null, false, "text/plain", "aGVsbG8=")]
    [TestCase(null, "CONVERT_TO_BINARY", false, "text/plain", "hello")]
    [TestCase(null, "CONVERT_TO_TEXT", false, "text/plain", "aGVsbG8=")]
    [TestCase("image/png", null, false, "text/plain", "aGVsbG8=")]
    [TestCase("image/png", null, false, "image/png", "hello")]
    [TestCase("image/png", "CONVERT_TO_TEXT", false, "image/png", "aGVsbG8=")]
    [TestCase("image/png", "CONVERT_TO_BINARY", false, "text/plain", "hello")]
    [TestCase("image/png", null, true, "image/png", "hello")]
    [TestCase("image/png", null, true, "application/json", "aGVsbG8=")]
    [TestCase("image/png", "CONVERT_TO_BINARY", true, "application/json", "hello")]
    [TestCase("image/png", "CONVERT_TO_TEXT", true, "image/png", "aGVsbG8=")]
    public async Task Response_Conversions(string? binaryMediaType, string? handling, bool binaryAnswer, string accept, string expected)
    {
        // A binary answer is the bytes of "hello"; a text answer is "hello" in base64.
        var answer = binaryAnswer ? Encoding.UTF8.GetBytes("hello") : Encoding.UTF8.GetBytes("aGVsbG8=");
        var (client, _) = await ConversionApi(binaryMediaType is null ? null : [binaryMediaType], null, handling, answer, binaryAnswer ? "image/png" : "text/plain");
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "files") { Content = Body(Encoding.UTF8.GetBytes("{}"), "application/json") };
            request.Headers.Accept.ParseAdd(accept);

            using var response = await client.SendAsync(request);

            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task Response_BinaryBytesOfABackend_ComeBackUntouched()
    {
        var (client, _) = await ConversionApi(["image/jpeg"], null, null, Jpeg, "image/jpeg");
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "files") { Content = Body(Encoding.UTF8.GetBytes("{}"), "application/json") };
            request.Headers.Accept.ParseAdd("image/jpeg");

            using var response = await client.SendAsync(request);

            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(Jpeg));
        }
    }
}
