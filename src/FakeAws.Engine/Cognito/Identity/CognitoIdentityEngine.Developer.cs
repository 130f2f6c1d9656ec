using FakeAws.Engine.Cognito.Identity.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito.Identity;

// Developer-authenticated identities beyond GetOpenIdTokenForDeveloperIdentity: LookupDeveloperIdentity,
// MergeDeveloperIdentities, UnlinkDeveloperIdentity; and UnlinkIdentity, which takes logins off an identity
// whose owner proves themselves with one of its logins.
internal sealed partial class CognitoIdentityEngine
{
    public LookupDeveloperIdentityResponse LookupDeveloperIdentity(RequestScope scope, LookupDeveloperIdentityInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        if (request.IdentityId is null && request.DeveloperUserIdentifier is null)
        {
            throw IdentityErrors.InvalidParameter("Either IdentityId or DeveloperUserIdentifier must be provided.");
        }
        lock (pool.Gate)
        {
            var developer = pool.Description.DeveloperProviderName;
            IdentityState identity;
            if (request.IdentityId is not null)
            {
                identity = pool.Identities.GetValueOrDefault(request.IdentityId) ?? throw IdentityErrors.IdentityNotFound(request.IdentityId);
                // Both given: the identifier must be the identity's, as AWS matches one against the other.
                if (request.DeveloperUserIdentifier is { } given && !identity.Holds(developer ?? "", given, developer))
                {
                    throw new AwsServiceException("ResourceConflictException",
                        $"Developer user identifier '{given}' is not linked to identity '{identity.Id}'.");
                }
            }
            else
            {
                identity = FindDeveloperUser(pool, request.DeveloperUserIdentifier!);
            }
            var (page, next) = Paging.Page(identity.DeveloperUsers, request.NextToken, request.MaxResults ?? 60, id => id);
            return new LookupDeveloperIdentityResponse { IdentityId = identity.Id, DeveloperUserIdentifierList = page, NextToken = next };
        }
    }

    public MergeDeveloperIdentitiesResponse MergeDeveloperIdentities(RequestScope scope, MergeDeveloperIdentitiesInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        lock (pool.Gate)
        {
            var developer = CheckDeveloper(pool, request.DeveloperProviderName);
            var source = FindDeveloperUser(pool, request.SourceUserIdentifier!);
            var destination = FindDeveloperUser(pool, request.DestinationUserIdentifier!);
            if (source == destination)
            {
                return new MergeDeveloperIdentitiesResponse { IdentityId = destination.Id };
            }
            foreach (var (provider, subject) in source.Logins)
            {
                if (provider != developer && destination.Logins.TryGetValue(provider, out var own) && own != subject)
                {
                    // Two users of the same public provider cannot become one identity.
                    throw new AwsServiceException("ResourceConflictException",
                        $"The identities are linked to different users of {provider} and cannot be merged.");
                }
            }
            foreach (var (provider, subject) in source.Logins.Where(l => l.Key != developer))
            {
                destination.Link(provider, subject, developer);
            }
            foreach (var user in source.DeveloperUsers)
            {
                destination.Link(developer, user, developer);
            }
            // The source identity is merged away: what named it now names the destination.
            pool.Identities.Remove(source.Id);
            destination.Modified = Now;
            return new MergeDeveloperIdentitiesResponse { IdentityId = destination.Id };
        }
    }

    public void UnlinkDeveloperIdentity(RequestScope scope, UnlinkDeveloperIdentityInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        lock (pool.Gate)
        {
            var developer = CheckDeveloper(pool, request.DeveloperProviderName);
            var identity = pool.Identities.GetValueOrDefault(request.IdentityId!) ?? throw IdentityErrors.IdentityNotFound(request.IdentityId!);
            if (!identity.DeveloperUsers.Remove(request.DeveloperUserIdentifier!))
            {
                throw IdentityErrors.DeveloperUserNotFound(request.DeveloperUserIdentifier!);
            }
            if (identity.DeveloperUsers.Count == 0)
            {
                identity.Logins.Remove(developer);
            }
            else
            {
                identity.Logins[developer] = identity.DeveloperUsers[0];
            }
            identity.Modified = Now;
        }
    }

    public void UnlinkIdentity(RequestScope scope, UnlinkIdentityInput request)
    {
        var (pool, identity) = Identity(scope, request.IdentityId);
        var logins = VerifyLogins(scope, pool, request.Logins);
        lock (pool.Gate)
        {
            if (!logins.Any(l => identity.Holds(l.Provider, l.Subject, pool.Description.DeveloperProviderName)))
            {
                throw IdentityErrors.LoginsDoNotMatch();
            }
            foreach (var provider in request.LoginsToRemove ?? [])
            {
                if (provider == pool.Description.DeveloperProviderName)
                {
                    throw IdentityErrors.InvalidParameter("Developer identities are unlinked with UnlinkDeveloperIdentity.");
                }
                identity.Logins.Remove(provider);
            }
            identity.Modified = Now;
        }
    }

    /// <summary>The pool's developer provider, which the request must name.</summary>
    private static string CheckDeveloper(IdentityPoolState pool, string? given) =>
        pool.Description.DeveloperProviderName is { } developer && developer == given ? developer : throw IdentityErrors.DeveloperProviderMismatch();

    private static IdentityState FindDeveloperUser(IdentityPoolState pool, string identifier) =>
        pool.Identities.Values.FirstOrDefault(i => i.DeveloperUsers.Contains(identifier)) ?? throw IdentityErrors.DeveloperUserNotFound(identifier);
}
