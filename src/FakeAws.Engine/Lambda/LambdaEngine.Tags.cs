using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// TagResource, UntagResource and ListTags, on function, code signing configuration and capacity provider ARNs. Tagging a
// function gives its $LATEST a new RevisionId, as in AWS.
internal sealed partial class LambdaEngine
{
    public void TagResource(RequestScope scope, TagResourceRequest request)
    {
        var (tags, function, region) = GetTaggable(scope, request.Resource!);
        if (request.Tags is { Count: 0 })
        {
            // AWS's answer to an empty tag map is this generic one.
            throw LambdaErrors.InvalidParameter("An error occurred and the request cannot be processed.");
        }
        lock (region.Gate)
        {
            var merged = new Dictionary<string, string>(tags);
            foreach (var (key, value) in request.Tags ?? [])
            {
                merged[key] = value;
            }
            ConfigurationRules.CheckTags(merged);
            foreach (var (key, value) in merged)
            {
                tags[key] = value;
            }
            function?.Latest.RevisionId = NewRevisionId();
        }
    }

    public void UntagResource(RequestScope scope, UntagResourceRequest request)
    {
        var (tags, function, region) = GetTaggable(scope, request.Resource!);
        lock (region.Gate)
        {
            foreach (var key in request.TagKeys ?? [])
            {
                tags.Remove(key);
            }
            function?.Latest.RevisionId = NewRevisionId();
        }
    }

    public ListTagsResponse ListTags(RequestScope scope, ListTagsRequest request)
    {
        var (tags, _, region) = GetTaggable(scope, request.Resource!);
        lock (region.Gate)
        {
            return new ListTagsResponse { Tags = new(tags) };
        }
    }

    /// <summary>
    /// The tags of a resource: a function as a whole (versions and aliases have none), a code signing
    /// configuration or a capacity provider; the function is null for the latter two.
    /// </summary>
    private (SortedDictionary<string, string> Tags, LambdaFunction? Function, LambdaRegion Region) GetTaggable(RequestScope scope, string resource)
    {
        var region = Region(scope);
        if (resource.Contains(":code-signing-config:", StringComparison.Ordinal))
        {
            lock (region.Gate)
            {
                return (GetCodeSigningConfig(region, resource).Tags, null, region);
            }
        }
        if (resource.Contains(":capacity-provider:", StringComparison.Ordinal))
        {
            lock (region.Gate)
            {
                return (GetCapacityProvider(region, resource).Tags, null, region);
            }
        }
        var reference = FunctionArns.Resolve(scope, resource, null);
        if (reference.Qualifier is not null)
        {
            throw LambdaErrors.InvalidParameter("Tags on function aliases and versions are not supported. Please specify a function ARN.");
        }
        lock (region.Gate)
        {
            var function = GetFunction(region, reference.Name);
            return (function.Tags, function, region);
        }
    }
}
