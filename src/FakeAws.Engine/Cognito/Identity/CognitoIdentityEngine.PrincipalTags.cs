using FakeAws.Engine.Cognito.Identity.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito.Identity;

// Attributes for access control: SetPrincipalTagAttributeMap and GetPrincipalTagAttributeMap keep, per
// identity pool and identity provider, which token claims become principal tags of the credentials.
internal sealed partial class CognitoIdentityEngine
{
    public SetPrincipalTagAttributeMapResponse SetPrincipalTagAttributeMap(RequestScope scope, SetPrincipalTagAttributeMapInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        lock (pool.Gate)
        {
            var current = PrincipalTagMap(pool, request.IdentityProviderName!);
            // What the request leaves out stays as it was: the defaults, until a request turns them off.
            var map = new PrincipalTagMapping(
                request.UseDefaults ?? current.UseDefaults,
                request.PrincipalTags is { } tags ? new Dictionary<string, string>(tags, StringComparer.Ordinal) : current.Tags);
            pool.PrincipalTags[request.IdentityProviderName!] = map;
            return new SetPrincipalTagAttributeMapResponse
            {
                IdentityPoolId = pool.Description.IdentityPoolId,
                IdentityProviderName = request.IdentityProviderName,
                UseDefaults = map.UseDefaults,
                PrincipalTags = new Dictionary<string, string>(map.Tags, StringComparer.Ordinal),
            };
        }
    }

    public GetPrincipalTagAttributeMapResponse GetPrincipalTagAttributeMap(RequestScope scope, GetPrincipalTagAttributeMapInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        lock (pool.Gate)
        {
            var map = PrincipalTagMap(pool, request.IdentityProviderName!);
            return new GetPrincipalTagAttributeMapResponse
            {
                IdentityPoolId = pool.Description.IdentityPoolId,
                IdentityProviderName = request.IdentityProviderName,
                UseDefaults = map.UseDefaults,
                PrincipalTags = new Dictionary<string, string>(map.Tags, StringComparer.Ordinal),
            };
        }
    }

    // A provider never configured maps by the defaults (username and client id) and no tags of its own.
    private static PrincipalTagMapping PrincipalTagMap(IdentityPoolState pool, string provider) =>
        pool.PrincipalTags.GetValueOrDefault(provider) ?? new PrincipalTagMapping(true, new Dictionary<string, string>(StringComparer.Ordinal));
}
