using FakeAws.Engine.Cognito.Model;

namespace FakeAws.Engine.Cognito;

/// <summary>One of an app client's active secrets: <c>{clientId}--{epoch milliseconds of creation}</c>, its value and when it was made.</summary>
internal sealed record ClientSecret(string Id, string Value, DateTimeOffset Created);

/// <summary>One app client of a pool, as DescribeUserPoolClient shows it, and its active secrets.</summary>
internal sealed class AppClient
{
    /// <summary>AWS keeps at most two active secrets per app client, for rotation without downtime.</summary>
    public const int MaxSecrets = 2;

    public AppClient(UserPoolClientType description, DateTimeOffset created)
    {
        Description = description;
        if (description.ClientSecret is { } secret)
        {
            AddSecret(secret, created);
        }
    }

    public UserPoolClientType Description { get; set; }

    public string Id => Description.ClientId!;

    /// <summary>
    /// The active secrets, oldest first; empty for a public client. Replaced, never changed in place, so the
    /// sign-in paths that check a secret outside the pool's lock read a whole list.
    /// </summary>
    public IReadOnlyList<ClientSecret> Secrets { get; private set; } = [];

    /// <summary>The oldest active secret, which DescribeUserPoolClient shows; null for a public client.</summary>
    public string? Secret => Secrets.Count == 0 ? null : Secrets[0].Value;

    /// <summary>
    /// Whether a caller proved it holds the client's secret: <paramref name="proves"/> is asked of each active
    /// secret, so during a rotation either one is accepted. Every check of a secret or SECRET_HASH comes here.
    /// </summary>
    public bool ProvesSecret(Func<string, bool> proves) => Secrets.Any(s => proves(s.Value));

    /// <summary>
    /// Adds an active secret. Its id carries its creation time in epoch milliseconds; on a clock that has not
    /// moved since the last one, the next free millisecond keeps ids unique.
    /// </summary>
    public ClientSecret AddSecret(string value, DateTimeOffset now)
    {
        var millis = now.ToUnixTimeMilliseconds();
        while (Secrets.Any(s => s.Id == SecretId(millis)))
        {
            millis++;
        }
        var secret = new ClientSecret(SecretId(millis), value, now);
        Secrets = [.. Secrets, secret];
        Description.ClientSecret = Secret;
        return secret;
    }

    /// <summary>Removes an active secret; DescribeUserPoolClient then shows the oldest one left.</summary>
    public void RemoveSecret(ClientSecret secret)
    {
        Secrets = [.. Secrets.Where(s => s != secret)];
        Description.ClientSecret = Secret;
    }

    private string SecretId(long millis) => $"{Id}--{millis}";

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
