using System.Text.RegularExpressions;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateResource, GetResource(s), DeleteResource.
internal sealed partial class ApiGatewayEngine
{
    private static readonly Regex PathPartPattern = new(@"^(?:[a-zA-Z0-9._-]+|\{[a-zA-Z0-9._-]+\+?\})$", RegexOptions.CultureInvariant);

    public Resource CreateResource(RequestScope scope, CreateResourceRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var parent = GetResource(api, request.ParentId);
        var part = request.PathPart ?? "";
        CheckPlacement(api, parent, part, movingId: null);
        var resource = new RestResource(ids.ShortId(), parent.Id, part, ChildPath(parent.Path, part));
        api.Resources[resource.Id] = resource;
        return Describe(resource, embedMethods: false);
    });

    public Resource GetResource(RequestScope scope, GetResourceRequest request) => Locked(scope, region =>
        Describe(GetResource(GetApi(region, request.RestApiId), request.ResourceId), request.Embed?.Contains("methods") == true));

    public Resources GetResources(RequestScope scope, GetResourcesRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var embed = request.Embed?.Contains("methods") == true;
        var (page, next) = Paging.Page(api.Resources.Values.ToList(), request.Limit, request.Position);
        return new Resources { Items = page.Select(r => Describe(r, embed)).ToList(), Position = next };
    });

    public void DeleteResource(RequestScope scope, DeleteResourceRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var resource = GetResource(api, request.ResourceId);
        if (resource.ParentId is null)
        {
            throw ApiGatewayErrors.BadRequest("Cannot delete root resource");
        }
        foreach (var id in Subtree(api, resource.Id))
        {
            api.Resources.Remove(id);
        }
    });

    /// <summary>
    /// AWS's checks on a resource named <paramref name="part"/> under <paramref name="parent"/>, for
    /// CreateResource and for UpdateResource, which moves or renames <paramref name="movingId"/>.
    /// </summary>
    private static void CheckPlacement(RestApiState api, RestResource parent, string part, string? movingId)
    {
        if (!PathPartPattern.IsMatch(part))
        {
            throw ApiGatewayErrors.BadRequest(
                "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
        }
        if (parent.PathPart is { } parentPart && IsGreedy(parentPart))
        {
            throw ApiGatewayErrors.BadRequest($"Cannot create a child of a resource with a greedy path variable: {parentPart}");
        }
        foreach (var sibling in api.Resources.Values.Where(r => r.ParentId == parent.Id && r.Id != movingId))
        {
            if (sibling.PathPart == part)
            {
                throw ApiGatewayErrors.Conflict($"Another resource with the same parent already has this name: {part}");
            }
            if (IsVariable(part) && IsVariable(sibling.PathPart!))
            {
                throw ApiGatewayErrors.BadRequest($"A sibling ({sibling.PathPart}) of this resource already has a variable path part -- only one is allowed");
            }
        }
    }

    /// <summary>The ids of resource <paramref name="rootId"/> and of everything under it, parents before children.</summary>
    private static List<string> Subtree(RestApiState api, string rootId)
    {
        var ids = new List<string> { rootId };
        // A moved resource can sit under one created after it, so creation order does not put parents first.
        for (var i = 0; i < ids.Count; i++)
        {
            ids.AddRange(api.Resources.Values.Where(r => r.ParentId == ids[i]).Select(r => r.Id));
        }
        return ids;
    }

    /// <summary>
    /// A resource as responses show it. Without <c>embed=methods</c> each method is an empty object,
    /// as GetResources lists them; with it, the whole method with its integration.
    /// </summary>
    private static Resource Describe(RestResource resource, bool embedMethods) => new()
    {
        Id = resource.Id,
        ParentId = resource.ParentId,
        PathPart = resource.PathPart,
        Path = resource.Path,
        ResourceMethods = resource.Methods.Count == 0
            ? null
            : resource.Methods.ToDictionary(m => m.Key, m => embedMethods ? ApiGatewayJson.Clone(m.Value) : new Method(), StringComparer.Ordinal),
    };

    private static string ChildPath(string parentPath, string part) => parentPath == "/" ? "/" + part : parentPath + "/" + part;

    internal static bool IsVariable(string pathPart) => pathPart.StartsWith('{') && pathPart.EndsWith('}');

    internal static bool IsGreedy(string pathPart) => pathPart.StartsWith('{') && pathPart.EndsWith("+}", StringComparison.Ordinal);
}
