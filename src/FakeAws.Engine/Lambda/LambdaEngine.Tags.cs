using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// TagResource, UntagResource and ListTags, on function ARNs. Tagging gives $LATEST a new RevisionId, as in AWS.
internal sealed partial class LambdaEngine
{
    public void TagResource(RequestScope scope, TagResourceRequest request)
    {
        var function = GetTaggable(scope, request.Resource!, out var region);
        if (request.Tags is { Count: 0 })
        {
            // AWS's answer to an empty tag map is this generic one.
            throw LambdaErrors.InvalidParameter("An error occurred and the request cannot be processed.");
        }
        lock (region.Gate)
        {
            var merged = new Dictionary<string, string>(function.Tags);
            foreach (var (key, value) in request.Tags ?? [])
            {
                merged[key] = value;
            }
            ConfigurationRules.CheckTags(merged);
            foreach (var (key, value) in merged)
            {
                function.Tags[key] = value;
            }
            function.Latest.RevisionId = NewRevisionId();
        }
    }

    public void UntagResource(RequestScope scope, UntagResourceRequest request)
    {
        var function = GetTaggable(scope, request.Resource!, out var region);
        lock (region.Gate)
        {
            foreach (var key in request.TagKeys ?? [])
            {
                function.Tags.Remove(key);
            }
            function.Latest.RevisionId = NewRevisionId();
        }
    }

    public ListTagsResponse ListTags(RequestScope scope, ListTagsRequest request)
    {
        var function = GetTaggable(scope, request.Resource!, out var region);
        lock (region.Gate)
        {
            return new ListTagsResponse { Tags = new(function.Tags) };
        }
    }

    /// <summary>Tags belong to a function as a whole; versions and aliases have none.</summary>
    private LambdaFunction GetTaggable(RequestScope scope, string resource, out LambdaRegion region)
    {
        var reference = FunctionArns.Resolve(scope, resource, null);
        if (reference.Qualifier is not null)
        {
            throw LambdaErrors.InvalidParameter("Tags on function aliases and versions are not supported. Please specify a function ARN.");
        }
        region = Region(scope);
        lock (region.Gate)
        {
            return GetFunction(region, reference.Name);
        }
    }
}
