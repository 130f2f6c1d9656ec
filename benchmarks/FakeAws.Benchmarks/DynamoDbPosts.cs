using System.Text;

namespace FakeAws.Benchmarks;

/// <summary>
/// DynamoDB requests as the raw HTTP/1.1 bytes an SDK sends: <c>POST /</c>, awsJson1.0, X-Amz-Target,
/// and a fixed Authorization header of SigV4's form (the servers under load read its form, not its
/// signature: FakeAws.Server runs with permissive auth, dynalite and moto never verify one).
/// </summary>
internal static class DynamoDbPosts
{
    public const string Table = "load";

    /// <summary>How many distinct items the load reads and overwrites.</summary>
    public const int Keys = 100;

    public static byte[] CreateTable(int port) => Post(port, "CreateTable",
        $$$$"""{"TableName":"{{{{Table}}}}","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}""");

    public static byte[] DescribeTable(int port) => Post(port, "DescribeTable", $$$$"""{"TableName":"{{{{Table}}}}"}""");

    /// <summary>A put of item <paramref name="key"/>: four attributes, about 150 bytes, the same every time, so repeats overwrite it.</summary>
    public static byte[] PutItem(int port, int key) => Post(port, "PutItem",
        $$$$"""{"TableName":"{{{{Table}}}}","Item":{"pk":{"S":"item#{{{{key}}}}"},"n":{"N":"{{{{key}}}}"},"flag":{"BOOL":true},"payload":{"S":"{{{{new string('x', 96)}}}}"}}}""");

    public static byte[] GetItem(int port, int key) => Post(port, "GetItem",
        $$$$"""{"TableName":"{{{{Table}}}}","Key":{"pk":{"S":"item#{{{{key}}}}"}}}""");

    /// <summary>Connection <paramref name="connection"/>'s requests: every key once, starting at its own, so connections spread over the items.</summary>
    public static byte[][] Rotation(int connection, Func<int, byte[]> request) =>
        Enumerable.Range(0, Keys).Select(i => request((connection + i) % Keys)).ToArray();

    private static byte[] Post(int port, string operation, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head =
            "POST / HTTP/1.1\r\n" +
            $"Host: 127.0.0.1:{port}\r\n" +
            "Accept-Encoding: identity\r\n" +
            "User-Agent: aws-sdk-load/1.0\r\n" +
            "Content-Type: application/x-amz-json-1.0\r\n" +
            $"X-Amz-Target: DynamoDB_20120810.{operation}\r\n" +
            "X-Amz-Date: 20260101T000000Z\r\n" +
            "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/dynamodb/aws4_request, " +
            "SignedHeaders=accept-encoding;content-type;host;x-amz-date;x-amz-target, " +
            "Signature=6f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a\r\n" +
            $"Content-Length: {body.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
