using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// PutFunctionScalingConfig and GetFunctionScalingConfig: the minimum and maximum execution environments
// of a published version of a Lambda Managed Instances function. FakeAws starts no environments ahead;
// the setting is stored, validated and read back, and applies at once (applied = requested).
internal sealed partial class LambdaEngine
{
    public PutFunctionScalingConfigResponse PutFunctionScalingConfig(RequestScope scope, PutFunctionScalingConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference);
            var version = ScalableVersion(function, reference.Qualifier!);
            var scaling = request.FunctionScalingConfig ?? new FunctionScalingConfig();
            if (scaling is { MinExecutionEnvironments: { } min, MaxExecutionEnvironments: { } max } && min > max)
            {
                throw LambdaErrors.InvalidParameter(
                    $"MinExecutionEnvironments ({min}) must be less than or equal to MaxExecutionEnvironments ({max}).");
            }
            version.ScalingConfig = Clone(scaling);
            return new PutFunctionScalingConfigResponse { FunctionState = Describe(version, function.Arn).State };
        }
    }

    public GetFunctionScalingConfigResponse GetFunctionScalingConfig(RequestScope scope, GetFunctionScalingConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference);
            var version = ScalableVersion(function, reference.Qualifier!);
            return new GetFunctionScalingConfigResponse
            {
                FunctionArn = FunctionArns.Qualified(scope, function.Name, version.Version),
                AppliedFunctionScalingConfig = version.ScalingConfig is { } applied ? Clone(applied) : null,
                RequestedFunctionScalingConfig = version.ScalingConfig is { } requested ? Clone(requested) : null,
            };
        }
    }

    /// <summary>
    /// The published version a scaling request names; scaling applies only to versions that run on a
    /// capacity provider (Lambda Managed Instances).
    /// </summary>
    private static FunctionVersion ScalableVersion(LambdaFunction function, string qualifier)
    {
        var version = GetVersion(function, qualifier);
        if (version.Config.CapacityProviderConfig is null)
        {
            throw LambdaErrors.InvalidParameter(
                $"Function scaling configuration is only supported for functions configured with a capacity provider: {FunctionArns.Qualified(function.Scope, function.Name, qualifier)}");
        }
        return version;
    }
}
