using System.Globalization;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// Identifiers shaped as API Gateway's: API ids of 10 lower-case letters and digits (they are the
/// first label of <c>{apiId}.execute-api.{region}.amazonaws.com</c>), shorter ids for resources,
/// deployments and authorizers, 40-character API key values. All come from the cloud's seeded ids.
/// </summary>
internal sealed class ApiGatewayIds(DeterministicIds ids)
{
    private const string LowerAlphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string ExtendedIdCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public string ApiId() => ids.NewString(10, LowerAlphanumerics);

    /// <summary>The root resource's id is as long as an API id; child resources get six characters.</summary>
    public string RootResourceId() => ids.NewString(10, LowerAlphanumerics);

    public string ShortId() => ids.NewString(6, LowerAlphanumerics);

    /// <summary>Route and integration ids of HTTP APIs are seven characters.</summary>
    public string RouteId() => ids.NewString(7, LowerAlphanumerics);

    /// <summary>A regional custom domain's target host: <c>d-{10 characters}.execute-api.{region}.amazonaws.com</c>.</summary>
    public string RegionalDomainName(string region) => $"d-{ids.NewString(10, LowerAlphanumerics)}.execute-api.{region}.amazonaws.com";

    /// <summary>An edge-optimized custom domain's CloudFront distribution: <c>d{13 characters}.cloudfront.net</c>.</summary>
    public string DistributionDomainName() => $"d{ids.NewString(13, LowerAlphanumerics)}.cloudfront.net";

    /// <summary>Whether a request goes to a stage's canary that takes <paramref name="percent"/> of the traffic: a seeded draw, so runs repeat.</summary>
    public bool ToCanary(double percent) => percent >= 100 || (percent > 0 && ids.NewDouble() * 100 < percent);

    public string ApiKeyValue() => ids.NewString(40, ExtendedIdCharacters);

    public string RequestId() => ids.NewGuid().ToString();

    /// <summary>The <c>extendedRequestId</c> (REST) or <c>apigw-requestid</c> (HTTP): 15 characters and '='.</summary>
    public string ExtendedRequestId() => ids.NewString(15, ExtendedIdCharacters) + "=";

    /// <summary>An X-Ray trace id: <c>Root=1-{8 hex epoch seconds}-{24 hex}</c>.</summary>
    public string TraceId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"Root=1-{now.ToUnixTimeSeconds():x8}-{ids.NewString(24, "0123456789abcdef")}");
}
