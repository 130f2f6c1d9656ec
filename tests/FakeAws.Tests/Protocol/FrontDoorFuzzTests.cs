using System.Net;
using System.Text;
using CsCheck;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.Protocol;

/// <summary>
/// Random JSON bodies, well-formed or not, sent to every implemented operation of every front door
/// (issue #22): each is answered, with the operation's output or an AWS error, never a 500 and never
/// an exception out of the router. Seeded and bounded, as <see cref="FuzzTests"/>.
/// </summary>
public class FrontDoorFuzzTests : InMemoryHttpTest
{
    private const int Cases = 400;

    private static readonly Gen<string> Scalar = Gen.OneOf(
        "null", "true", "0", "-1", "1e400", "\"\"", "\"x\"", "\"arn:aws:lambda:us-east-1:123456789012:function:f\"", "\"us-east-1_abc\"",
        "\"a\\u0000b\"", "12345678901234567890123456789012345678901", "\"2030-01-01T00:00:00Z\"", "[]", "{}");

    private static readonly Gen<string> Key = Gen.OneOf(
        "TableName", "Key", "Item", "FunctionName", "name", "definition", "roleArn", "UserPoolId", "PoolName", "ClientId", "Username",
        "IdentityPoolName", "ClusterName", "NodeType", "ReplicationFactor", "IamRoleArn", "restApiId", "Name", "S", "N", "L", "M", "", "\u00e9");

    private static readonly Gen<string> Json = Gen.Recursive<string>((depth, inner) => depth > 3
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (2, inner.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (4, Gen.Select(Key.Array[0, 4], inner.Array[4], (keys, values) => "{" + string.Join(",", keys.Select((k, i) => $"\"{k}\":{values[i]}")) + "}"))));

    // A body as a client might send it: JSON, JSON cut short, or bytes that are not JSON at all.
    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (6, Json.Select(Encoding.UTF8.GetBytes)),
        (1, Json.Select(j => Encoding.UTF8.GetBytes(j[..(j.Length / 2)]))),
        (1, Gen.Byte.Array[0, 20]));

    [Test]
    public void EveryOperation_AnswersAnyBody_WithoutA500()
    {
        var operations = Aws.Router.Services
            .SelectMany(door => door.Operations?.All.Where(o => o.IsImplemented).Select(o => (door.Route, Operation: o)) ?? [])
            .ToArray();

        Gen.Select(Gen.Int[0, operations.Length - 1], Body).Sample((index, body) =>
        {
            var (route, operation) = operations[index];
            using var request = route.TargetPrefix is { } prefix
                ? new HttpRequestMessage(HttpMethod.Post, "/") { Headers = { { "X-Amz-Target", $"{prefix}.{operation.Name}" } } }
                : new HttpRequestMessage(new HttpMethod(operation.Model.HttpMethod), operation.Model.RequestUri.Split('?')[0].Replace("{", "x").Replace("}", "").Replace("+", ""));
            request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/{route.SigningName}/aws4_request, SignedHeaders=host, Signature=x");
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

            using var response = Http.Send(request);

            Assert.That(response.StatusCode, Is.LessThan(HttpStatusCode.InternalServerError),
                $"{route.SigningName} {operation.Name}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }, seed: FuzzTests.Seed, iter: Cases, threads: 1, print: c => $"{operations[c.Item1].Operation.Name} {Encoding.UTF8.GetString(c.Item2)}");
    }
}
