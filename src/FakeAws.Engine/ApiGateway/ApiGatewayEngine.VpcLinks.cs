using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateVpcLink, GetVpcLink(s), UpdateVpcLink, DeleteVpcLink: the REST API (v1) links to a network load balancer.
internal sealed partial class ApiGatewayEngine
{
    private static readonly string[] VpcLinkPatchPaths = ["/name", "/description"];

    /// <summary>
    /// A link to one network load balancer. AWS provisions it in 2-4 minutes; API Gateway has no
    /// status-delay option here, so the link is AVAILABLE at once (an SDK waiter or a poll still works).
    /// </summary>
    public VpcLink CreateVpcLink(RequestScope scope, CreateVpcLinkRequest request)
    {
        if (string.IsNullOrEmpty(request.Name))
        {
            throw ApiGatewayErrors.BadRequest("Name cannot be empty");
        }
        if (request.TargetArns is not { Count: 1 })
        {
            throw ApiGatewayErrors.BadRequest("A VPC link must target exactly one network load balancer ARN.");
        }
        if (request.TargetArns[0] is var arn && !(arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Split(':').Length >= 6))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid ARN. ARN is not well formed {arn}");
        }
        var link = new VpcLink
        {
            Id = ids.ShortId(),
            Name = request.Name,
            Description = request.Description,
            TargetArns = [.. request.TargetArns],
            Status = "AVAILABLE",
            StatusMessage = "Your vpc link is ready for use",
            Tags = ResourceTags.Initial(request.Tags),
        };
        return Locked(scope, region =>
        {
            region.VpcLinks[link.Id] = link;
            return ApiGatewayJson.Clone(link);
        });
    }

    public VpcLink GetVpcLink(RequestScope scope, GetVpcLinkRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetVpcLink(region, request.VpcLinkId)));

    public VpcLinks GetVpcLinks(RequestScope scope, GetVpcLinksRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(region.VpcLinks.Values.Select(ApiGatewayJson.Clone).ToList(), request.Limit, request.Position);
        return new VpcLinks { Items = page, Position = next };
    });

    /// <summary>UpdateVpcLink: <c>replace</c> of the name and the description.</summary>
    public VpcLink UpdateVpcLink(RequestScope scope, UpdateVpcLinkRequest request) => Locked(scope, region =>
    {
        var link = GetVpcLink(region, request.VpcLinkId);
        // Patched on a copy, so a refused patch changes nothing.
        var updated = ApiGatewayJson.Clone(link);
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, VpcLinkPatchPaths);
            if (patch.Path == "/name")
            {
                updated.Name = patch.Value;
            }
            else
            {
                updated.Description = patch.Value;
            }
        }
        region.VpcLinks[updated.Id!] = updated;
        return ApiGatewayJson.Clone(updated);
    });

    public void DeleteVpcLink(RequestScope scope, DeleteVpcLinkRequest request) => Locked(scope, region =>
    {
        GetVpcLink(region, request.VpcLinkId);
        region.VpcLinks.Remove(request.VpcLinkId!);
    });

    private static VpcLink GetVpcLink(ApiGatewayRegion region, string? id) =>
        id is not null && region.VpcLinks.TryGetValue(id, out var link) ? link : throw ApiGatewayErrors.NotFound("Invalid Vpc Link identifier specified");
}
