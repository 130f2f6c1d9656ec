using System.Net;
using System.Text;
using System.Text.Json;

namespace FakeAws.Tests.Lambda;

/// <summary>Function URLs: their configuration, and HTTP requests to them in memory and through the cloud's router.</summary>
public class FunctionUrlTests : LambdaTestBase
{
    private const string Url = "/2021-10-31/functions/fn/url";

    private async Task<string> CreateUrl(object settings)
    {
        var reply = await Wire.Post(Url, settings);
        Assert.That((int)reply.Status, Is.EqualTo(201), reply.Text);
        return reply.Json.GetProperty("FunctionUrl").GetString()!;
    }

    /// <summary>The two statements AWS requires of a public URL since October 2025, as the console adds them.</summary>
    private async Task AllowPublic(string function = "fn")
    {
        var urlPermission = await Wire.Post($"/2015-03-31/functions/{function}/policy",
            new { StatementId = "url", Action = "lambda:InvokeFunctionUrl", Principal = "*", FunctionUrlAuthType = "NONE" });
        var invokePermission = await Wire.Post($"/2015-03-31/functions/{function}/policy",
            new { StatementId = "invoke", Action = "lambda:InvokeFunction", Principal = "*", InvokedViaFunctionUrl = true });
        Assert.That((int)urlPermission.Status + (int)invokePermission.Status, Is.EqualTo(402), urlPermission.Text + invokePermission.Text);
    }

