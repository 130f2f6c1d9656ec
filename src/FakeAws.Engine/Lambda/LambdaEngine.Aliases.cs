using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// CreateAlias, GetAlias, UpdateAlias, DeleteAlias and ListAliases.
internal sealed partial class LambdaEngine
{
    public AliasConfiguration CreateAlias(RequestScope scope, CreateAliasRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            // AWS names the version the alias would point to when the function itself is missing.
            var function = GetFunction(region, reference with { Qualifier = request.FunctionVersion });
            var target = function.FindVersion(request.FunctionVersion!)
                ?? throw LambdaErrors.FunctionNotFound(FunctionArns.Qualified(scope, function.Name, request.FunctionVersion!));
            if (function.Aliases.ContainsKey(request.Name!))
            {
                throw LambdaErrors.AliasExists(FunctionArns.Qualified(scope, function.Name, request.Name!));
            }
            var alias = new FunctionAlias
            {
                Name = request.Name!,
                FunctionVersion = target.Version,
                Description = request.Description ?? "",
                Routing = Routing(function, target.Version, request.RoutingConfig),
                RevisionId = NewRevisionId(),
                RoutingPhase = AliasRouting.Phase(_cloud.Ids.NewBytes(4)),
            };
            function.Aliases[alias.Name] = alias;
            return Describe(function, alias);
        }
    }

    public AliasConfiguration GetAlias(RequestScope scope, GetAliasRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference.Name);
            return Describe(function, GetAlias(function, request.Name!));
        }
    }

    public AliasConfiguration UpdateAlias(RequestScope scope, UpdateAliasRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference.Name);
            var current = GetAlias(function, request.Name!);
            if (request.RevisionId is not null && request.RevisionId != current.RevisionId)
            {
                throw LambdaErrors.RevisionMismatch();
            }
            var versionName = current.FunctionVersion;
            if (request.FunctionVersion is { } requested)
            {
                versionName = (function.FindVersion(requested)
                    ?? throw LambdaErrors.FunctionNotFound(FunctionArns.Qualified(scope, function.Name, requested))).Version;
            }
            var routingChanged = request.RoutingConfig is not null;
            var alias = new FunctionAlias
            {
                Name = current.Name,
                FunctionVersion = versionName,
                Description = request.Description ?? current.Description,
                Routing = routingChanged ? Routing(function, versionName, request.RoutingConfig) : current.Routing,
                RevisionId = NewRevisionId(),
                RoutingPhase = routingChanged ? AliasRouting.Phase(_cloud.Ids.NewBytes(4)) : current.RoutingPhase,
                Routed = routingChanged ? 0 : current.Routed,
            };
            function.Aliases[alias.Name] = alias;
            return Describe(function, alias);
        }
    }

    /// <summary>Deleting an alias that does not exist succeeds, as in AWS.</summary>
    public void DeleteAlias(RequestScope scope, DeleteAliasRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference.Name);
            if (function.Aliases.Remove(request.Name!))
            {
                function.Provisioned.Remove(request.Name!);
                function.EventInvokeConfigs.Remove(request.Name!);
                function.Policies.Remove(request.Name!);
                ForgetUrls(region, function, request.Name!);
            }
        }
    }

    public ListAliasesResponse ListAliases(RequestScope scope, ListAliasesRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        List<AliasConfiguration> aliases;
        lock (region.Gate)
        {
            var function = GetFunction(region, reference.Name);
            aliases = function.Aliases.Values
                .Where(a => request.FunctionVersion is null || a.FunctionVersion == request.FunctionVersion)
                .Select(a => Describe(function, a))
                .ToList();
        }
        var (page, next) = Paging.Take(aliases, request.Marker, request.MaxItems);
        return new ListAliasesResponse { Aliases = page, NextMarker = next };
    }

    private static FunctionAlias GetAlias(LambdaFunction function, string name) =>
        function.Aliases.TryGetValue(name, out var alias)
            ? alias
            : throw LambdaErrors.AliasNotFound(FunctionArns.Qualified(function.Scope, function.Name, name));

    /// <summary>Checks a routing configuration as AWS does: one additional, published, different version.</summary>
    private static (string Version, double Weight)? Routing(LambdaFunction function, string targetVersion, AliasRoutingConfiguration? config)
    {
        if (config?.AdditionalVersionWeights is not { Count: > 0 } weights)
        {
            return null;
        }
        if (weights.Count > 1)
        {
            throw LambdaErrors.InvalidParameter("Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        var (version, weight) = weights.First();
        if (version == targetVersion)
        {
            throw LambdaErrors.InvalidParameter($"Invalid function version {version}. Function version {version} is already included in routing configuration.");
        }
        if (targetVersion == FunctionArns.Latest)
        {
            throw LambdaErrors.InvalidParameter("$LATEST is not supported for an alias pointing to more than 1 version");
        }
        if (!FunctionArns.IsVersion(version) || function.FindVersion(version) is null)
        {
            throw LambdaErrors.FunctionNotFound(FunctionArns.Qualified(function.Scope, function.Name, version));
        }
        return (version, weight ?? 0);
    }

    private static AliasConfiguration Describe(LambdaFunction function, FunctionAlias alias) => new()
    {
        AliasArn = FunctionArns.Qualified(function.Scope, function.Name, alias.Name),
        Name = alias.Name,
        FunctionVersion = alias.FunctionVersion,
        Description = alias.Description,
        RoutingConfig = alias.Routing is { } routing
            ? new AliasRoutingConfiguration { AdditionalVersionWeights = new() { [routing.Version] = routing.Weight } }
            : null,
        RevisionId = alias.RevisionId,
    };
}
