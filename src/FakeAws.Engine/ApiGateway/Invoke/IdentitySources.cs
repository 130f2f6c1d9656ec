namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// Reads an authorizer's identity sources from a request: REST APIs write them as
/// <c>method.request.header.Auth</c>, <c>method.request.querystring.q</c>, <c>stageVariables.v</c>
/// and <c>context.x</c>; WebSocket APIs as <c>route.request.header.Auth</c> and
/// <c>route.request.querystring.q</c>; HTTP APIs as <c>$request.header.Auth</c>, <c>$request.querystring.q</c>,
/// <c>$stageVariables.v</c> and <c>$context.x</c>.
/// </summary>
internal static class IdentitySources
{
    /// <summary>The values of <paramref name="sources"/>, or null when one of them is missing or empty.</summary>
    public static List<string>? Read(IEnumerable<string> sources, InvocationContext context)
    {
        var values = new List<string>();
        var query = RequestParts.Query(context.Request.RawQuery);
        foreach (var source in sources)
        {
            var value = Read(source.Trim(), context, query);
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }
            values.Add(value);
        }
        return values;
    }

    private static string? Read(string source, InvocationContext context, List<KeyValuePair<string, string>> query)
    {
        var name = source.StartsWith('$') ? source[1..] : source;
        if ((After(name, "method.request.header.") ?? After(name, "route.request.header.") ?? After(name, "request.header.")) is { } header)
        {
            return context.Request.Header(header);
        }
        if ((After(name, "method.request.querystring.") ?? After(name, "route.request.querystring.") ?? After(name, "request.querystring.")) is { } parameter)
        {
            return query.LastOrDefault(q => q.Key == parameter).Value;
        }
        if (After(name, "stageVariables.") is { } variable)
        {
            return context.StageVariables?.GetValueOrDefault(variable);
        }
        return After(name, "context.") switch
        {
            "requestId" => context.RequestId,
            "stage" => context.Stage,
            "httpMethod" => context.Request.Method,
            "resourcePath" => context.ResourcePath,
            "identity.sourceIp" => context.Request.SourceIp,
            "identity.userAgent" => context.UserAgent,
            _ => null,
        };
    }

    private static string? After(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;
}
