using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// TagResource, UntagResource, GetTags: the tags the Create operations stored, read and changed by ARN.
internal sealed partial class ApiGatewayEngine
{
    public void TagResource(RequestScope scope, TagResourceRequest request) => Locked(scope, region =>
    {
        var target = Tagged(region, request.ResourceArn);
        target.Set(ResourceTags.Merge(target.Get(), request.Tags ?? []));
    });

    public void UntagResource(RequestScope scope, UntagResourceRequest request) => Locked(scope, region =>
    {
        var target = Tagged(region, request.ResourceArn);
        var kept = ResourceTags.Without(target.Get(), request.TagKeys ?? []);
        // A v1 resource without tags shows none, as one created without them does.
        target.Set(kept.Count == 0 ? null : kept);
    });

    /// <summary>A resource's own tags (AWS leaves out what a stage inherits from its API); <c>position</c> and <c>limit</c> page nothing, as on AWS.</summary>
    public Tags GetTags(RequestScope scope, GetTagsRequest request) => Locked(scope, region =>
        new Tags { TagsValue = Tagged(region, request.ResourceArn).Get() is { } tags ? new(tags) : [] });

    /// <summary>
    /// The tags of the resource <paramref name="arn"/> names: a REST API or one of its stages, an API key,
    /// a usage plan, a custom domain name, a client certificate or a VPC link. A resource that does not
    /// exist answers the error its Get operation answers.
    /// </summary>
    private static TagTarget Tagged(ApiGatewayRegion region, string? arn)
    {
        switch (ResourceTags.PathOf(region.Scope, arn))
        {
            case ["restapis", var apiId]:
                var api = GetApi(region, apiId).Api;
                return new(() => api.Tags, tags => api.Tags = tags);
            case ["restapis", var apiId, "stages", var stageName]:
                var stage = GetStage(GetApi(region, apiId), stageName);
                return new(() => stage.Tags, tags => stage.Tags = tags);
            case ["apikeys", var keyId]:
                var key = GetApiKey(region, keyId);
                return new(() => key.Tags, tags => key.Tags = tags);
            case ["usageplans", var planId]:
                var plan = GetUsagePlan(region, planId).Plan;
                return new(() => plan.Tags, tags => plan.Tags = tags);
            case ["domainnames", var domainName]:
                var domain = GetDomain(region, domainName);
                return new(() => domain.Domain.Tags, tags => domain.Domain.Tags = tags);
            case ["clientcertificates", var certificateId]:
                var certificate = GetClientCertificate(region, certificateId);
                return new(() => certificate.Tags, tags => certificate.Tags = tags);
            case ["vpclinks", var vpcLinkId]:
                var link = GetVpcLink(region, vpcLinkId);
                return new(() => link.Tags, tags => link.Tags = tags);
            default:
                throw ResourceTags.InvalidArn(arn ?? "");
        }
    }
}

/// <summary>Reads and replaces the tags of one taggable resource, whatever its type.</summary>
internal sealed record TagTarget(Func<Dictionary<string, string>?> Get, Action<Dictionary<string, string>?> Set);
