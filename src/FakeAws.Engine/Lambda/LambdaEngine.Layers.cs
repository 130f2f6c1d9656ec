using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Layers;
using FakeAws.Engine.Lambda.Model;
using FakeAws.Engine.Lambda.Policies;

namespace FakeAws.Engine.Lambda;

// PublishLayerVersion, GetLayerVersion, GetLayerVersionByArn, ListLayers, ListLayerVersions and
// DeleteLayerVersion, and the layers a function's configuration names.
internal sealed partial class LambdaEngine
{
    private const string GetLayerVersionAction = "lambda:GetLayerVersion";

    public PublishLayerVersionResponse PublishLayerVersion(RequestScope scope, PublishLayerVersionRequest request)
    {
        var package = CodePackage.Read(request.Content?.ZipFile, request.Content?.S3Bucket, imageUri: null);
        var region = Region(scope);
        LayerVersion version;
        lock (region.Gate)
        {
            if (!region.Layers.TryGetValue(request.LayerName!, out var layer))
            {
                layer = new LambdaLayer(request.LayerName!, LayerArns.Layer(scope, request.LayerName!));
                region.Layers[layer.Name] = layer;
            }
            version = new LayerVersion
            {
                LayerArn = layer.Arn,
                Version = layer.NextVersion++,
                Description = request.Description ?? "",
                CreatedDate = Timestamp(),
                CompatibleRuntimes = request.CompatibleRuntimes is { Count: > 0 } runtimes ? [.. runtimes] : null,
                CompatibleArchitectures = request.CompatibleArchitectures is { Count: > 0 } architectures ? [.. architectures] : null,
                LicenseInfo = request.LicenseInfo,
                Package = package,
            };
            layer.Versions[version.Version] = version;
        }
        return Reshape<PublishLayerVersionResponse>(Describe(scope, version));
    }

    public GetLayerVersionResponse GetLayerVersion(RequestScope scope, GetLayerVersionRequest request) =>
        GetLayerVersion(scope, LayerArns.Parse(scope, request.LayerName!) with { Version = request.VersionNumber });

    public GetLayerVersionResponse GetLayerVersionByArn(RequestScope scope, GetLayerVersionByArnRequest request) =>
        GetLayerVersion(scope, LayerArns.Parse(scope, request.Arn!));

    public ListLayersResponse ListLayers(RequestScope scope, ListLayersRequest request)
    {
        var region = Region(scope);
        List<LayersListItem> all;
        lock (region.Gate)
        {
            all = region.Layers.Values
                .Select(layer => (layer, latest: layer.Versions.Values.LastOrDefault(v => Matches(v, request.CompatibleRuntime, request.CompatibleArchitecture))))
                .Where(pair => pair.latest is not null)
                .Select(pair => new LayersListItem { LayerName = pair.layer.Name, LayerArn = pair.layer.Arn, LatestMatchingVersion = Listed(pair.latest!) })
                .ToList();
        }
        var (page, next) = Paging.Take(all, request.Marker, request.MaxItems);
        return new ListLayersResponse { Layers = page, NextMarker = next };
    }

    public ListLayerVersionsResponse ListLayerVersions(RequestScope scope, ListLayerVersionsRequest request)
    {
        var reference = LayerArns.Parse(scope, request.LayerName!);
        var region = LayerRegion(reference);
        List<LayerVersionsListItem> all;
        lock (region.Gate)
        {
            all = region.Layers.TryGetValue(reference.Name, out var layer)
                ? layer.Versions.Values.Reverse().Where(v => Matches(v, request.CompatibleRuntime, request.CompatibleArchitecture)).Select(Listed).ToList()
                : [];
        }
        var (page, next) = Paging.Take(all, request.Marker, request.MaxItems);
        return new ListLayerVersionsResponse { LayerVersions = page, NextMarker = next };
    }

    /// <summary>Deleting a version that does not exist succeeds, as on AWS; functions using it keep its files.</summary>
    public void DeleteLayerVersion(RequestScope scope, DeleteLayerVersionRequest request)
    {
        var reference = LayerArns.Parse(scope, request.LayerName!);
        var region = LayerRegion(reference);
        lock (region.Gate)
        {
            if (region.Layers.TryGetValue(reference.Name, out var layer))
            {
                layer.Versions.Remove(request.VersionNumber!.Value);
            }
        }
    }

