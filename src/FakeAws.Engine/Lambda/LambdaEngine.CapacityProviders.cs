using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Capacity;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// Capacity providers of Lambda Managed Instances (Create/Get/Update/Delete/ListCapacityProviders,
// ListFunctionVersionsByCapacityProvider) and the CapacityProviderConfig functions name. A provider is
// Pending in its create response and Active once the state-transition delay has passed (at once on a
// clock that does not move); it cannot be deleted while a function version uses it.
internal sealed partial class LambdaEngine
{
    public CreateCapacityProviderResponse CreateCapacityProvider(RequestScope scope, CreateCapacityProviderRequest request)
    {
        ConfigurationRules.CheckTags(request.Tags);
        var name = CapacityProviderName(request.CapacityProviderName!);
        var settings = new CapacityProviderSettings
        {
            Name = name,
            Arn = CapacityProviderArn(scope, name),
            Description = new CapacityProvider
            {
                CapacityProviderArn = CapacityProviderArn(scope, name),
                VpcConfig = Clone(request.VpcConfig!),
                PermissionsConfig = Clone(request.PermissionsConfig!),
                // Lambda fills in the architecture and scaling mode a request leaves out.
                InstanceRequirements = request.InstanceRequirements is { } requirements
                    ? Clone(requirements)
                    : new InstanceRequirements { Architectures = ["x86_64"] },
                CapacityProviderScalingConfig = request.CapacityProviderScalingConfig is { } scaling
                    ? WithDefaultMode(Clone(scaling))
                    : new CapacityProviderScalingConfig { ScalingMode = "Auto" },
                KmsKeyArn = request.KmsKeyArn,
                LastModified = Timestamp(),
            },
            ReadyAt = ReadyAt(),
        };
        foreach (var (key, value) in request.Tags ?? [])
        {
            settings.Tags[key] = value;
        }
        var region = Region(scope);
        lock (region.Gate)
        {
            if (region.CapacityProviders.ContainsKey(name))
            {
                throw LambdaErrors.Conflict($"Capacity provider already exists: {name}");
            }
            region.CapacityProviders[name] = settings;
            return new CreateCapacityProviderResponse { CapacityProvider = Describe(settings, justCreated: true) };
        }
    }

