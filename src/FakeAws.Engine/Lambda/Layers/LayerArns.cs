using FakeAws.Engine.Core;

namespace FakeAws.Engine.Lambda.Layers;

/// <summary>A layer as a request names it: its region, account, name and, in a version ARN, its version.</summary>
internal readonly record struct LayerRef(string Region, string Account, string Name, long? Version);

/// <summary>Layers' ARNs: <c>arn:aws:lambda:region:account:layer:name[:version]</c>.</summary>
internal static class LayerArns
{
    public static string Layer(RequestScope scope, string name) => $"arn:aws:lambda:{scope.Region}:{scope.AccountId}:layer:{name}";

    /// <summary>
    /// A layer name, layer ARN or layer version ARN (the model's patterns have checked the form); a
    /// name is a layer of the request's own account and region.
    /// </summary>
    public static LayerRef Parse(RequestScope scope, string nameOrArn)
    {
        var parts = nameOrArn.Split(':');
        if (parts.Length < 7 || parts[0] != "arn")
        {
            return new LayerRef(scope.Region, scope.AccountId, nameOrArn, null);
        }
        return new LayerRef(parts[3], parts[4], parts[6], parts.Length > 7 && long.TryParse(parts[7], out var version) ? version : null);
    }
}
