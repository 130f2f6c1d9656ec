using System.Globalization;
using System.Text.Json;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// What API Gateway knows about one request as it goes through the chain, and what the proxy
/// event's <c>requestContext</c> reports: ids, times, the matched resource or route, the caller's
/// identity and what its authorizer said.
/// </summary>
internal sealed class InvocationContext
{
    public required GatewayRequest Request { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string ApiId { get; init; }

    public required string Stage { get; init; }

    /// <summary>The path after the stage, still percent-encoded.</summary>
    public required string Path { get; init; }

    public required string RequestId { get; init; }

    public required string ExtendedRequestId { get; init; }

    public required string TraceId { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>The host the request came to: the API's own, or the custom domain's.</summary>
    public string DomainName => Request.CustomDomain?.DomainName ?? $"{ApiId}.execute-api.{Region}.amazonaws.com";

    /// <summary>The first label of <see cref="DomainName"/>: the API id, or the custom domain's first label.</summary>
    public string DomainPrefix => Request.CustomDomain?.Prefix ?? ApiId;

    /// <summary>
    /// The path as the caller wrote it: stage included (<c>$default</c> has none in the URL), or
    /// through a custom domain the domain's whole path, base path included.
    /// </summary>
    public string PathWithStage => Request.CustomDomain?.Path ?? (Stage == "$default" ? Path : $"/{Stage}{Path}");

    /// <summary>
    /// A REST event's <c>path</c>: the path after the stage, except through a custom domain, where
    /// AWS hands over the domain's whole path, base path included.
    /// </summary>
    public string EventPath => Request.CustomDomain?.Path ?? Path;

    /// <summary>The matched resource's path template (REST) or the route's path (HTTP), such as <c>/items/{id}</c>.</summary>
    public string ResourcePath { get; set; } = "/";

    /// <summary>The matched resource's id (REST) or route key (HTTP).</summary>
    public string ResourceId { get; set; } = "";

    public string? DeploymentId { get; set; }

    /// <summary>Whether the request went to the stage's canary (<c>$context.isCanaryRequest</c>); null when the stage has no canary.</summary>
    public bool? IsCanaryRequest { get; set; }

    /// <summary>The route key that matched (HTTP APIs), such as <c>GET /items/{id}</c> or <c>$default</c>.</summary>
    public string RouteKey { get; set; } = "$default";

    /// <summary>The WebSocket connection an event is for; null for HTTP requests.</summary>
    public string? ConnectionId { get; init; }

    public Dictionary<string, string> PathParameters { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string>? StageVariables { get; set; }

    /// <summary>The API key the request was metered against (REST APIs).</summary>
    public string? ApiKey { get; set; }

    public string? ApiKeyId { get; set; }

    /// <summary>The access key of a request signed with SigV4 for an AWS_IAM method or route.</summary>
    public string? IamAccessKey { get; set; }

    /// <summary>Writes the value of <c>requestContext.authorizer</c>; null when no authorizer ran.</summary>
    public Action<Utf8JsonWriter>? Authorizer { get; set; }

    /// <summary>The method ARN an authorizer's or resource policy's statements are matched against.</summary>
    public string MethodArn(string method, string path) =>
        $"arn:aws:execute-api:{Region}:{AccountId}:{ApiId}/{Stage}/{method}/{path.TrimStart('/')}";

    public string ApiArn => $"arn:aws:execute-api:{Region}:{AccountId}:{ApiId}";

    /// <summary>REST's <c>requestTime</c>: <c>10/Mar/2020:00:03:59 +0000</c>.</summary>
    public string RequestTime => Time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public long TimeEpochMilliseconds => Time.ToUnixTimeMilliseconds();

    public string? UserAgent => Request.Header("User-Agent");
}
