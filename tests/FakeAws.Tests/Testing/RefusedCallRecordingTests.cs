using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace FakeAws.Tests.Testing;

/// <summary>Requests refused before they reach an operation are recorded too, with what they were answered.</summary>
public class RefusedCallRecordingTests
{
    private static async Task<HttpStatusCode> SendAsync(
        FakeAwsCloud aws, string method, string path, string? target, string? body, string service = "dynamodb", string contentType = "application/x-amz-json-1.0", string? host = null)
    {
        using var http = new HttpClient(aws.CreateHttpMessageHandler());
        using var request = new HttpRequestMessage(new HttpMethod(method), (host ?? aws.ServiceUrl) + path);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=AKID/20300101/eu-west-1/{service}/aws4_request, SignedHeaders=host, Signature=x");
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new(contentType);
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task AnUnknownOperation_IsRecordedWithItsTargetAndError()
    {
        using var aws = new FakeAwsCloud();

        await SendAsync(aws, "POST", "/", "DynamoDB_20120810.MakeCoffee", "{\"Size\":1}");

        var call = aws.Calls.Single();
        Assert.That((call.Service, call.Operation, call.Region, call.ErrorCode, call.StatusCode), Is.EqualTo(("dynamodb", "MakeCoffee", "eu-west-1", "UnknownOperationException", (int?)400)));
        Assert.That(call.Request["Size"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(call.Response!["__type"]!.GetValue<string>(), Is.EqualTo("UnknownOperationException"));
        Assert.That(aws.Calls.Failed, Is.EqualTo(new[] { call }));
    }

    [Test]
    public async Task AMalformedBody_IsRecordedUnderItsOperation_WithTheBodyAsText()
    {
        using var aws = new FakeAwsCloud();

        await SendAsync(aws, "POST", "/", "DynamoDB_20120810.GetItem", "{not json");

        var call = aws.Calls.Single();
        Assert.That((call.Operation, call.ErrorCode), Is.EqualTo(("GetItem", "SerializationException")));
        Assert.That(call.Request.GetValue<string>(), Is.EqualTo("{not json"));
    }

    [Test]
    public async Task ARequestWithoutATarget_IsRecordedByItsMethodAndPath()
    {
        using var aws = new FakeAwsCloud();

        await SendAsync(aws, "POST", "/", null, "{}");
        await SendAsync(aws, "GET", "/2015-03-31/functions/f/nothing", null, null, service: "lambda");

        Assert.That(aws.Calls.Select(c => (c.Service, c.Operation, c.ErrorCode, c.StatusCode)), Is.EqualTo(new[]
        {
            ("dynamodb", "POST /", "UnknownOperationException", (int?)400),
            ("lambda", "GET /2015-03-31/functions/f/nothing", "UnknownOperationException", (int?)404),
        }));
        Assert.That(aws.Calls[0].Request.ToJsonString(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task AnOperationFakeAwsDoesNotImplement_IsRecorded()
    {
        using var aws = new FakeAwsCloud();
        var unimplemented = aws.Router.Services.Select(s => s.Resolved).First(s => s.Route.SigningName == "dynamodb" && s.Operations is not null)
            .Operations!.All.First(o => !o.IsImplemented).Name;

        await SendAsync(aws, "POST", "/", $"DynamoDB_20120810.{unimplemented}", "{}");

        Assert.That(aws.Calls.Select(c => (c.Operation, c.ErrorCode)), Is.EqualTo(new[] { (unimplemented, "UnknownOperationException") }));
    }

    [Test]
    public async Task AServiceFakeAwsDoesNotServe_IsRecordedUnderItsSigningName()
    {
        using var aws = new FakeAwsCloud();

        await SendAsync(aws, "POST", "/", "AmazonSQS.SendMessage", "{}", service: "sqs");
        await SendAsync(aws, "GET", "/bucket/key", null, null, service: "s3", host: "https://s3.us-east-1.amazonaws.com");

        Assert.That(aws.Calls.Select(c => (c.Service, c.Operation, c.ErrorCode, c.StatusCode)), Is.EqualTo(new[]
        {
            ("sqs", "SendMessage", "UnknownOperationException", (int?)400),
            ("s3", "GET /bucket/key", "NotImplemented", (int?)501),
        }));
    }

    [Test]
    public async Task ASignatureThatDoesNotVerify_IsRecordedAsTheSdkSeesIt()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { VerifySignatures = true });
        using var ddb = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIAOTHER", "secret"), aws.Configure(new AmazonDynamoDBConfig()));

        var error = Assert.ThrowsAsync<AmazonDynamoDBException>(() => ddb.ListTablesAsync(new ListTablesRequest()));

        var call = aws.Calls.Single();
        Assert.That((call.Service, call.Operation, call.ErrorCode, call.StatusCode), Is.EqualTo(("dynamodb", "ListTables", error!.ErrorCode, (int?)400)));
        Assert.That(call.ErrorCode, Is.EqualTo("UnrecognizedClientException"));
    }

    [Test]
    public async Task RefusedCalls_AreNotRecorded_WhileRecordingIsOff()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false });

        await SendAsync(aws, "POST", "/", "DynamoDB_20120810.MakeCoffee", "{}");

        Assert.That(aws.Calls, Is.Empty);
    }
}