    public GetCapacityProviderResponse GetCapacityProvider(RequestScope scope, GetCapacityProviderRequest request)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            return new GetCapacityProviderResponse { CapacityProvider = Describe(GetCapacityProvider(region, request.CapacityProviderName!)) };
        }
    }

    public UpdateCapacityProviderResponse UpdateCapacityProvider(RequestScope scope, UpdateCapacityProviderRequest request)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            // Only the scaling settings can change; the VPC, role and instance requirements are fixed at creation.
            var settings = GetCapacityProvider(region, request.CapacityProviderName!);
            if (request.CapacityProviderScalingConfig is { } scaling)
            {
                settings.Description.CapacityProviderScalingConfig = WithDefaultMode(Clone(scaling));
            }
            settings.Description.LastModified = Timestamp();
            return new UpdateCapacityProviderResponse { CapacityProvider = Describe(settings) };
        }
    }

    public DeleteCapacityProviderResponse DeleteCapacityProvider(RequestScope scope, DeleteCapacityProviderRequest request)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            var settings = GetCapacityProvider(region, request.CapacityProviderName!);
            // $LATEST counts too: the function would run on the provider once published.
            if (region.Functions.Values.Any(f => UsesProvider(f.Latest, settings.Arn)) || VersionsOn(region, settings.Arn).Any())
            {
                throw LambdaErrors.Conflict(
                    $"Capacity provider {settings.Arn} is in use by one or more function versions. To delete this capacity provider, first remove its association with all function versions.");
            }
            region.CapacityProviders.Remove(settings.Name);
            var described = Describe(settings);
            described.State = "Deleting";
            return new DeleteCapacityProviderResponse { CapacityProvider = described };
        }
    }

    public ListCapacityProvidersResponse ListCapacityProviders(RequestScope scope, ListCapacityProvidersRequest request)
    {
        var region = Region(scope);
        List<CapacityProvider> all;
        lock (region.Gate)
        {
            all = region.CapacityProviders.Values.Select(s => Describe(s))
                .Where(p => request.State is null || p.State == request.State)
                .ToList();
        }
        var (page, next) = Paging.Take(all, request.Marker, request.MaxItems);
        return new ListCapacityProvidersResponse { CapacityProviders = page, NextMarker = next };
    }

    public ListFunctionVersionsByCapacityProviderResponse ListFunctionVersionsByCapacityProvider(
        RequestScope scope, ListFunctionVersionsByCapacityProviderRequest request)
    {
        var region = Region(scope);
        List<FunctionVersionsByCapacityProviderListItem> versions;
        string arn;
        lock (region.Gate)
        {
            arn = GetCapacityProvider(region, request.CapacityProviderName!).Arn;
            versions = VersionsOn(region, arn)
                .Select(v => new FunctionVersionsByCapacityProviderListItem
                {
                    FunctionArn = FunctionArns.Qualified(region.Scope, v.Function.Name, v.Version.Version),
                    State = Describe(v.Version, v.Function.Arn).State,
                })
                .ToList();
        }
        var (page, next) = Paging.Take(versions, request.Marker, request.MaxItems);
        return new ListFunctionVersionsByCapacityProviderResponse { CapacityProviderArn = arn, FunctionVersions = page, NextMarker = next };
    }

    /// <summary>
    /// Checks the capacity provider a function's configuration names: it must exist in the function's
    /// account and region. Returns a copy for the configuration to keep.
    /// </summary>
    private static CapacityProviderConfig AttachableCapacityProvider(LambdaRegion region, CapacityProviderConfig config)
    {
        var arn = config.LambdaManagedInstancesCapacityProviderConfig!.CapacityProviderArn!;
        if (!region.CapacityProviders.Values.Any(p => p.Arn == arn))
        {
            throw LambdaErrors.InvalidParameter($"Capacity provider not found: {arn}");
        }
        return Clone(config);
    }

    /// <summary>The published versions (numbered and $LATEST.PUBLISHED, never $LATEST) whose configuration names the provider <paramref name="arn"/>.</summary>
    private static IEnumerable<(LambdaFunction Function, FunctionVersion Version)> VersionsOn(LambdaRegion region, string arn) =>
        region.Functions.Values.SelectMany(f => f.PublishedVersions.Select(v => (Function: f, Version: v)))
            .Where(p => UsesProvider(p.Version, arn));

    private static bool UsesProvider(FunctionVersion version, string arn) =>
        version.Config.CapacityProviderConfig?.LambdaManagedInstancesCapacityProviderConfig?.CapacityProviderArn == arn;

    private static CapacityProviderSettings GetCapacityProvider(LambdaRegion region, string nameOrArn) =>
        region.CapacityProviders.TryGetValue(CapacityProviderName(nameOrArn), out var settings)
            ? settings
            : throw LambdaErrors.NotFound($"Capacity provider not found: {nameOrArn}");

    /// <summary>A provider is named by its name or its ARN (the model's pattern allows both).</summary>
    private static string CapacityProviderName(string nameOrArn) =>
        nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.LastIndexOf(':') + 1)..] : nameOrArn;

    private static string CapacityProviderArn(RequestScope scope, string name) =>
        $"arn:aws:lambda:{scope.Region}:{scope.AccountId}:capacity-provider:{name}";

    private static CapacityProviderScalingConfig WithDefaultMode(CapacityProviderScalingConfig scaling)
    {
        scaling.ScalingMode ??= "Auto";
        return scaling;
    }

    private CapacityProvider Describe(CapacityProviderSettings settings, bool justCreated = false)
    {
        var described = Clone(settings.Description);
        described.State = !justCreated && Now >= settings.ReadyAt ? "Active" : "Pending";
        return described;
    }
}