    [Test]
    public async Task Configuration_CreateGetUpdateListDelete()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement _) => "ok");

        var created = (await Wire.Post(Url, new { AuthType = "NONE", Cors = new { AllowOrigins = new[] { "*" } } })).Json;
        var conflict = await Wire.Post(Url, new { AuthType = "NONE" });
        var updated = (await Wire.Put(Url, new { AuthType = "AWS_IAM", InvokeMode = "RESPONSE_STREAM" })).Json;
        var listed = (await Wire.Get("/2021-10-31/functions/fn/urls")).Json.GetProperty("FunctionUrlConfigs");

        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("FunctionUrl").GetString(), Does.Match(@"^https://[a-z0-9]{32}\.lambda-url\.us-east-1\.on\.aws/$"));
            Assert.That(created.GetProperty("FunctionArn").GetString(), Is.EqualTo(Arn("fn")));
            Assert.That(created.GetProperty("AuthType").GetString(), Is.EqualTo("NONE"));
            Assert.That(created.GetProperty("InvokeMode").GetString(), Is.EqualTo("BUFFERED"));
            Assert.That(created.GetProperty("Cors").GetProperty("AllowOrigins")[0].GetString(), Is.EqualTo("*"));
            Assert.That(updated.GetProperty("AuthType").GetString(), Is.EqualTo("AWS_IAM"));
            Assert.That(updated.GetProperty("InvokeMode").GetString(), Is.EqualTo("RESPONSE_STREAM"));
            Assert.That(updated.GetProperty("FunctionUrl").GetString(), Is.EqualTo(created.GetProperty("FunctionUrl").GetString()));
            Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
        });
        AssertError(conflict, 409, "ResourceConflictException",
            $"Failed to create function url config for [functionArn = {Arn("fn")}]. Error message:  FunctionUrlConfig exists for this Lambda function");
        Assert.That((int)(await Wire.Delete(Url)).Status, Is.EqualTo(204));
        AssertError(await Wire.Get(Url), 404, "ResourceNotFoundException", "The resource you requested does not exist.");
        AssertError(await Wire.Post("/2021-10-31/functions/ghost/url", new { AuthType = "NONE" }), 404, "ResourceNotFoundException", "Function does not exist");
    }

    [Test]
    public async Task PublicUrl_NeedsBothPermissions_ThenMapsTheFormat2Response()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement e) => new
        {
            statusCode = 201,
            headers = new Dictionary<string, string> { ["x-path"] = e.GetProperty("rawPath").GetString()! },
            cookies = new[] { "a=1", "b=2" },
            body = e.GetProperty("requestContext").GetProperty("domainName").GetString(),
        });
        var url = await CreateUrl(new { AuthType = "NONE" });
        using var http = new HttpClient(Aws.Lambda.CreateHttpMessageHandler());

        var denied = await http.GetAsync(url + "items/1?x=y");
        await AllowPublic();
        var allowed = await http.GetAsync(url + "items/1?x=y");

        Assert.That((int)denied.StatusCode, Is.EqualTo(403));
        Assert.That(await denied.Content.ReadAsStringAsync(), Is.EqualTo("""{"Message":"Forbidden"}"""));
        Assert.Multiple(async () =>
        {
            Assert.That((int)allowed.StatusCode, Is.EqualTo(201));
            Assert.That(allowed.Headers.GetValues("x-path").Single(), Is.EqualTo("/items/1"));
            Assert.That(allowed.Headers.GetValues("Set-Cookie"), Is.EqualTo(new[] { "a=1", "b=2" }));
            Assert.That(await allowed.Content.ReadAsStringAsync(), Is.EqualTo(new Uri(url).Host));
        });
    }

    [Test]
    public async Task PlainReturnValue_IsAJsonBody()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement e) => new { method = e.GetProperty("requestContext").GetProperty("http").GetProperty("method").GetString() });
        var url = await CreateUrl(new { AuthType = "NONE" });
        await AllowPublic();
        using var http = new HttpClient(Aws.Lambda.CreateHttpMessageHandler());

        var response = await http.PostAsync(url, new StringContent("{}"));

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"method":"POST"}"""));
    }

    [Test]
    public async Task IamUrl_RefusesUnsignedRequests()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement _) => "ok");
        var url = await CreateUrl(new { AuthType = "AWS_IAM" });
        using var http = new HttpClient(Aws.Lambda.CreateHttpMessageHandler());

        var unsigned = await http.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0");
        var incomplete = await http.SendAsync(request);
        using var anyKey = new HttpRequestMessage(HttpMethod.Get, url);
        SigV4Signer.Sign(anyKey, "AKIDEXAMPLE", "any-secret", "us-east-1", Start);
        var signed = await http.SendAsync(anyKey);

        Assert.That((int)unsigned.StatusCode, Is.EqualTo(403));
        Assert.That(await unsigned.Content.ReadAsStringAsync(), Is.EqualTo("""{"Message":"Forbidden"}"""));
        Assert.That((int)incomplete.StatusCode, Is.EqualTo(403), "a SigV4 header without a date is incomplete");
        Assert.That((int)signed.StatusCode, Is.EqualTo(200), "without VerifySignatures, any complete signature is let in, as elsewhere in the cloud");
    }

    [Test]
    public async Task IamUrl_WithVerifySignatures_NeedsTheCloudsCredentialsAtTheCloudsTime()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start), VerifySignatures = true });
        aws.Lambda.AddFunction("fn", (JsonElement _) => "ok");
        var url = aws.Lambda.Engine.CreateFunctionUrlConfig(aws.Context.Scope(null), new Engine.Lambda.Model.CreateFunctionUrlConfigRequest { FunctionName = "fn", AuthType = "AWS_IAM" })
            .FunctionUrl!;
        var credentials = aws.Credentials.GetCredentials();
        using var http = new HttpClient(aws.Lambda.CreateHttpMessageHandler());

        async Task<int> Call(string accessKey, string secretKey, DateTimeOffset at)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            SigV4Signer.Sign(request, accessKey, secretKey, "us-east-1", at);
            return (int)(await http.SendAsync(request)).StatusCode;
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await Call(credentials.AccessKey, credentials.SecretKey, Start), Is.EqualTo(200));
            Assert.That(await Call(credentials.AccessKey, "wrong-secret", Start), Is.EqualTo(403));
            Assert.That(await Call("AKIDEXAMPLE", credentials.SecretKey, Start), Is.EqualTo(403));
            Assert.That(await Call(credentials.AccessKey, credentials.SecretKey, Start.AddMinutes(-20)), Is.EqualTo(403), "an expired signature");
        });
    }

    [Test]
    public async Task Cors_PreflightAnsweredByLambda_AndResponsesCarryTheOrigin()
    {
        var calls = 0;
        Aws.Lambda.AddFunction("fn", (JsonElement _) => { calls++; return "ok"; });
        var url = await CreateUrl(new
        {
            AuthType = "NONE",
            Cors = new { AllowOrigins = new[] { "https://app.example" }, AllowMethods = new[] { "GET", "POST" }, AllowHeaders = new[] { "x-custom" }, MaxAge = 300, ExposeHeaders = new[] { "x-out" } },
        });
        await AllowPublic();
        using var http = new HttpClient(Aws.Lambda.CreateHttpMessageHandler());
        using var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Origin", "https://app.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        get.Headers.Add("Origin", "https://app.example");

        var answered = await http.SendAsync(preflight);
        var response = await http.SendAsync(get);

        Assert.Multiple(() =>
        {
            Assert.That((int)answered.StatusCode, Is.EqualTo(200));
            Assert.That(answered.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("https://app.example"));
            Assert.That(answered.Headers.GetValues("Access-Control-Allow-Methods").Single(), Is.EqualTo("GET,POST"));
            Assert.That(answered.Headers.GetValues("Access-Control-Max-Age").Single(), Is.EqualTo("300"));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("https://app.example"));
            Assert.That(response.Headers.GetValues("Access-Control-Expose-Headers").Single(), Is.EqualTo("x-out"));
            Assert.That(calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task FunctionError_502()
    {
        Aws.Lambda.AddFunction("fn", JsonElement (JsonElement _) => throw new InvalidOperationException("boom"));
        var url = await CreateUrl(new { AuthType = "NONE" });
        await AllowPublic();
        using var http = new HttpClient(Aws.Lambda.CreateHttpMessageHandler());

        Assert.That((int)(await http.GetAsync(url)).StatusCode, Is.EqualTo(502));
    }

    [Test]
    public async Task TheCloudsRouter_ServesTheHostForm()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement e) => new { statusCode = 200, body = e.GetProperty("rawQueryString").GetString() });
        var url = new Uri(await CreateUrl(new { AuthType = "NONE" }));
        await AllowPublic();
        using var http = new HttpClient(Aws.CreateHttpMessageHandler());
        var host = url.Host.Replace(".on.aws", ".localhost", StringComparison.Ordinal);

        var response = await http.GetAsync($"http://{host}/any?q=1");

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("q=1"));
    }

    [Test]
    public async Task ResponseStream_PreludeSetsStatusAndHeaders()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement _) => new MemoryStream(
            [.. Encoding.UTF8.GetBytes("""{"statusCode":202,"headers":{"content-type":"text/plain"}}"""), .. new byte[8], .. "streamed"u8]));
        var url = await CreateUrl(new { AuthType = "NONE", InvokeMode = "RESPONSE_STREAM" });
        await AllowPublic();
        using var http = new HttpClient(Aws.Lambda.CreateHttpMessageHandler());

        var response = await http.GetAsync(url);

        Assert.That((int)response.StatusCode, Is.EqualTo(202));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("streamed"));
    }

    [Test]
    public async Task ResponseStream_NodeHttpResponseStreamFrom_SetsStatusAndHeaders()
    {
        var code = """
            exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
              const stream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 201, headers: { "x-made": "yes" } });
              stream.write("part 1, ");
              stream.end("part 2");
            });
            """;
        await Wire.CreateFunction("fn", "index.handler", runtime: "nodejs20.x", zip: ProcessRuntimeTests.Zip(("index.js", code)));
        var url = await CreateUrl(new { AuthType = "NONE", InvokeMode = "RESPONSE_STREAM" });
        await AllowPublic();
        using var http = new HttpClient(Aws.Lambda.CreateHttpMessageHandler());

        var response = await http.GetAsync(url);

        Assert.That((int)response.StatusCode, Is.EqualTo(201));
        Assert.That(response.Headers.GetValues("x-made"), Is.EqualTo(new[] { "yes" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("part 1, part 2"));
    }
}
