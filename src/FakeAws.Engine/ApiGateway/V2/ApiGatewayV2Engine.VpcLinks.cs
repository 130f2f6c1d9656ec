using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// CreateVpcLink, GetVpcLink(s), UpdateVpcLink, DeleteVpcLink: the HTTP API (v2) links into a VPC's subnets.
internal sealed partial class ApiGatewayV2Engine
{
    /// <summary>
    /// A link into the given subnets. AWS provisions it in minutes; API Gateway has no status-delay
    /// option here, so the link is AVAILABLE at once (an SDK waiter or a poll still works).
    /// </summary>
    public CreateVpcLinkResponse CreateVpcLink(RequestScope scope, CreateVpcLinkRequest request)
    {
        var link = new VpcLink
        {
            CreatedDate = Now,
            Name = request.Name,
            SecurityGroupIds = request.SecurityGroupIds is { } groups ? [.. groups] : [],
            SubnetIds = [.. request.SubnetIds!],
            Tags = ResourceTags.Initial(request.Tags) ?? [],
            VpcLinkId = ids.ShortId(),
            VpcLinkStatus = "AVAILABLE",
            VpcLinkStatusMessage = "VPC link is ready to route traffic",
            VpcLinkVersion = "V2",
        };
        return Locked(scope, region =>
        {
            region.V2VpcLinks[link.VpcLinkId] = link;
            return ApiGatewayJson.Convert<CreateVpcLinkResponse>(link);
        });
    }

    public GetVpcLinkResponse GetVpcLink(RequestScope scope, GetVpcLinkRequest request) => Locked(scope, region =>
        ApiGatewayJson.Convert<GetVpcLinkResponse>(GetVpcLink(region, request.VpcLinkId)));

    public GetVpcLinksResponse GetVpcLinks(RequestScope scope, GetVpcLinksRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(region.V2VpcLinks.Values.Select(ApiGatewayJson.Clone).ToList(), MaxResults(request.MaxResults), request.NextToken);
        return new GetVpcLinksResponse { Items = page, NextToken = next };
    });

    /// <summary>Renames the link, the only thing UpdateVpcLink changes.</summary>
    public UpdateVpcLinkResponse UpdateVpcLink(RequestScope scope, UpdateVpcLinkRequest request) => Locked(scope, region =>
    {
        var link = GetVpcLink(region, request.VpcLinkId);
        link.Name = request.Name ?? link.Name;
        return ApiGatewayJson.Convert<UpdateVpcLinkResponse>(link);
    });

    public DeleteVpcLinkResponse DeleteVpcLink(RequestScope scope, DeleteVpcLinkRequest request) => Locked(scope, region =>
    {
        region.V2VpcLinks.Remove(GetVpcLink(region, request.VpcLinkId).VpcLinkId!);
        return new DeleteVpcLinkResponse();
    });

    private static VpcLink GetVpcLink(ApiGatewayRegion region, string? vpcLinkId) =>
        vpcLinkId is not null && region.V2VpcLinks.TryGetValue(vpcLinkId, out var link) ? link : throw ApiGatewayErrors.V2VpcLinkNotFound(vpcLinkId ?? "");
}
