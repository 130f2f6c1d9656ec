namespace FakeAws.Engine.Cognito;

/// <summary>
/// A user pool domain: a prefix (<c>{prefix}.auth.{region}.amazoncognito.com</c>) or a custom domain
/// (a host name with an ACM certificate), where the pool's OAuth 2.0 endpoints and hosted login are served.
/// </summary>
internal sealed class PoolDomain
{
    public required string Domain { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string PoolId { get; init; }

    /// <summary>The ACM certificate of a custom domain; null for a prefix domain.</summary>
    public string? CertificateArn { get; set; }

    public bool IsCustom => CertificateArn is not null;

    public int ManagedLoginVersion { get; set; } = 1;

    /// <summary>The CloudFront distribution AWS puts in front of the domain.</summary>
    public required string CloudFrontDistribution { get; init; }

    /// <summary>When the domain was created or last updated, as DescribeUserPoolDomain's <c>Version</c> shows it.</summary>
    public required string Version { get; set; }

    /// <summary>The base URL the domain's endpoints answer at.</summary>
    public string BaseUrl => IsCustom ? $"https://{Domain}" : $"https://{Domain}.auth.{Region}.amazoncognito.com";

    /// <summary>The key a domain is registered under: custom domains are unique everywhere, prefixes within a region.</summary>
    public static string Key(string domain, string region) => domain.Contains('.', StringComparison.Ordinal) ? domain : $"{region}:{domain}";
}
