using FakeAws.Engine.Cognito.Federation;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Identity providers: Create/Describe/Update/Delete/ListIdentityProviders, GetIdentityProviderByIdentifier,
// AdminLinkProviderForUser and AdminDisableProviderForUser. OIDC providers sign users in through the
// domain (CognitoIdentityProviderEngine.Federation.cs); SAML and social providers are stored and described.
internal sealed partial class CognitoIdentityProviderEngine
{
    private static readonly Dictionary<string, string[]> RequiredProviderDetails = new(StringComparer.Ordinal)
    {
        ["OIDC"] = ["client_id", "authorize_scopes", "oidc_issuer"],
        ["SAML"] = [],
        ["Google"] = ["client_id", "client_secret", "authorize_scopes"],
        ["Facebook"] = ["client_id", "client_secret", "authorize_scopes"],
        ["LoginWithAmazon"] = ["client_id", "client_secret", "authorize_scopes"],
        ["SignInWithApple"] = ["client_id", "team_id", "key_id", "private_key", "authorize_scopes"],
    };

    public CreateIdentityProviderResponse CreateIdentityProvider(RequestScope scope, CreateIdentityProviderRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        CheckProviderDetails(request.ProviderType!, request.ProviderDetails);
        lock (pool.Gate)
        {
            if (pool.IdentityProviders.ContainsKey(request.ProviderName!))
            {
                throw CognitoErrors.DuplicateProvider($"A provider with the name {request.ProviderName} already exists in this user pool.");
            }
            CheckIdentifiers(pool, request.ProviderName!, request.IdpIdentifiers);
            var provider = new IdentityProviderType
            {
                UserPoolId = pool.Id,
                ProviderName = request.ProviderName,
                ProviderType = request.ProviderType,
                ProviderDetails = new Dictionary<string, string>(request.ProviderDetails ?? []),
                AttributeMapping = new Dictionary<string, string>(request.AttributeMapping ?? []),
                IdpIdentifiers = [.. request.IdpIdentifiers ?? []],
                CreationDate = Now,
                LastModifiedDate = Now,
            };
            pool.IdentityProviders[provider.ProviderName!] = provider;
            return new CreateIdentityProviderResponse { IdentityProvider = Copy(provider) };
        }
    }

