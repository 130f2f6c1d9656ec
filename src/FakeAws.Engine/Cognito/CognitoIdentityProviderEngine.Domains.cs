using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Domains: CreateUserPoolDomain, DescribeUserPoolDomain, UpdateUserPoolDomain, DeleteUserPoolDomain,
// and which pool a request's host name reaches. A pool has at most one prefix domain and one custom domain.
internal sealed partial class CognitoIdentityProviderEngine
{
    // Prefixes are unique within a region across every account, custom domains everywhere: one registry for the cloud.
    private readonly ConcurrentDictionary<string, PoolDomain> _domains = new(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ReservedWords = ["aws", "amazon", "cognito"];

    /// <summary>The model's pattern for a domain, which only a prefix has to match.</summary>
    private const string PrefixPattern = "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$";

    public CreateUserPoolDomainResponse CreateUserPoolDomain(RequestScope scope, CreateUserPoolDomainRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        var name = request.Domain!;
        var custom = request.CustomDomainConfig?.CertificateArn;
        CheckDomainName(name, custom is not null);
        lock (pool.Gate)
        {
            if ((custom is null ? pool.Description.Domain : pool.Description.CustomDomain) is not null)
            {
                throw CognitoErrors.InvalidParameter("User pool already has a domain configured.");
            }
            var domain = new PoolDomain
            {
                Domain = name,
                AccountId = scope.AccountId,
                Region = scope.Region,
                PoolId = pool.Id,
                CertificateArn = custom,
                ManagedLoginVersion = request.ManagedLoginVersion ?? 1,
                CloudFrontDistribution = $"d{_cloud.Ids.NewString(13, "abcdefghijklmnopqrstuvwxyz0123456789")}.cloudfront.net",
                Version = DomainVersion(),
            };
            if (!_domains.TryAdd(PoolDomain.Key(name, scope.Region), domain))
            {
                throw CognitoErrors.InvalidParameter("Domain already associated with another user pool.");
            }
            var updated = pool.Description.Clone();
            if (custom is null)
            {
                updated.Domain = name;
            }
            else
            {
                updated.CustomDomain = name;
            }
            pool.Description = updated;
            return new CreateUserPoolDomainResponse
            {
                ManagedLoginVersion = domain.ManagedLoginVersion,
                CloudFrontDomain = domain.IsCustom ? domain.CloudFrontDistribution : null,
            };
        }
    }

    public DescribeUserPoolDomainResponse DescribeUserPoolDomain(RequestScope scope, DescribeUserPoolDomainRequest request)
    {
        // A domain nobody (or another account) holds is described as an empty structure, not an error.
        if (!_domains.TryGetValue(PoolDomain.Key(request.Domain!, scope.Region), out var domain) || domain.AccountId != scope.AccountId
            || domain.Region != scope.Region)
        {
            return new DescribeUserPoolDomainResponse { DomainDescription = new DomainDescriptionType() };
        }
        return new DescribeUserPoolDomainResponse
        {
            DomainDescription = new DomainDescriptionType
            {
                UserPoolId = domain.PoolId,
                AWSAccountId = domain.AccountId,
                Domain = domain.Domain,
                CloudFrontDistribution = domain.CloudFrontDistribution,
                Version = domain.Version,
                Status = "ACTIVE",
                CustomDomainConfig = domain.CertificateArn is { } arn ? new CustomDomainConfigType { CertificateArn = arn } : null,
                ManagedLoginVersion = domain.ManagedLoginVersion,
            },
        };
    }

    public UpdateUserPoolDomainResponse UpdateUserPoolDomain(RequestScope scope, UpdateUserPoolDomainRequest request)
    {
        var domain = OwnedDomain(scope, request.UserPoolId, request.Domain);
        if (request.CustomDomainConfig?.CertificateArn is { } arn)
        {
            if (!domain.IsCustom)
            {
                throw CognitoErrors.InvalidParameter("Custom domain config can only be updated for a custom domain.");
            }
            domain.CertificateArn = arn;
        }
        if (request.ManagedLoginVersion is { } version)
        {
            domain.ManagedLoginVersion = version;
        }
        domain.Version = DomainVersion();
        return new UpdateUserPoolDomainResponse
        {
            ManagedLoginVersion = domain.ManagedLoginVersion,
            CloudFrontDomain = domain.IsCustom ? domain.CloudFrontDistribution : null,
        };
    }

    public DeleteUserPoolDomainResponse DeleteUserPoolDomain(RequestScope scope, DeleteUserPoolDomainRequest request)
    {
        var domain = OwnedDomain(scope, request.UserPoolId, request.Domain);
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            _domains.TryRemove(PoolDomain.Key(domain.Domain, domain.Region), out _);
            var updated = pool.Description.Clone();
            if (domain.IsCustom)
            {
                updated.CustomDomain = null;
            }
            else
            {
                updated.Domain = null;
            }
            pool.Description = updated;
        }
        return new DeleteUserPoolDomainResponse();
    }

