using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// A function's recursive loop detection and its versions' runtime update modes: stored settings a
// client reads back. FakeAws has no managed runtime versions to roll, and no loop detection.
internal sealed partial class LambdaEngine
{
    private const string Manual = "Manual";

    public PutFunctionRecursionConfigResponse PutFunctionRecursionConfig(RequestScope scope, PutFunctionRecursionConfigRequest request)
    {
        var function = GetUnqualifiedFunction(scope, request.FunctionName!, out var region);
        lock (region.Gate)
        {
            function.RecursiveLoop = request.RecursiveLoop!;
            return new PutFunctionRecursionConfigResponse { RecursiveLoop = function.RecursiveLoop };
        }
    }

    public GetFunctionRecursionConfigResponse GetFunctionRecursionConfig(RequestScope scope, GetFunctionRecursionConfigRequest request)
    {
        var function = GetUnqualifiedFunction(scope, request.FunctionName!, out var region);
        lock (region.Gate)
        {
            return new GetFunctionRecursionConfigResponse { RecursiveLoop = function.RecursiveLoop };
        }
    }

    public PutRuntimeManagementConfigResponse PutRuntimeManagementConfig(RequestScope scope, PutRuntimeManagementConfigRequest request)
    {
        // A runtime version is named only in Manual mode, and Manual mode must name one.
        if (request.UpdateRuntimeOn == Manual && request.RuntimeVersionArn is null)
        {
            throw LambdaErrors.InvalidParameter("RuntimeVersionArn must be provided when UpdateRuntimeOn is set to Manual.");
        }
        if (request.UpdateRuntimeOn != Manual && request.RuntimeVersionArn is not null)
        {
            throw LambdaErrors.InvalidParameter("RuntimeVersionArn can only be provided when UpdateRuntimeOn is set to Manual.");
        }
        var (function, version, region) = RuntimeManagementTarget(scope, request.FunctionName!, request.Qualifier);
        var settings = new RuntimeManagement(request.UpdateRuntimeOn!, request.RuntimeVersionArn);
        lock (region.Gate)
        {
            function.RuntimeManagement[version.Version] = settings;
        }
        return new PutRuntimeManagementConfigResponse
        {
            UpdateRuntimeOn = settings.UpdateRuntimeOn,
            FunctionArn = RuntimeManagementArn(function, version),
            RuntimeVersionArn = settings.RuntimeVersionArn,
        };
    }

    public GetRuntimeManagementConfigResponse GetRuntimeManagementConfig(RequestScope scope, GetRuntimeManagementConfigRequest request)
    {
        var (function, version, region) = RuntimeManagementTarget(scope, request.FunctionName!, request.Qualifier);
        lock (region.Gate)
        {
            var settings = function.RuntimeManagement.GetValueOrDefault(version.Version, RuntimeManagement.Default);
            return new GetRuntimeManagementConfigResponse
            {
                UpdateRuntimeOn = settings.UpdateRuntimeOn,
                FunctionArn = RuntimeManagementArn(function, version),
                RuntimeVersionArn = settings.RuntimeVersionArn,
            };
        }
    }

    /// <summary>The function and the version (an alias names its version) a runtime management request is about.</summary>
    private (LambdaFunction Function, FunctionVersion Version, LambdaRegion Region) RuntimeManagementTarget(RequestScope scope, string functionName, string? qualifier)
    {
        var reference = FunctionArns.Resolve(scope, functionName, qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference);
            return (function, GetVersion(function, reference.Qualifier), region);
        }
    }

    /// <summary>The function's ARN for $LATEST, the version's qualified ARN for a published version.</summary>
    private static string RuntimeManagementArn(LambdaFunction function, FunctionVersion version) =>
        version.Version == FunctionArns.Latest ? function.Arn : FunctionArns.Qualified(function.Scope, function.Name, version.Version);
}
