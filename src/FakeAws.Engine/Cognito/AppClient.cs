using FakeAws.Engine.Cognito.Model;

namespace FakeAws.Engine.Cognito;

/// <summary>One app client of a pool, as DescribeUserPoolClient shows it.</summary>
internal sealed class AppClient(UserPoolClientType description)
{
    public UserPoolClientType Description { get; set; } = description;

    public string Id => Description.ClientId!;

    public string? Secret => Description.ClientSecret;

    /// <summary>
    /// Whether the client allows a flow. A client created without ExplicitAuthFlows allows SRP,
    /// custom authentication and refresh, as AWS does.
    /// </summary>
    public bool Allows(string flow)
    {
        var flows = Description.ExplicitAuthFlows;
        if (flows is null || flows.Count == 0)
        {
            return flow is "USER_SRP_AUTH" or "CUSTOM_AUTH" or "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN";
        }
        return flow switch
        {
            "USER_PASSWORD_AUTH" => flows.Contains("ALLOW_USER_PASSWORD_AUTH") || flows.Contains("USER_PASSWORD_AUTH"),
            "ADMIN_USER_PASSWORD_AUTH" or "ADMIN_NO_SRP_AUTH" => flows.Contains("ALLOW_ADMIN_USER_PASSWORD_AUTH") || flows.Contains("ADMIN_NO_SRP_AUTH"),
            "USER_SRP_AUTH" => flows.Contains("ALLOW_USER_SRP_AUTH") || !flows.Any(f => f.StartsWith("ALLOW_", StringComparison.Ordinal)),
            "CUSTOM_AUTH" => flows.Contains("ALLOW_CUSTOM_AUTH") || flows.Contains("CUSTOM_AUTH_FLOW_ONLY"),
            "USER_AUTH" => flows.Contains("ALLOW_USER_AUTH"),
            // Refresh is always on for legacy flow names, and with ALLOW_ names only when listed.
            "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN" => flows.Contains("ALLOW_REFRESH_TOKEN_AUTH") || !flows.Any(f => f.StartsWith("ALLOW_", StringComparison.Ordinal)),
            _ => false,
        };
    }

    // Unset validities are an hour for access and ID tokens and 30 days for refresh tokens; units
    // default to hours and days, as AWS documents for TokenValidityUnits.
    public TimeSpan AccessTokenValidity => Description.AccessTokenValidity is { } v ? Validity(v, Description.TokenValidityUnits?.AccessToken ?? "hours") : TimeSpan.FromHours(1);

    public TimeSpan IdTokenValidity => Description.IdTokenValidity is { } v ? Validity(v, Description.TokenValidityUnits?.IdToken ?? "hours") : TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenValidity => Validity(Description.RefreshTokenValidity ?? 30, Description.TokenValidityUnits?.RefreshToken ?? "days");

    public TimeSpan SessionValidity => TimeSpan.FromMinutes(Description.AuthSessionValidity ?? 3);

    public static TimeSpan Validity(int value, string unit) => unit switch
    {
        "seconds" => TimeSpan.FromSeconds(value),
        "minutes" => TimeSpan.FromMinutes(value),
        "hours" => TimeSpan.FromHours(value),
        _ => TimeSpan.FromDays(value),
    };
}
