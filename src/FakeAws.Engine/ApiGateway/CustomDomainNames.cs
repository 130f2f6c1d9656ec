using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// What v1 and v2 share about custom domain names: the targets AWS hands out for DNS (a regional
/// <c>d-xxxx.execute-api</c> host or a CloudFront distribution, with their Route 53 hosted zones),
/// the domain's ARN, and the checks on mapping keys and on the APIs and stages they name.
/// </summary>
internal static class CustomDomainNames
{
    /// <summary>CloudFront's hosted zone, the alias target of every edge-optimized domain.</summary>
    public const string DistributionHostedZoneId = "Z2FDTNDATAQYW2";

    /// <summary>API Gateway's regional hosted zones, the alias targets of regional domains, by region.</summary>
    private static readonly Dictionary<string, string> RegionalHostedZones = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "Z1UJRXOUMOOFQ8",
        ["us-east-2"] = "ZOJJZC49E0EPZ",
        ["us-west-1"] = "Z2MUQ32089INYE",
        ["us-west-2"] = "Z2OJLYMUO9EFXC",
        ["ca-central-1"] = "Z19DQILCV0OWEC",
        ["eu-west-1"] = "ZLY8HYME6SFDD",
        ["eu-west-2"] = "ZJ5UAJN8Y3Z2Q",
        ["eu-west-3"] = "Z3KY65QIEKYHQQ",
        ["eu-central-1"] = "Z1U9ULNL0V5AJ3",
        ["eu-north-1"] = "Z3UWIKFBOOGXPP",
        ["ap-northeast-1"] = "Z1YSHQZHG15GKL",
        ["ap-northeast-2"] = "Z20JF4UZKIW1U8",
        ["ap-southeast-1"] = "ZL327KTPIQFUL",
        ["ap-southeast-2"] = "Z2RPCDW04V8134",
        ["ap-south-1"] = "Z3VO1THU9YC4UR",
        ["sa-east-1"] = "ZCMLWB8V5SYIT",
    };

    public static string? RegionalHostedZoneId(string region) => RegionalHostedZones.GetValueOrDefault(region);

    public static string Arn(RequestScope scope, string domainName) => $"arn:aws:apigateway:{scope.Region}::/domainnames/{domainName}";

    /// <summary>
    /// Gives <paramref name="domain"/> the DNS target of its endpoint type, keeping one it already
    /// has: a regional domain a <c>d-xxxx.execute-api</c> host, an edge-optimized one a CloudFront distribution.
    /// </summary>
    public static void AssignTarget(DomainName domain, string region, ApiGatewayIds ids)
    {
        var type = domain.EndpointConfiguration?.Types is [var first, ..] ? first : "EDGE";
        if (type == "REGIONAL")
        {
            domain.RegionalDomainName ??= ids.RegionalDomainName(region);
            domain.RegionalHostedZoneId ??= RegionalHostedZoneId(region);
        }
        else
        {
            domain.DistributionDomainName ??= ids.DistributionDomainName();
            domain.DistributionHostedZoneId ??= DistributionHostedZoneId;
        }
    }

    /// <summary>The domain named <paramref name="name"/> in <paramref name="region"/>, or null.</summary>
    public static CustomDomainState? Find(ApiGatewayRegion region, string? name) =>
        name is not null && region.DomainNames.TryGetValue(name, out var domain) ? domain : null;

    /// <summary>Whether <paramref name="apiId"/> is a REST or HTTP API of the region with a stage <paramref name="stage"/>.</summary>
    public static bool HasStage(ApiGatewayRegion region, string apiId, string stage) =>
        (region.RestApis.TryGetValue(apiId, out var rest) && rest.Stages.ContainsKey(stage))
        || (region.HttpApis.TryGetValue(apiId, out var http) && http.Stages.ContainsKey(stage));
}
