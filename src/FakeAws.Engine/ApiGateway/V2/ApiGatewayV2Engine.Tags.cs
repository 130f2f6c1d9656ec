using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// TagResource, UntagResource, GetTags: the tags CreateApi, CreateStage, CreateDomainName and
// CreateVpcLink stored, read and changed by ARN.
internal sealed partial class ApiGatewayV2Engine
{
    public TagResourceResponse TagResource(RequestScope scope, TagResourceRequest request) => Locked(scope, region =>
    {
        var target = Tagged(region, request.ResourceArn);
        target.Set(ResourceTags.Merge(target.Get(), request.Tags ?? []));
        return new TagResourceResponse();
    });

    public void UntagResource(RequestScope scope, UntagResourceRequest request) => Locked(scope, region =>
    {
        var target = Tagged(region, request.ResourceArn);
        target.Set(ResourceTags.Without(target.Get(), request.TagKeys ?? []));
    });

    public GetTagsResponse GetTags(RequestScope scope, GetTagsRequest request) => Locked(scope, region =>
        new GetTagsResponse { Tags = Tagged(region, request.ResourceArn).Get() is { } tags ? new(tags) : [] });

    /// <summary>
    /// The tags of the resource <paramref name="arn"/> names: an HTTP or WebSocket API or one of its
    /// stages, a custom domain name (v1 sees the same tags) or a VPC link. A resource that does not
    /// exist answers the error its Get operation answers.
    /// </summary>
    private static TagTarget Tagged(ApiGatewayRegion region, string? arn)
    {
        switch (ResourceTags.PathOf(region.Scope, arn))
        {
            case ["apis", var apiId]:
                var api = GetApi(region, apiId).Api;
                return new(() => api.Tags, tags => api.Tags = tags);
            case ["apis", var apiId, "stages", var stageName]:
                var stage = GetStage(GetApi(region, apiId), stageName);
                return new(() => stage.Tags, tags => stage.Tags = tags);
            case ["domainnames", var domainName]:
                var domain = GetDomain(region, domainName);
                return new(() => domain.Domain.Tags, tags => domain.Domain.Tags = tags);
            case ["vpclinks", var vpcLinkId]:
                var link = GetVpcLink(region, vpcLinkId);
                return new(() => link.Tags, tags => link.Tags = tags);
            default:
                throw ResourceTags.InvalidArn(arn ?? "");
        }
    }
}
