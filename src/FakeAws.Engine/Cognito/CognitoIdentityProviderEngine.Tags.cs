using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Tags on user pools: TagResource, UntagResource, ListTagsForResource by the pool's ARN. They are the
// pool's UserPoolTags, which CreateUserPool and DescribeUserPool also carry.
internal sealed partial class CognitoIdentityProviderEngine
{
    public TagResourceResponse TagResource(RequestScope scope, TagResourceRequest request)
    {
        var pool = PoolByArn(scope, request.ResourceArn);
        lock (pool.Gate)
        {
            var updated = pool.Description.Clone();
            updated.UserPoolTags = new Dictionary<string, string>(updated.UserPoolTags ?? [], StringComparer.Ordinal);
            foreach (var (key, value) in request.Tags ?? [])
            {
                updated.UserPoolTags[key] = value;
            }
            pool.Description = updated;
        }
        return new TagResourceResponse();
    }

    public UntagResourceResponse UntagResource(RequestScope scope, UntagResourceRequest request)
    {
        var pool = PoolByArn(scope, request.ResourceArn);
        lock (pool.Gate)
        {
            var updated = pool.Description.Clone();
            updated.UserPoolTags = (updated.UserPoolTags ?? []).Where(t => request.TagKeys?.Contains(t.Key) != true)
                .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            pool.Description = updated;
        }
        return new UntagResourceResponse();
    }

    public ListTagsForResourceResponse ListTagsForResource(RequestScope scope, ListTagsForResourceRequest request)
    {
        var pool = PoolByArn(scope, request.ResourceArn);
        lock (pool.Gate)
        {
            return new ListTagsForResourceResponse { Tags = new Dictionary<string, string>(pool.Description.UserPoolTags ?? [], StringComparer.Ordinal) };
        }
    }

    /// <summary>The pool an ARN names (<c>arn:aws:cognito-idp:{region}:{account}:userpool/{id}</c>), in the request's account and region.</summary>
    private UserPool PoolByArn(RequestScope scope, string? arn)
    {
        var poolId = arn?[(arn.LastIndexOf('/') + 1)..];
        return poolId is not null && _regions[scope].Pools.TryGetValue(poolId, out var pool) && pool.Description.Arn == arn
            ? pool
            : throw CognitoErrors.PoolNotFound(poolId ?? "");
    }
}
