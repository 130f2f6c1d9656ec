using System.Text.RegularExpressions;

namespace FakeAws.Engine.ApiGateway;

/// <summary>Reading integration URIs: which Lambda function an integration or authorizer invokes.</summary>
internal static partial class IntegrationUris
{
    private const string InvokePathStart = "path/2015-03-31/functions/";
    private const string InvokePathEnd = "/invocations";

    /// <summary>
    /// The function a Lambda integration or authorizer invokes: the ARN inside
    /// <c>arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations</c>,
    /// or a function ARN as it is (HTTP APIs take both); null for anything else.
    /// </summary>
    public static string? LambdaFunction(string? uri)
    {
        if (uri is null)
        {
            return null;
        }
        if (uri.StartsWith("arn:aws:lambda:", StringComparison.Ordinal))
        {
            return uri;
        }
        var parts = uri.Split(':', 6);
        if (parts.Length == 6 && parts[0] == "arn" && parts[2] == "apigateway" && parts[4] == "lambda"
            && parts[5].StartsWith(InvokePathStart, StringComparison.Ordinal) && parts[5].EndsWith(InvokePathEnd, StringComparison.Ordinal))
        {
            return parts[5][InvokePathStart.Length..^InvokePathEnd.Length];
        }
        return null;
    }

    /// <summary>Puts a stage's variables into <c>${stageVariables.name}</c> placeholders, as API Gateway does before invoking.</summary>
    public static string WithStageVariables(string uri, IReadOnlyDictionary<string, string>? variables) =>
        variables is null ? uri : StageVariable().Replace(uri, m => variables.GetValueOrDefault(m.Groups[1].Value, ""));

    /// <summary>Whether an HTTP integration's URI is an absolute http(s) URL once its <c>{param}</c> and <c>${stageVariables.name}</c> placeholders are filled.</summary>
    public static bool IsHttpEndpoint(string? uri)
    {
        var concrete = Placeholder().Replace(uri ?? "", "x");
        return (concrete.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || concrete.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(concrete, UriKind.Absolute, out _);
    }

    /// <summary>
    /// An HTTP integration's URI made concrete: stage variables, then <c>{name}</c> path
    /// placeholders from <paramref name="pathValues"/> (each segment percent-encoded, so a greedy
    /// proxy path keeps its slashes), then the query string.
    /// </summary>
    public static string HttpEndpoint(string uri, IReadOnlyDictionary<string, string>? stageVariables, IReadOnlyDictionary<string, string> pathValues, string query)
    {
        var withVariables = WithStageVariables(uri, stageVariables);
        var withPath = PathPlaceholder().Replace(withVariables, m => pathValues.TryGetValue(m.Groups[1].Value, out var value)
            ? string.Join('/', value.Split('/').Select(Uri.EscapeDataString))
            : m.Value);
        return query.Length == 0 ? withPath : withPath + (withPath.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    [GeneratedRegex(@"\$?\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{([A-Za-z0-9._-]+)\+?\}", RegexOptions.CultureInvariant)]
    private static partial Regex PathPlaceholder();

    [GeneratedRegex(@"\$\{stageVariables\.([A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex StageVariable();
}
