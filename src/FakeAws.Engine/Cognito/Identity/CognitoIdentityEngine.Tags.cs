using FakeAws.Engine.Cognito.Identity.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito.Identity;

// Tags on identity pools: TagResource, UntagResource, ListTagsForResource by the pool's ARN. They are the
// pool's IdentityPoolTags, which CreateIdentityPool, UpdateIdentityPool and DescribeIdentityPool also carry.
internal sealed partial class CognitoIdentityEngine
{
    public TagResourceResponse TagResource(RequestScope scope, TagResourceInput input)
    {
        var pool = PoolByArn(scope, input.ResourceArn);
        lock (pool.Gate)
        {
            var tags = new Dictionary<string, string>(pool.Description.IdentityPoolTags ?? [], StringComparer.Ordinal);
            foreach (var (key, value) in input.Tags ?? [])
            {
                tags[key] = value;
            }
            pool.Description.IdentityPoolTags = tags;
        }
        return new TagResourceResponse();
    }

    public UntagResourceResponse UntagResource(RequestScope scope, UntagResourceInput input)
    {
        var pool = PoolByArn(scope, input.ResourceArn);
        lock (pool.Gate)
        {
            pool.Description.IdentityPoolTags = (pool.Description.IdentityPoolTags ?? []).Where(t => input.TagKeys?.Contains(t.Key) != true)
                .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        }
        return new UntagResourceResponse();
    }

    public ListTagsForResourceResponse ListTagsForResource(RequestScope scope, ListTagsForResourceInput input)
    {
        var pool = PoolByArn(scope, input.ResourceArn);
        lock (pool.Gate)
        {
            return new ListTagsForResourceResponse { Tags = new Dictionary<string, string>(pool.Description.IdentityPoolTags ?? [], StringComparer.Ordinal) };
        }
    }

    /// <summary>The pool an ARN names (<c>arn:aws:cognito-identity:{region}:{account}:identitypool/{id}</c>), in the request's account and region.</summary>
    private IdentityPoolState PoolByArn(RequestScope scope, string? arn)
    {
        var id = arn?[(arn.LastIndexOf('/') + 1)..];
        return id is not null && arn == $"arn:aws:cognito-identity:{scope.Region}:{scope.AccountId}:identitypool/{id}"
            && _regions[scope].Pools.TryGetValue(id, out var pool)
            ? pool
            : throw IdentityErrors.PoolNotFound(id ?? "");
    }
}
