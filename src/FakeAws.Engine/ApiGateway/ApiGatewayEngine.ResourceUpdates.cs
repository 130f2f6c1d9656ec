using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// UpdateResource: renaming a resource (/pathPart) or moving it and everything under it (/parentId).
internal sealed partial class ApiGatewayEngine
{
    private static readonly string[] ResourcePatchPaths = ["/parentId", "/pathPart"];

    /// <summary>
    /// Renames or moves a resource with its methods and its whole subtree, whose paths follow. The change
    /// reaches callers with the next deployment, as every edit does.
    /// </summary>
    public Resource UpdateResource(RequestScope scope, UpdateResourceRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var resource = GetResource(api, request.ResourceId);
        var parentId = resource.ParentId;
        var part = resource.PathPart;
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, ResourcePatchPaths);
            if (resource.ParentId is null)
            {
                throw ApiGatewayErrors.BadRequest(patch.Path == "/parentId" ? "Root resource cannot update its parentId." : "Root resource cannot update its pathPart.");
            }
            if (patch.Path == "/parentId")
            {
                parentId = patch.Value;
            }
            else
            {
                part = patch.Value ?? "";
            }
        }
        if (parentId is null || part is null)
        {
            // The root, with nothing to change.
            return Describe(resource, embedMethods: false);
        }
        var parent = GetResource(api, parentId);
        var subtree = Subtree(api, resource.Id);
        if (subtree.Contains(parent.Id))
        {
            throw ApiGatewayErrors.BadRequest("Resources cannot be cyclical.");
        }
        CheckPlacement(api, parent, part, movingId: resource.Id);
        resource.ParentId = parent.Id;
        resource.PathPart = part;
        // Subtree lists parents before children, so each child's new path builds on its parent's.
        foreach (var id in subtree)
        {
            var moved = api.Resources[id];
            moved.Path = ChildPath(api.Resources[moved.ParentId!].Path, moved.PathPart!);
        }
        return Describe(resource, embedMethods: false);
    });
}
