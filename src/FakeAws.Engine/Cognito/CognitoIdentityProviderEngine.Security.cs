using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Settings AWS acts on outside sign-in, stored and validated: threat protection's risk configuration (per app
// client or the pool's own; nothing is detected or enforced), log delivery (no logs are written), and the
// certificate SAML providers use to check the pool's signed requests.
internal sealed partial class CognitoIdentityProviderEngine
{
    public SetRiskConfigurationResponse SetRiskConfiguration(RequestScope scope, SetRiskConfigurationRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var clientId = RiskScope(pool, request.ClientId);
            CheckAccountTakeover(request.AccountTakeoverRiskConfiguration);
            CheckIpRanges(request.RiskExceptionConfiguration);
            if (request.CompromisedCredentialsRiskConfiguration is null && request.AccountTakeoverRiskConfiguration is null
                && request.RiskExceptionConfiguration is null)
            {
                // AWS: no configuration at all deletes the pool's or client's.
                pool.RiskConfigurations.Remove(clientId);
                return new SetRiskConfigurationResponse { RiskConfiguration = new RiskConfigurationType { UserPoolId = pool.Id, ClientId = request.ClientId } };
            }
            var configuration = new RiskConfigurationType
            {
                UserPoolId = pool.Id,
                ClientId = request.ClientId,
                CompromisedCredentialsRiskConfiguration = request.CompromisedCredentialsRiskConfiguration,
                AccountTakeoverRiskConfiguration = request.AccountTakeoverRiskConfiguration,
                RiskExceptionConfiguration = request.RiskExceptionConfiguration,
                LastModifiedDate = Now,
            };
            pool.RiskConfigurations[clientId] = configuration;
            return new SetRiskConfigurationResponse { RiskConfiguration = configuration };
        }
    }

    public DescribeRiskConfigurationResponse DescribeRiskConfiguration(RequestScope scope, DescribeRiskConfigurationRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var clientId = RiskScope(pool, request.ClientId);
            // A client without its own configuration is protected by the pool's.
            var configuration = pool.RiskConfigurations.GetValueOrDefault(clientId) ?? pool.RiskConfigurations.GetValueOrDefault(AllClients)
                ?? new RiskConfigurationType { UserPoolId = pool.Id, ClientId = request.ClientId };
            return new DescribeRiskConfigurationResponse { RiskConfiguration = configuration };
        }
    }

    public SetLogDeliveryConfigurationResponse SetLogDeliveryConfiguration(RequestScope scope, SetLogDeliveryConfigurationRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        var configurations = request.LogConfigurations ?? [];
        foreach (var configuration in configurations)
        {
            var destinations = new object?[] { configuration.CloudWatchLogsConfiguration, configuration.S3Configuration, configuration.FirehoseConfiguration };
            if (destinations.Count(d => d is not null) != 1)
            {
                throw CognitoErrors.InvalidParameter("Each log configuration needs exactly one of CloudWatchLogsConfiguration, S3Configuration and FirehoseConfiguration.");
            }
            var level = configuration.EventSource == "userNotification" ? "ERROR" : "INFO";
            if (configuration.LogLevel != level)
            {
                throw CognitoErrors.InvalidParameter($"The log level of {configuration.EventSource} must be {level}.");
            }
        }
        if (configurations.GroupBy(c => c.EventSource).Any(g => g.Count() > 1))
        {
            throw CognitoErrors.InvalidParameter("Each event source can be configured once.");
        }
        lock (pool.Gate)
        {
            if (configurations.Any(c => c.EventSource == "userAuthEvents") && pool.Description.UserPoolTier != "PLUS")
            {
                throw new AwsServiceException("FeatureUnavailableInTierException", "User activity logs (userAuthEvents) need the PLUS feature plan.");
            }
            pool.LogDelivery = configurations;
            return new SetLogDeliveryConfigurationResponse { LogDeliveryConfiguration = LogDelivery(pool) };
        }
    }

    public GetLogDeliveryConfigurationResponse GetLogDeliveryConfiguration(RequestScope scope, GetLogDeliveryConfigurationRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new GetLogDeliveryConfigurationResponse { LogDeliveryConfiguration = LogDelivery(pool) };
        }
    }

    /// <summary>
    /// The pool's SAML signing certificate: self-signed over the pool's ID-token key, valid ten years from the pool's
    /// creation, so it is the same on every call and in every run of a seed.
    /// </summary>
    public GetSigningCertificateResponse GetSigningCertificate(RequestScope scope, GetSigningCertificateRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        using var rsa = pool.Keys.Id.ToRsa();
        var subject = new X500DistinguishedName($"CN={pool.Id}");
        var certificateRequest = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var created = pool.Description.CreationDate ?? Now;
        var serial = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pool.Id))[..16];
        serial[0] &= 0x7F;
        using var certificate = certificateRequest.Create(subject, X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
            created, created.AddYears(10), serial);
        return new GetSigningCertificateResponse { Certificate = Convert.ToBase64String(certificate.RawData) };
    }

    private static LogDeliveryConfigurationType LogDelivery(UserPool pool) =>
        new() { UserPoolId = pool.Id, LogConfigurations = [.. pool.LogDelivery ?? []] };

    /// <summary>The key a risk configuration is kept under; threat protection must be on for the pool.</summary>
    private static string RiskScope(UserPool pool, string? clientId)
    {
        if (pool.Description.UserPoolAddOns?.AdvancedSecurityMode is not ("AUDIT" or "ENFORCED"))
        {
            throw CognitoErrors.AddOnNotEnabled();
        }
        var key = clientId ?? AllClients;
        ClientOrAll(pool, key);
        return key;
    }

    /// <summary>An action that notifies needs a NotifyConfiguration to send from.</summary>
    private static void CheckAccountTakeover(AccountTakeoverRiskConfigurationType? takeover)
    {
        var actions = takeover?.Actions;
        var notifies = new[] { actions?.LowAction, actions?.MediumAction, actions?.HighAction }.Any(a => a?.Notify == true);
        if (notifies && takeover!.NotifyConfiguration is null)
        {
            throw CognitoErrors.InvalidParameter("NotifyConfiguration is required when an account takeover action notifies the user.");
        }
    }

    private static void CheckIpRanges(RiskExceptionConfigurationType? exceptions)
    {
        foreach (var range in (exceptions?.BlockedIPRangeList ?? []).Concat(exceptions?.SkippedIPRangeList ?? []))
        {
            // Host bits may be set (10.0.0.1/8): only the address and the prefix length are checked.
            var parts = range.Split('/');
            if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || !int.TryParse(parts[1], out var prefix)
                || prefix < 0 || prefix > (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32))
            {
                throw CognitoErrors.InvalidParameter($"{range} is not a valid IP range in CIDR notation.");
            }
        }
    }
}