    /// <summary>
    /// The domain a request's host name reaches: <c>{prefix}.auth.{region}.{anything}</c> or a custom
    /// domain's own host; null when no pool holds it.
    /// </summary>
    public PoolDomain? DomainForHost(string host)
    {
        if (_domains.TryGetValue(host, out var custom))
        {
            return custom;
        }
        var match = PrefixHost().Match(host);
        return match.Success && _domains.TryGetValue(PoolDomain.Key(match.Groups["prefix"].Value, match.Groups["region"].Value), out var prefix)
            ? prefix
            : null;
    }

    /// <summary>A domain (a prefix or a custom domain's host name) an account's pool holds, in any region.</summary>
    public PoolDomain? FindDomain(string accountId, string name) =>
        _domains.Values.FirstOrDefault(d => d.AccountId == accountId && string.Equals(d.Domain, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a host name has the form of a prefix domain's, held or not.</summary>
    public static bool IsPrefixDomainHost(string host) => PrefixHost().IsMatch(host);

    /// <summary>The domains of a pool, prefix first, for the pool's OpenID discovery document.</summary>
    public PoolDomain? DomainOf(UserPool pool)
    {
        var region = pool.Id.Split('_')[0];
        var name = pool.Description.Domain ?? pool.Description.CustomDomain;
        return name is not null && _domains.TryGetValue(PoolDomain.Key(name, region), out var domain) ? domain : null;
    }

    private PoolDomain OwnedDomain(RequestScope scope, string? poolId, string? name)
    {
        var pool = Pool(scope, poolId);
        return name is not null && _domains.TryGetValue(PoolDomain.Key(name, scope.Region), out var domain) && domain.PoolId == pool.Id
            ? domain
            : throw CognitoErrors.InvalidParameter("No such domain or user pool exists.");
    }

    // The model's pattern is a prefix's; AWS takes a host name for a custom domain, so the front door lets
    // host names through and this check refuses one given without a certificate, in the model's words.
    private static void CheckDomainName(string name, bool custom)
    {
        if (!custom && name.Contains('.', StringComparison.Ordinal))
        {
            throw CognitoErrors.InvalidParameter(ViolationRenderer.Default.Message([new Violation("domain", name, new Constraint.Pattern(PrefixPattern))]));
        }
        if (custom && !CustomHost().IsMatch(name))
        {
            throw CognitoErrors.InvalidParameter($"The domain name {name} is not a valid host name.");
        }
        if (!custom && ReservedWords.FirstOrDefault(w => name.Contains(w, StringComparison.Ordinal)) is { } reserved)
        {
            throw CognitoErrors.InvalidParameter($"Domain cannot contain reserved word: {reserved}");
        }
    }

    private string DomainVersion() => Now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<prefix>[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.auth\.(?<region>[a-z]{2}(?:-[a-z]+)+-\d+)(?:\.|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PrefixHost();

    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomHost();
}
