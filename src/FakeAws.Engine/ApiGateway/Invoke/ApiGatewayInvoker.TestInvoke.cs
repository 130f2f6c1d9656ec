using System.Globalization;
using System.Text;
using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway.Invoke;

// TestInvokeMethod: one method of the API as it is now, not deployed, run without a caller.
internal sealed partial class ApiGatewayInvoker
{
    /// <summary>The stage a test invocation reports (<c>$context.stage</c>, the proxy event's <c>requestContext.stage</c>).</summary>
    internal const string TestInvokeStage = "test-invoke-stage";

    /// <summary>
    /// Runs method <paramref name="httpMethod"/> of <paramref name="resource"/> as AWS's console test does: request
    /// validation, the integration with its mappings and the method's responses, but no authorizer, API
    /// key, throttle, resource policy or cache. <paramref name="snapshot"/> is the API as it is now.
    /// </summary>
    public Task<TestInvokeMethodResponse> TestInvokeMethodAsync(
        ApiGatewayRegion region, RestApiSnapshot snapshot, DeployedResource resource, string httpMethod, TestInvokeMethodRequest test) =>
        _cloud.Clock.RunInVirtualTimeAsync(
            () => RunTestInvokeAsync(region, snapshot, resource, httpMethod, test),
            $"apigateway TestInvokeMethod {test.RestApiId} {httpMethod} {resource.Path}",
            CancellationToken.None);

    private async Task<TestInvokeMethodResponse> RunTestInvokeAsync(
        ApiGatewayRegion region, RestApiSnapshot snapshot, DeployedResource resource, string httpMethod, TestInvokeMethodRequest test)
    {
        var request = TestRequest(httpMethod, string.IsNullOrEmpty(test.PathWithQueryString) ? resource.Path : test.PathWithQueryString,
            test.Headers, test.MultiValueHeaders, test.Body);
        var context = NewContext(region, test.RestApiId!, TestInvokeStage, request.Path, request);
        context.StageVariables = test.StageVariables is { Count: > 0 } variables ? new Dictionary<string, string>(variables) : null;
        context.ResourcePath = resource.Path;
        context.ResourceId = resource.Id;
        context.PathParameters = PathParametersOf(resource.Path, request.Path);
        var method = resource.Methods[httpMethod];
        var started = _cloud.Now;
        var response = await _validation.CheckAsync(snapshot, method, context).ConfigureAwait(false)
            ?? await IntegrateAsync(method.MethodIntegration!, snapshot, context).ConfigureAwait(false);
        response = CustomGatewayResponses.Apply(response, snapshot, context);
        // AWS's answer starts with the trace id (MOCK integrations have none) and always names a content type.
        if (method.MethodIntegration!.Type != "MOCK")
        {
            response.Headers.Insert(0, new("X-Amzn-Trace-Id", context.TraceId));
        }
        if (response.Header("Content-Type") is null)
        {
            response.Headers.Add(new("Content-Type", "application/json"));
        }
        var body = Encoding.UTF8.GetString(response.Body);
        var grouped = RequestParts.Group(response.Headers, StringComparer.OrdinalIgnoreCase);
        return new TestInvokeMethodResponse
        {
            Status = response.Status,
            Body = body,
            Headers = grouped.ToDictionary(g => g.Key, g => string.Join(",", g.Value)),
            MultiValueHeaders = grouped.ToDictionary(g => g.Key, g => g.Value),
            Latency = (long)(_cloud.Now - started).TotalMilliseconds,
            Log = TestInvokeLog(context, request, response, body),
        };
    }

    /// <summary>The request a test invocation simulates, from the operation's members.</summary>
    private static GatewayRequest TestRequest(string httpMethod, string target, Dictionary<string, string>? single, Dictionary<string, List<string>>? multi, string? body)
    {
        var question = target.IndexOf('?');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in multi ?? [])
        {
            headers.AddRange(values.Select(v => KeyValuePair.Create(name, v)));
        }
        headers.AddRange((single ?? []).Where(h => multi?.ContainsKey(h.Key) != true));
        return new GatewayRequest
        {
            Method = httpMethod,
            Path = question < 0 ? target : target[..question],
            RawQuery = question < 0 ? "" : target[(question + 1)..],
            Headers = headers,
            Body = Encoding.UTF8.GetBytes(body ?? ""),
            SourceIp = "test-invoke-source-ip",
        };
    }

    /// <summary>
    /// The path parameters <paramref name="path"/> gives the resource's template; none when it does not fit,
    /// since AWS takes any <c>pathWithQueryString</c> and then binds nothing.
    /// </summary>
    internal static Dictionary<string, string> PathParametersOf(string template, string path)
    {
        var parts = RequestParts.Segments(template).ToArray();
        var segments = RequestParts.Segments(path).Select(RequestParts.Decode).ToArray();
        var bound = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            if (ApiGatewayEngine.IsGreedy(parts[i]) && i < segments.Length)
            {
                bound[parts[i][1..^2]] = string.Join('/', segments[i..]);
                return bound;
            }
            if (i >= segments.Length || (!ApiGatewayEngine.IsVariable(parts[i]) && parts[i] != segments[i]))
            {
                return new(StringComparer.Ordinal);
            }
            if (ApiGatewayEngine.IsVariable(parts[i]))
            {
                bound[parts[i][1..^1]] = segments[i];
            }
        }
        return segments.Length == parts.Length ? bound : new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The execution log AWS answers with, line for line as its method-level entries read
    /// (<c>Sat Dec 05 13:30:00 UTC 2026 : HTTP Method: GET, Resource Path: /items/1</c>).
    /// </summary>
    private static string TestInvokeLog(InvocationContext context, GatewayRequest request, GatewayResponse response, string body)
    {
        var at = LogTime(context);
        var log = new StringBuilder($"Execution log for request {context.RequestId}\n");
        void Line(string text) => log.Append(at).Append(" : ").Append(text).Append('\n');
        Line($"Starting execution for request: {context.RequestId}");
        Line($"HTTP Method: {request.Method}, Resource Path: {context.Path}");
        Line($"Method request path: {Braced(context.PathParameters)}");
        Line($"Method request query string: {Braced(RequestParts.Group(RequestParts.Query(request.RawQuery), StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Value[^1])))}");
        Line($"Method request headers: {Braced(Joined(request.Headers))}");
        Line($"Method request body before transformations: {Encoding.UTF8.GetString(request.Body)}");
        Line($"Method response body after transformations: {body}");
        Line($"Method response headers: {Braced(Joined(response.Headers))}");
        Line(response.ResponseType is null ? "Successfully completed execution" : $"Execution failed: {response.ErrorMessage ?? response.ResponseType}");
        Line($"Method completed with status: {response.Status}");
        return log.ToString();
    }

    /// <summary>The time as AWS's execution logs print it: <c>Sat Dec 05 13:30:00 UTC 2026</c>.</summary>
    private static string LogTime(InvocationContext context) => context.Time.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<string, string>> Joined(IEnumerable<KeyValuePair<string, string>> headers) =>
        RequestParts.Group(headers, StringComparer.OrdinalIgnoreCase).Select(g => KeyValuePair.Create(g.Key, string.Join(",", g.Value)));

    /// <summary>A map as AWS's logs print it, Java style: <c>{a=1, b=2}</c>.</summary>
    private static string Braced(IEnumerable<KeyValuePair<string, string>> entries) =>
        "{" + string.Join(", ", entries.Select(e => $"{e.Key}={e.Value}")) + "}";
}