    public DescribeIdentityProviderResponse DescribeIdentityProvider(RequestScope scope, DescribeIdentityProviderRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new DescribeIdentityProviderResponse { IdentityProvider = Copy(Provider(pool, request.ProviderName)) };
        }
    }

    public UpdateIdentityProviderResponse UpdateIdentityProvider(RequestScope scope, UpdateIdentityProviderRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var provider = Provider(pool, request.ProviderName);
            // Unlike the pool's other Update operations, members left out keep their values.
            if (request.ProviderDetails is not null)
            {
                CheckProviderDetails(provider.ProviderType!, request.ProviderDetails);
                provider.ProviderDetails = new Dictionary<string, string>(request.ProviderDetails);
            }
            if (request.AttributeMapping is not null)
            {
                provider.AttributeMapping = new Dictionary<string, string>(request.AttributeMapping);
            }
            if (request.IdpIdentifiers is not null)
            {
                CheckIdentifiers(pool, provider.ProviderName!, request.IdpIdentifiers);
                provider.IdpIdentifiers = [.. request.IdpIdentifiers];
            }
            provider.LastModifiedDate = Now;
            return new UpdateIdentityProviderResponse { IdentityProvider = Copy(provider) };
        }
    }

    public void DeleteIdentityProvider(RequestScope scope, DeleteIdentityProviderRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            pool.IdentityProviders.Remove(Provider(pool, request.ProviderName).ProviderName!);
        }
    }

    public ListIdentityProvidersResponse ListIdentityProviders(RequestScope scope, ListIdentityProvidersRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var (page, next) = Paging.Page(pool.IdentityProviders.Values.ToList(), request.NextToken, request.MaxResults ?? 60, p => p.ProviderName!);
            return new ListIdentityProvidersResponse
            {
                Providers = page.Select(p => new ProviderDescription
                {
                    ProviderName = p.ProviderName,
                    ProviderType = p.ProviderType,
                    CreationDate = p.CreationDate,
                    LastModifiedDate = p.LastModifiedDate,
                }).ToList(),
                NextToken = next,
            };
        }
    }

    public GetIdentityProviderByIdentifierResponse GetIdentityProviderByIdentifier(RequestScope scope, GetIdentityProviderByIdentifierRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var provider = pool.IdentityProviders.Values.FirstOrDefault(p => p.IdpIdentifiers?.Contains(request.IdpIdentifier!) == true)
                ?? throw CognitoErrors.ResourceNotFound("Identity provider identifier does not exist.");
            return new GetIdentityProviderByIdentifierResponse { IdentityProvider = Copy(provider) };
        }
    }

    /// <summary>
    /// Links a federated identity (SourceUser: the provider and the subject, Cognito_Subject) to an existing
    /// user (DestinationUser): that identity's sign-ins then become the user's.
    /// </summary>
    public AdminLinkProviderForUserResponse AdminLinkProviderForUser(RequestScope scope, AdminLinkProviderForUserRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var destination = User(pool, request.DestinationUser?.ProviderAttributeValue);
            var source = request.SourceUser!;
            var provider = Provider(pool, source.ProviderName);
            if (pool.Users.Values.Any(u => u.Identities.Any(i => i.ProviderName == provider.ProviderName && i.UserId == source.ProviderAttributeValue)))
            {
                throw CognitoErrors.InvalidParameter("Merging is not currently supported, provide a SourceUser that has not been linked to another user.");
            }
            destination.Identities.Add(new LinkedIdentity(provider.ProviderName!, provider.ProviderType!, source.ProviderAttributeValue!, Now));
            destination.Attributes["identities"] = IdentitiesJson(destination);
        }
        return new AdminLinkProviderForUserResponse();
    }

    /// <summary>Unlinks a federated identity from whichever user holds it, and disables the user the identity's own sign-in made.</summary>
    public AdminDisableProviderForUserResponse AdminDisableProviderForUser(RequestScope scope, AdminDisableProviderForUserRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        var identity = request.User!;
        lock (pool.Gate)
        {
            var provider = Provider(pool, identity.ProviderName);
            foreach (var user in pool.Users.Values)
            {
                if (user.Identities.RemoveAll(i => i.ProviderName == provider.ProviderName && i.UserId == identity.ProviderAttributeValue) > 0)
                {
                    if (user.Status == UserStatus.ExternalProvider)
                    {
                        user.Enabled = false;
                    }
                    user.Attributes["identities"] = IdentitiesJson(user);
                }
            }
        }
        return new AdminDisableProviderForUserResponse();
    }

    private static IdentityProviderType Provider(UserPool pool, string? name) =>
        name is not null && pool.IdentityProviders.TryGetValue(name, out var provider)
            ? provider
            : throw CognitoErrors.ResourceNotFound($"Identity provider {name} does not exist.");

    private static void CheckProviderDetails(string type, Dictionary<string, string>? details)
    {
        if (RequiredProviderDetails.GetValueOrDefault(type)?.FirstOrDefault(k => details?.ContainsKey(k) != true) is { } missing)
        {
            throw CognitoErrors.InvalidParameter($"{missing} is required for {type} identity provider");
        }
        if (type == "SAML" && details?.ContainsKey("MetadataFile") != true && details?.ContainsKey("MetadataURL") != true)
        {
            throw CognitoErrors.InvalidParameter("Either MetadataFile or MetadataURL must be provided for SAML identity provider");
        }
    }

    private static void CheckIdentifiers(UserPool pool, string name, List<string>? identifiers)
    {
        foreach (var identifier in identifiers ?? [])
        {
            if (pool.IdentityProviders.Values.Any(p => p.ProviderName != name && p.IdpIdentifiers?.Contains(identifier) == true))
            {
                throw CognitoErrors.DuplicateProvider($"Identifier {identifier} is already used by another identity provider.");
            }
        }
    }

    /// <summary>The <c>identities</c> attribute AWS keeps on a federated or linked user: a JSON array of its identities.</summary>
    private static string IdentitiesJson(PoolUser user) =>
        new System.Text.Json.Nodes.JsonArray(user.Identities.Select(i => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
        {
            ["userId"] = i.UserId,
            ["providerName"] = i.ProviderName,
            ["providerType"] = i.ProviderType,
            ["issuer"] = null,
            ["primary"] = "true",
            ["dateCreated"] = i.Linked.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToArray()).ToJsonString();

    private static IdentityProviderType Copy(IdentityProviderType provider) => new()
    {
        UserPoolId = provider.UserPoolId,
        ProviderName = provider.ProviderName,
        ProviderType = provider.ProviderType,
        ProviderDetails = new Dictionary<string, string>(provider.ProviderDetails ?? []),
        AttributeMapping = new Dictionary<string, string>(provider.AttributeMapping ?? []),
        IdpIdentifiers = [.. provider.IdpIdentifiers ?? []],
        CreationDate = provider.CreationDate,
        LastModifiedDate = provider.LastModifiedDate,
    };
}
