using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.DynamoDbStreams;

/// <summary>
/// DynamoDB Streams requests as the AWS SDKs send them (awsJson1.0, <c>X-Amz-Target:
/// DynamoDBStreams_20120810.Op</c>, signed for <c>dynamodb</c>), straight to a cloud's in-memory front
/// door. AWSSDK.DynamoDBStreams is not available here; boto3's client covers the same ground in
/// tests/conformance/dynamodb_streams.py.
/// </summary>
public sealed class StreamsWire(FakeAwsCloud aws, string region = "us-east-1") : IDisposable
{
    private readonly HttpClient _http = new(aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(aws.ServiceUrl) };

    public async Task<(int Status, JsonObject Body)> SendAsync(string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.Add("X-Amz-Target", $"DynamoDBStreams_20120810.{operation}");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIAFAKE/20300601/{region}/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, (JsonNode.Parse(text.Length == 0 ? "{}" : text) as JsonObject)!);
    }

    /// <summary>Sends a request that must succeed and returns its response.</summary>
    public async Task<JsonObject> CallAsync(string operation, JsonObject body)
    {
        var (status, response) = await SendAsync(operation, body);
        Assert.That(status, Is.EqualTo(200), () => $"{operation} failed: {response.ToJsonString()}");
        return response;
    }

    /// <summary>Sends a request that must fail with <paramref name="code"/> and exactly <paramref name="message"/>.</summary>
    public async Task FailsAsync(string operation, JsonObject body, string code, string message)
    {
        var (status, response) = await SendAsync(operation, body);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(400), response.ToJsonString());
            Assert.That(response["__type"]!.GetValue<string>().Split('#')[^1], Is.EqualTo(code), response.ToJsonString());
            Assert.That(response["message"]!.GetValue<string>(), Is.EqualTo(message));
        });
    }

    public async Task<JsonObject> DescribeStreamAsync(string arn) =>
        (JsonObject)(await CallAsync("DescribeStream", new JsonObject { ["StreamArn"] = arn }))["StreamDescription"]!;

    public async Task<string> ShardIdAsync(string arn) => (await DescribeStreamAsync(arn))["Shards"]![0]!["ShardId"]!.GetValue<string>();

    /// <summary>An iterator of shard <paramref name="shardId"/>, or of the stream's oldest shard.</summary>
    public async Task<string> IteratorAsync(string arn, string type = "TRIM_HORIZON", string? sequenceNumber = null, string? shardId = null)
    {
        var request = new JsonObject { ["StreamArn"] = arn, ["ShardId"] = shardId ?? await ShardIdAsync(arn), ["ShardIteratorType"] = type };
        if (sequenceNumber is not null)
        {
            request["SequenceNumber"] = sequenceNumber;
        }
        return (await CallAsync("GetShardIterator", request))["ShardIterator"]!.GetValue<string>();
    }

    public Task<JsonObject> GetRecordsAsync(string iterator, int? limit = null)
    {
        var request = new JsonObject { ["ShardIterator"] = iterator };
        if (limit is not null)
        {
            request["Limit"] = limit;
        }
        return CallAsync("GetRecords", request);
    }

    /// <summary>Every record of the stream from its oldest on.</summary>
    public async Task<JsonArray> AllRecordsAsync(string arn) => (JsonArray)(await GetRecordsAsync(await IteratorAsync(arn)))["Records"]!;

    public void Dispose() => _http.Dispose();
}
