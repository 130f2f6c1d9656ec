using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// Reserved concurrency, provisioned concurrency and the account's settings.
internal sealed partial class LambdaEngine
{
    public Concurrency PutFunctionConcurrency(RequestScope scope, PutFunctionConcurrencyRequest request)
    {
        var function = GetUnqualifiedFunction(scope, request.FunctionName!, out var region, missingAsLatest: true);
        var reserved = request.ReservedConcurrentExecutions!.Value;
        lock (region.Gate)
        {
            if (Options.ConcurrentExecutions - region.ReservedTotal(except: function) - reserved < LambdaLimits.MinimumUnreservedConcurrency)
            {
                throw LambdaErrors.InvalidParameter(
                    $"Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [{LambdaLimits.MinimumUnreservedConcurrency}].");
            }
            var provisioned = function.Provisioned.Values.Sum(p => p.Requested);
            if (provisioned > reserved)
            {
                throw LambdaErrors.InvalidParameter(
                    $" ReservedConcurrentExecutions  {reserved} should not be lower than function's total provisioned concurrency [{provisioned}].");
            }
            function.ReservedConcurrency = reserved;
        }
        return new Concurrency { ReservedConcurrentExecutions = reserved };
    }

    public GetFunctionConcurrencyResponse GetFunctionConcurrency(RequestScope scope, GetFunctionConcurrencyRequest request)
    {
        var function = GetUnqualifiedFunction(scope, request.FunctionName!, out var region);
        lock (region.Gate)
        {
            return new GetFunctionConcurrencyResponse { ReservedConcurrentExecutions = function.ReservedConcurrency };
        }
    }

    public void DeleteFunctionConcurrency(RequestScope scope, DeleteFunctionConcurrencyRequest request)
    {
        var function = GetUnqualifiedFunction(scope, request.FunctionName!, out var region);
        lock (region.Gate)
        {
            function.ReservedConcurrency = null;
        }
    }

    public PutProvisionedConcurrencyConfigResponse PutProvisionedConcurrencyConfig(RequestScope scope, PutProvisionedConcurrencyConfigRequest request)
    {
        var qualifier = request.Qualifier!;
        if (qualifier == FunctionArns.Latest)
        {
            throw LambdaErrors.InvalidParameter("Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
        }
        var requested = request.ProvisionedConcurrentExecutions!.Value;
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetProvisionedFunction(region, reference.Name, qualifier);
            CheckProvisionedOverlap(function, qualifier);
            var others = function.Provisioned.Where(p => p.Key != qualifier).Sum(p => p.Value.Requested);
            if (function.ReservedConcurrency is { } reserved && reserved < others + requested)
            {
                throw LambdaErrors.InvalidParameter("Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function");
            }
            if (function.ReservedConcurrency is null)
            {
                var unreserved = Options.ConcurrentExecutions - region.ReservedTotal(except: function) - others;
                if (requested > unreserved)
                {
                    throw LambdaErrors.InvalidParameter($"Specified ConcurrentExecutions for function is greater than account's unreserved concurrency [{unreserved}].");
                }
                if (unreserved - requested < LambdaLimits.MinimumUnreservedConcurrency)
                {
                    throw LambdaErrors.InvalidParameter(
                        $"Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [{LambdaLimits.MinimumUnreservedConcurrency}].");
                }
            }
            var config = new ProvisionedConcurrency(requested, Timestamp(), ReadyAt());
            function.Provisioned[qualifier] = config;
            return new PutProvisionedConcurrencyConfigResponse
            {
                RequestedProvisionedConcurrentExecutions = requested,
                AvailableProvisionedConcurrentExecutions = 0,
                AllocatedProvisionedConcurrentExecutions = 0,
                Status = "IN_PROGRESS",
                LastModified = config.LastModified,
            };
        }
    }

