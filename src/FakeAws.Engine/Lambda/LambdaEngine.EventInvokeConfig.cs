using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// Put/Get/Update/Delete/ListFunctionEventInvokeConfigs: retries, event age and destinations of
// asynchronous invocation, per qualifier.
internal sealed partial class LambdaEngine
{
    public FunctionEventInvokeConfig PutFunctionEventInvokeConfig(RequestScope scope, PutFunctionEventInvokeConfigRequest request) =>
        SaveEventInvokeConfig(scope, request.FunctionName!, request.Qualifier, request.MaximumRetryAttempts, request.MaximumEventAgeInSeconds, request.DestinationConfig, merge: false);

    public FunctionEventInvokeConfig UpdateFunctionEventInvokeConfig(RequestScope scope, UpdateFunctionEventInvokeConfigRequest request) =>
        SaveEventInvokeConfig(scope, request.FunctionName!, request.Qualifier, request.MaximumRetryAttempts, request.MaximumEventAgeInSeconds, request.DestinationConfig, merge: true);

    public FunctionEventInvokeConfig GetFunctionEventInvokeConfig(RequestScope scope, GetFunctionEventInvokeConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var qualifier = reference.Qualifier ?? FunctionArns.Latest;
        var region = Region(scope);
        lock (region.Gate)
        {
            return region.Functions.TryGetValue(reference.Name, out var function) && function.EventInvokeConfigs.TryGetValue(qualifier, out var settings)
                ? Describe(scope, reference.Name, qualifier, settings)
                : throw LambdaErrors.EventInvokeConfigNotFound(FunctionArns.Qualified(scope, reference.Name, qualifier));
        }
    }

    public void DeleteFunctionEventInvokeConfig(RequestScope scope, DeleteFunctionEventInvokeConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var qualifier = reference.Qualifier ?? FunctionArns.Latest;
        var region = Region(scope);
        lock (region.Gate)
        {
            if (!region.Functions.TryGetValue(reference.Name, out var function) || !function.EventInvokeConfigs.Remove(qualifier))
            {
                throw LambdaErrors.EventInvokeConfigNotFound(FunctionArns.Qualified(scope, reference.Name, qualifier));
            }
        }
    }

    public ListFunctionEventInvokeConfigsResponse ListFunctionEventInvokeConfigs(RequestScope scope, ListFunctionEventInvokeConfigsRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        List<FunctionEventInvokeConfig> configs;
        lock (region.Gate)
        {
            var function = region.Functions.TryGetValue(reference.Name, out var found) ? found : throw LambdaErrors.NotFound("The function doesn't exist.");
            configs = function.EventInvokeConfigs.Select(c => Describe(scope, function.Name, c.Key, c.Value)).ToList();
        }
        var (page, next) = Paging.Take(configs, request.Marker, request.MaxItems);
        return new ListFunctionEventInvokeConfigsResponse { FunctionEventInvokeConfigs = page, NextMarker = next };
    }

    private FunctionEventInvokeConfig SaveEventInvokeConfig(
        RequestScope scope, string functionName, string? qualifier, int? retries, int? maxAge, DestinationConfig? destinations, bool merge)
    {
        if (retries is null && maxAge is null && destinations is null)
        {
            throw LambdaErrors.InvalidParameter("You must specify at least one of error handling or destination setting.");
        }
        var reference = FunctionArns.Resolve(scope, functionName, qualifier);
        var resolved = reference.Qualifier ?? FunctionArns.Latest;
        var region = Region(scope);
        lock (region.Gate)
        {
            if (!region.Functions.TryGetValue(reference.Name, out var function)
                || (FunctionArns.IsAlias(resolved) ? !function.Aliases.ContainsKey(resolved) : function.FindVersion(resolved) is null))
            {
                throw LambdaErrors.NotFound("The function doesn't exist.");
            }
            CheckDestinationServices(destinations);
            CheckDestination(region, function, destinations?.OnSuccess?.Destination);
            CheckDestination(region, function, destinations?.OnFailure?.Destination);
            var current = function.EventInvokeConfigs.GetValueOrDefault(resolved);
            if (merge && current is null)
            {
                throw LambdaErrors.EventInvokeConfigNotFound(FunctionArns.Qualified(scope, function.Name, resolved));
            }
            var settings = merge
                ? new EventInvokeSettings(
                    retries ?? current!.MaximumRetryAttempts,
                    maxAge ?? current!.MaximumEventAgeInSeconds,
                    destinations is null ? current!.OnSuccess : destinations.OnSuccess?.Destination,
                    destinations is null ? current!.OnFailure : destinations.OnFailure?.Destination,
                    Now)
                : new EventInvokeSettings(retries, maxAge, destinations?.OnSuccess?.Destination, destinations?.OnFailure?.Destination, Now);
            function.EventInvokeConfigs[resolved] = settings;
            return Describe(scope, function.Name, resolved, settings);
        }
    }

    /// <summary>The services asynchronous invocation can send records to.</summary>
    private static readonly HashSet<string> DestinationServices = new(StringComparer.Ordinal) { "lambda", "sqs", "sns", "events", "s3" };

    /// <summary>A destination of another service is refused, quoting the configuration as AWS's Java model prints it.</summary>
    private static void CheckDestinationServices(DestinationConfig? destinations)
    {
        var arns = new[] { destinations?.OnSuccess?.Destination, destinations?.OnFailure?.Destination };
        if (arns.Any(arn => arn is not null && (arn.Split(':') is not { Length: >= 6 } parts || !DestinationServices.Contains(parts[2]))))
        {
            var onSuccess = destinations!.OnSuccess is { } success ? $"OnSuccess(destination={success.Destination ?? "null"})" : "null";
            var onFailure = destinations.OnFailure is { } failure ? $"OnFailure(destination={failure.Destination ?? "null"})" : "null";
            throw LambdaErrors.InvalidParameter($"The provided destination config DestinationConfig(onSuccess={onSuccess}, onFailure={onFailure}) is invalid.");
        }
    }

    /// <summary>A function destination must exist and must not be the function itself.</summary>
    private static void CheckDestination(LambdaRegion region, LambdaFunction function, string? destination)
    {
        if (destination is null || destination.Split(':') is not { Length: >= 7 } parts || parts[2] != "lambda")
        {
            return;
        }
        var target = FunctionArns.Parse(destination);
        if (target.Name == function.Name)
        {
            throw LambdaErrors.InvalidParameter("You can't specify the function as a destination for itself.");
        }
        if (target.Region == region.Scope.Region && !region.Functions.ContainsKey(target.Name))
        {
            throw LambdaErrors.InvalidParameter($"The destination ARN {destination} is invalid.");
        }
    }

    private static FunctionEventInvokeConfig Describe(RequestScope scope, string functionName, string qualifier, EventInvokeSettings settings) => new()
    {
        LastModified = settings.LastModified,
        FunctionArn = FunctionArns.Qualified(scope, functionName, qualifier),
        MaximumRetryAttempts = settings.MaximumRetryAttempts,
        MaximumEventAgeInSeconds = settings.MaximumEventAgeInSeconds,
        DestinationConfig = new DestinationConfig
        {
            OnSuccess = new OnSuccess { Destination = settings.OnSuccess },
            OnFailure = new OnFailure { Destination = settings.OnFailure },
        },
    };
}
