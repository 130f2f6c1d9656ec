using FakeAws.Engine.ApiGateway.V2.Model;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>An HTTP API route that matches a request, with the path parameters it bound.</summary>
internal sealed record RouteMatch(Route Route, string Path, Dictionary<string, string> PathParameters);

/// <summary>
/// Picks an HTTP API's route for a request as AWS documents it: the most specific path first
/// (literal segments before <c>{param}</c>, a greedy <c>{proxy+}</c> last), the request's method
/// before ANY, and <c>$default</c> when nothing else matches.
/// </summary>
internal static class RouteMatcher
{
    public static RouteMatch? Match(IReadOnlyList<Route> routes, string httpMethod, string path)
    {
        var segments = RequestParts.Segments(path).Select(RequestParts.Decode).ToArray();
        RouteMatch? best = null;
        (int Greedy, int Literals, int Variables, int Method) bestRank = default;
        foreach (var route in routes)
        {
            if (route.RouteKey is not { } key || key == "$default")
            {
                continue;
            }
            var space = key.IndexOf(' ');
            var method = key[..space];
            if (method != httpMethod && method != "ANY")
            {
                continue;
            }
            var template = key[(space + 1)..];
            if (Bind(RequestParts.Segments(template), segments) is not { } parameters)
            {
                continue;
            }
            var parts = RequestParts.Segments(template);
            var greedy = parts.Length > 0 && parts[^1].EndsWith("+}", StringComparison.Ordinal);
            // Lower is better: no greedy variable, more literals, more variables, the exact method.
            var rank = (greedy ? 1 : 0, -parts.Count(p => !p.StartsWith('{')), -parts.Length, method == httpMethod ? 0 : 1);
            if (best is null || rank.CompareTo(bestRank) < 0)
            {
                best = new RouteMatch(route, template, parameters);
                bestRank = rank;
            }
        }
        return best ?? (routes.FirstOrDefault(r => r.RouteKey == "$default") is { } fallback
            ? new RouteMatch(fallback, "$default", new(StringComparer.Ordinal))
            : null);
    }

    private static Dictionary<string, string>? Bind(string[] template, string[] segments)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.StartsWith('{') && part.EndsWith("+}", StringComparison.Ordinal))
            {
                if (i >= segments.Length)
                {
                    return null;
                }
                parameters[part[1..^2]] = string.Join('/', segments[i..]);
                return parameters;
            }
            if (i >= segments.Length)
            {
                return null;
            }
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                parameters[part[1..^1]] = segments[i];
            }
            else if (part != segments[i])
            {
                return null;
            }
        }
        return template.Length == segments.Length ? parameters : null;
    }
}