    /// <summary>The layer versions a function's configuration names, which must exist (AWS's own <c>awslayer</c> ARNs excepted).</summary>
    private List<LayerVersion> ResolveLayers(RequestScope scope, IReadOnlyList<string>? arns)
    {
        if (arns is null)
        {
            return [];
        }
        var layers = new List<LayerVersion>();
        foreach (var arn in arns)
        {
            var reference = LayerArns.Parse(scope, arn);
            if (reference.Account.Length == 0)
            {
                continue;
            }
            var region = LayerRegion(reference);
            lock (region.Gate)
            {
                var version = region.Layers.TryGetValue(reference.Name, out var layer) && reference.Version is { } number && layer.Versions.TryGetValue(number, out var found)
                    ? found
                    : throw LambdaErrors.InvalidParameter($"Layer version {arn} does not exist.");
                CheckLayerAccess(scope, reference, version);
                layers.Add(version);
            }
        }
        return layers;
    }

    /// <summary>A function's unzipped code and its layers' must stay within 250 MB together.</summary>
    private static void CheckCombinedSize(long functionUnzippedSize, IReadOnlyList<LayerVersion> layers)
    {
        var total = functionUnzippedSize + layers.Sum(l => l.Package.UnzippedSize);
        if (total > LambdaLimits.UnzippedCodeBytes)
        {
            throw LambdaErrors.InvalidParameter(
                $"Function code combined with layers exceeds the maximum allowed size of {LambdaLimits.UnzippedCodeBytes} bytes. The actual size is {total} bytes.");
        }
    }

    /// <summary>A function configuration's <c>Layers</c>: each ARN as the request wrote it, with its archive's size.</summary>
    private static List<Layer>? LayerConfig(IReadOnlyList<string>? arns, IReadOnlyList<LayerVersion> layers) =>
        arns is { Count: > 0 }
            ? arns.Select(arn => new Layer { Arn = arn, CodeSize = layers.FirstOrDefault(l => l.Arn == arn)?.Package.Size ?? 0 }).ToList()
            : null;

    private GetLayerVersionResponse GetLayerVersion(RequestScope scope, LayerRef reference)
    {
        var region = LayerRegion(reference);
        lock (region.Gate)
        {
            var version = region.Layers.TryGetValue(reference.Name, out var layer) && reference.Version is { } number && layer.Versions.TryGetValue(number, out var found)
                ? found
                : throw LambdaErrors.NotFound("The resource you requested does not exist.");
            CheckLayerAccess(scope, reference, version);
            return Describe(scope, version);
        }
    }

    /// <summary>
    /// A layer version of another account is the caller's only when its policy allows the caller's
    /// account (or everyone, or the caller's organization) <c>lambda:GetLayerVersion</c>. FakeAws knows
    /// the calling account but not the IAM identity, so AWS's error names the account's root.
    /// </summary>
    private void CheckLayerAccess(RequestScope scope, LayerRef reference, LayerVersion version)
    {
        if (reference.Account == scope.AccountId || !Options.EnforceResourcePolicies)
        {
            return;
        }
        var organization = Options.AccountOrganizations.TryGetValue(scope.AccountId, out var id) ? id : null;
        if (!PermissionStatements.AllowsAccount(version.Policy, scope.AccountId, organization, GetLayerVersionAction))
        {
            throw LambdaErrors.NotAuthorized($"arn:aws:iam::{scope.AccountId}:root", GetLayerVersionAction, version.Arn);
        }
    }

    /// <summary>The state of the account and region a layer ARN names.</summary>
    private LambdaRegion LayerRegion(LayerRef reference) => _regions[new RequestScope(reference.Account, reference.Region)];

    private static bool Matches(LayerVersion version, string? runtime, string? architecture) =>
        (runtime is null || version.CompatibleRuntimes?.Contains(runtime) == true)
        && (architecture is null || version.CompatibleArchitectures?.Contains(architecture) == true);

    private static GetLayerVersionResponse Describe(RequestScope scope, LayerVersion version) => new()
    {
        Content = new LayerVersionContentOutput
        {
            Location = $"https://awslambda-{scope.Region}-layers.s3.{scope.Region}.amazonaws.com/snapshots/{scope.AccountId}/{version.Arn.Split(':')[6]}-{version.Version}",
            CodeSha256 = version.Package.Sha256,
            CodeSize = version.Package.Size,
        },
        LayerArn = version.LayerArn,
        LayerVersionArn = version.Arn,
        Description = version.Description,
        CreatedDate = version.CreatedDate,
        Version = version.Version,
        CompatibleRuntimes = version.CompatibleRuntimes,
        LicenseInfo = version.LicenseInfo,
        CompatibleArchitectures = version.CompatibleArchitectures,
    };

    private static LayerVersionsListItem Listed(LayerVersion version) => new()
    {
        LayerVersionArn = version.Arn,
        Version = version.Version,
        Description = version.Description,
        CreatedDate = version.CreatedDate,
        CompatibleRuntimes = version.CompatibleRuntimes,
        LicenseInfo = version.LicenseInfo,
        CompatibleArchitectures = version.CompatibleArchitectures,
    };
}