    public GetProvisionedConcurrencyConfigResponse GetProvisionedConcurrencyConfig(RequestScope scope, GetProvisionedConcurrencyConfigRequest request)
    {
        var qualifier = request.Qualifier!;
        if (qualifier == FunctionArns.Latest)
        {
            throw LambdaErrors.InvalidParameter(NotAliasOrVersion);
        }
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetProvisionedFunction(region, reference.Name, qualifier);
            if (!function.Provisioned.TryGetValue(qualifier, out var config))
            {
                throw LambdaErrors.ProvisionedConcurrencyNotFound();
            }
            var item = ProvisionedView(function, qualifier, config);
            return new GetProvisionedConcurrencyConfigResponse
            {
                RequestedProvisionedConcurrentExecutions = item.RequestedProvisionedConcurrentExecutions,
                AvailableProvisionedConcurrentExecutions = item.AvailableProvisionedConcurrentExecutions,
                AllocatedProvisionedConcurrentExecutions = item.AllocatedProvisionedConcurrentExecutions,
                Status = item.Status,
                LastModified = item.LastModified,
            };
        }
    }

    public ListProvisionedConcurrencyConfigsResponse ListProvisionedConcurrencyConfigs(RequestScope scope, ListProvisionedConcurrencyConfigsRequest request)
    {
        var function = GetUnqualifiedFunction(scope, request.FunctionName!, out var region);
        lock (region.Gate)
        {
            var items = function.Provisioned.Select(p => ProvisionedView(function, p.Key, p.Value)).ToList();
            var (page, next) = Paging.Take(items, request.Marker, request.MaxItems);
            return new ListProvisionedConcurrencyConfigsResponse { ProvisionedConcurrencyConfigs = page, NextMarker = next };
        }
    }

    /// <summary>A provisioned concurrency config as AWS reports it: allocated in full once its virtual start-up time has passed.</summary>
    private ProvisionedConcurrencyConfigListItem ProvisionedView(LambdaFunction function, string qualifier, ProvisionedConcurrency config)
    {
        var ready = Now >= config.ReadyAt;
        return new ProvisionedConcurrencyConfigListItem
        {
            FunctionArn = $"{function.Arn}:{qualifier}",
            RequestedProvisionedConcurrentExecutions = config.Requested,
            AvailableProvisionedConcurrentExecutions = ready ? config.Requested : 0,
            AllocatedProvisionedConcurrentExecutions = ready ? config.Requested : 0,
            Status = ready ? "READY" : "IN_PROGRESS",
            LastModified = config.LastModified,
        };
    }

    public void DeleteProvisionedConcurrencyConfig(RequestScope scope, DeleteProvisionedConcurrencyConfigRequest request)
    {
        var qualifier = request.Qualifier!;
        if (qualifier == FunctionArns.Latest)
        {
            throw LambdaErrors.InvalidParameter(NotAliasOrVersion);
        }
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetProvisionedFunction(region, reference.Name, qualifier);
            function.Provisioned.Remove(qualifier);
        }
    }

    public GetAccountSettingsResponse GetAccountSettings(RequestScope scope, GetAccountSettingsRequest request)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            var functions = region.Functions.Values;
            return new GetAccountSettingsResponse
            {
                AccountLimit = new AccountLimit
                {
                    TotalCodeSize = LambdaLimits.TotalCodeBytes,
                    CodeSizeUnzipped = LambdaLimits.UnzippedCodeBytes,
                    CodeSizeZipped = LambdaLimits.ZippedCodeBytes,
                    ConcurrentExecutions = Options.ConcurrentExecutions,
                    UnreservedConcurrentExecutions = Options.ConcurrentExecutions - region.ReservedTotal(),
                },
                AccountUsage = new AccountUsage
                {
                    TotalCodeSize = functions.Sum(f => (f.Latest.Config.CodeSize ?? 0) + f.Versions.Values.Sum(v => v.Config.CodeSize ?? 0)),
                    FunctionCount = functions.Count,
                },
            };
        }
    }

    /// <summary>Concurrency is set on a function as a whole: a qualified name is refused.</summary>
    /// <param name="scope">The caller's account and region.</param>
    /// <param name="functionName">The function as the request names it.</param>
    /// <param name="region">The function's region.</param>
    /// <param name="missingAsLatest">Whether a missing function's error names <c>$LATEST</c>, as PutFunctionConcurrency's does.</param>
    private LambdaFunction GetUnqualifiedFunction(RequestScope scope, string functionName, out LambdaRegion region, bool missingAsLatest = false)
    {
        var reference = FunctionArns.Resolve(scope, functionName, null);
        if (reference.Qualifier is not null)
        {
            throw LambdaErrors.InvalidParameter(
                "This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.");
        }
        region = Region(scope);
        lock (region.Gate)
        {
            return GetFunction(region, missingAsLatest ? reference with { Qualifier = FunctionArns.Latest } : reference);
        }
    }

    // Get and Delete refuse $LATEST in these words; Put calls it an unpublished version.
    private const string NotAliasOrVersion = "The function resource provided must be an alias or a published version.";

    /// <summary>
    /// The function of a provisioned concurrency request, whose qualifier must name an existing alias or
    /// published version; when the function is missing, AWS words the error after the qualifier.
    /// </summary>
    private static LambdaFunction GetProvisionedFunction(LambdaRegion region, string name, string qualifier)
    {
        if (!region.Functions.TryGetValue(name, out var function))
        {
            var arn = FunctionArns.Qualified(region.Scope, name, qualifier);
            throw FunctionArns.IsAlias(qualifier) ? LambdaErrors.AliasNotFound(arn) : LambdaErrors.FunctionNotFound(arn);
        }
        if (FunctionArns.IsAlias(qualifier))
        {
            GetAlias(function, qualifier);
        }
        else if (function.FindVersion(qualifier) is null)
        {
            throw LambdaErrors.FunctionNotFound(FunctionArns.Qualified(function.Scope, function.Name, qualifier));
        }
        return function;
    }

    /// <summary>A version and an alias pointing to it cannot both have provisioned concurrency.</summary>
    private static void CheckProvisionedOverlap(LambdaFunction function, string qualifier)
    {
        if (FunctionArns.IsAlias(qualifier))
        {
            if (function.Provisioned.ContainsKey(function.Aliases[qualifier].FunctionVersion))
            {
                throw LambdaErrors.Conflict("Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
            }
        }
        else if (function.Provisioned.Keys.Any(k => FunctionArns.IsAlias(k) && function.Aliases.TryGetValue(k, out var alias) && alias.FunctionVersion == qualifier))
        {
            throw LambdaErrors.Conflict("Version is pointed by a Provisioned Concurrency alias");
        }
    }
}
