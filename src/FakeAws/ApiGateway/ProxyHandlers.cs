using System.Globalization;
using System.Text.Json;
using FakeAws.Lambda;

namespace FakeAws.ApiGateway;

/// <summary>
/// Lambda handlers for APIs built from outside .NET (boto3, the AWS CLI, Terraform against
/// FakeAws.Server): create a function with the Handler
/// <c>FakeAws::FakeAws.ApiGateway.ProxyHandlers::Echo</c> (or <c>::Sleep</c>, <c>::Authorize</c>) and any .NET
/// runtime. FakeAws finds them by their handler string; no test code needs to be loaded.
/// </summary>
internal static class ProxyHandlers
{
    /// <summary>A proxy integration that answers 200 with the event it received as a JSON body.</summary>
    public static object Echo(JsonElement input) => new Dictionary<string, object>
    {
        ["statusCode"] = 200,
        ["headers"] = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        ["body"] = input.GetRawText(),
    };

    /// <summary>
    /// A proxy integration that waits the request's <c>seconds</c> query parameter (1 without one) on
    /// the cloud's virtual clock, then answers as <see cref="Echo"/>: for integration timeouts.
    /// </summary>
    public static async Task<object> Sleep(JsonElement input, LambdaContext context)
    {
        var seconds = input.TryGetProperty("queryStringParameters", out var query) && query.ValueKind == JsonValueKind.Object
            && Text(query, "seconds") is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : 1;
        await Task.Delay(TimeSpan.FromSeconds(seconds), context.Clock).ConfigureAwait(false);
        return Echo(input);
    }

    /// <summary>
    /// A Lambda authorizer (REST TOKEN or REQUEST, or HTTP API with an IAM policy response): the token
    /// <c>allow</c> gets an Allow policy for every method, <c>deny</c> an explicit Deny; any other token
    /// is refused with "Unauthorized". The token is the TOKEN event's <c>authorizationToken</c>, or the
    /// request's first identity source, or its Authorization header.
    /// </summary>
    public static object Authorize(JsonElement input)
    {
        var token = Text(input, "authorizationToken")
            ?? (input.TryGetProperty("identitySource", out var sources) && sources.ValueKind == JsonValueKind.Array && sources.GetArrayLength() > 0 ? sources[0].GetString() : null)
            ?? (input.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
                ? headers.EnumerateObject().FirstOrDefault(h => h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value.GetString()
                : null);
        var effect = token switch
        {
            "allow" => "Allow",
            "deny" => "Deny",
            _ => throw new InvalidOperationException("Unauthorized"),
        };
        return new Dictionary<string, object>
        {
            ["principalId"] = "fakeaws-user",
            ["policyDocument"] = new Dictionary<string, object>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new[] { new Dictionary<string, string> { ["Action"] = "execute-api:Invoke", ["Effect"] = effect, ["Resource"] = "*" } },
            },
            ["context"] = new Dictionary<string, string> { ["token"] = token },
        };
    }

    private static string? Text(JsonElement input, string name) =>
        input.ValueKind == JsonValueKind.Object && input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
