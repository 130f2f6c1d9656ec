using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>A REST API resource and method that match a request, with the path parameters they bound.</summary>
internal sealed record ResourceMatch(DeployedResource Resource, Method Method, Dictionary<string, string> PathParameters);

/// <summary>
/// Finds the resource of a deployed REST API for a request path and method: at each level a literal
/// child before a <c>{param}</c> child before a greedy <c>{proxy+}</c> (which takes the rest of the
/// path, at least one segment), backtracking when a branch has no method for the request; the
/// method itself, else ANY.
/// </summary>
internal sealed class ResourceMatcher
{
    private readonly ILookup<string?, DeployedResource> _children;
    private readonly DeployedResource _root;

    public ResourceMatcher(RestApiSnapshot snapshot)
    {
        _children = snapshot.Resources.ToLookup(r => r.ParentId);
        _root = snapshot.Resources.First(r => r.ParentId is null);
    }

    public ResourceMatch? Match(string httpMethod, string path)
    {
        var segments = RequestParts.Segments(path).Select(RequestParts.Decode).ToArray();
        return Match(_root, segments, 0, httpMethod, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    private ResourceMatch? Match(DeployedResource resource, string[] segments, int index, string httpMethod, Dictionary<string, string> parameters)
    {
        if (index == segments.Length)
        {
            return MethodOf(resource, httpMethod) is { } method ? new ResourceMatch(resource, method, new(parameters)) : null;
        }
        var children = _children[resource.Id].ToList();
        foreach (var child in children.Where(c => c.PathPart == segments[index]))
        {
            if (Match(child, segments, index + 1, httpMethod, parameters) is { } match)
            {
                return match;
            }
        }
        foreach (var child in children.Where(c => ApiGatewayEngine.IsVariable(c.PathPart!) && !ApiGatewayEngine.IsGreedy(c.PathPart!)))
        {
            var name = child.PathPart![1..^1];
            parameters[name] = segments[index];
            if (Match(child, segments, index + 1, httpMethod, parameters) is { } match)
            {
                return match;
            }
            parameters.Remove(name);
        }
        foreach (var child in children.Where(c => ApiGatewayEngine.IsGreedy(c.PathPart!)))
        {
            if (MethodOf(child, httpMethod) is { } method)
            {
                return new ResourceMatch(child, method, new(parameters) { [child.PathPart![1..^2]] = string.Join('/', segments[index..]) });
            }
        }
        return null;
    }

    private static Method? MethodOf(DeployedResource resource, string httpMethod) =>
        resource.Methods.GetValueOrDefault(httpMethod) ?? resource.Methods.GetValueOrDefault("ANY");
}
