using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;
using FakeAws.Engine.Lambda.Signing;

namespace FakeAws.Engine.Lambda;

// Code signing configurations (Create/Get/Update/Delete/ListCodeSigningConfigs), a function's
// configuration (Put/Get/DeleteFunctionCodeSigningConfig, ListFunctionsByCodeSigningConfig) and the
// check every code deployment passes. AWS Signer is not faked: a package counts as signed only when the
// test said so (SignPackage), which stands for Signer's signing job.
internal sealed partial class LambdaEngine
{
    private const string CodeSigningIdAlphabet = "0123456789abcdef";

    public CreateCodeSigningConfigResponse CreateCodeSigningConfig(RequestScope scope, CreateCodeSigningConfigRequest request)
    {
        ConfigurationRules.CheckTags(request.Tags);
        var id = "csc-" + _cloud.Ids.NewString(17, CodeSigningIdAlphabet);
        var settings = new CodeSigningSettings
        {
            Id = id,
            Arn = $"arn:aws:lambda:{scope.Region}:{scope.AccountId}:code-signing-config:{id}",
            Description = request.Description ?? "",
            AllowedPublishers = [.. request.AllowedPublishers!.SigningProfileVersionArns!],
            UntrustedArtifactOnDeployment = request.CodeSigningPolicies?.UntrustedArtifactOnDeployment ?? CodeSigningSettings.Warn,
            LastModified = Timestamp(),
        };
        foreach (var (key, value) in request.Tags ?? [])
        {
            settings.Tags[key] = value;
        }
        var region = Region(scope);
        lock (region.Gate)
        {
            region.CodeSigningConfigs[settings.Arn] = settings;
            return new CreateCodeSigningConfigResponse { CodeSigningConfig = Describe(settings) };
        }
    }

    public GetCodeSigningConfigResponse GetCodeSigningConfig(RequestScope scope, GetCodeSigningConfigRequest request)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            return new GetCodeSigningConfigResponse { CodeSigningConfig = Describe(GetCodeSigningConfig(region, request.CodeSigningConfigArn!)) };
        }
    }

    public UpdateCodeSigningConfigResponse UpdateCodeSigningConfig(RequestScope scope, UpdateCodeSigningConfigRequest request)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            // Only the members the request names change.
            var settings = GetCodeSigningConfig(region, request.CodeSigningConfigArn!);
            settings.Description = request.Description ?? settings.Description;
            if (request.AllowedPublishers?.SigningProfileVersionArns is { } publishers)
            {
                settings.AllowedPublishers = [.. publishers];
            }
            settings.UntrustedArtifactOnDeployment = request.CodeSigningPolicies?.UntrustedArtifactOnDeployment ?? settings.UntrustedArtifactOnDeployment;
            settings.LastModified = Timestamp();
            return new UpdateCodeSigningConfigResponse { CodeSigningConfig = Describe(settings) };
        }
    }

    public DeleteCodeSigningConfigResponse DeleteCodeSigningConfig(RequestScope scope, DeleteCodeSigningConfigRequest request)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            var settings = GetCodeSigningConfig(region, request.CodeSigningConfigArn!);
            if (region.Functions.Values.Any(f => f.CodeSigningConfigArn == settings.Arn))
            {
                throw LambdaErrors.Conflict($"The code signing configuration {settings.Arn} cannot be deleted because it is used by one or more functions.");
            }
            region.CodeSigningConfigs.Remove(settings.Arn);
            return new DeleteCodeSigningConfigResponse();
        }
    }

    public ListCodeSigningConfigsResponse ListCodeSigningConfigs(RequestScope scope, ListCodeSigningConfigsRequest request)
    {
        var region = Region(scope);
        List<CodeSigningConfig> all;
        lock (region.Gate)
        {
            all = region.CodeSigningConfigs.Values.Select(Describe).ToList();
        }
        var (page, next) = Paging.Take(all, request.Marker, request.MaxItems);
        return new ListCodeSigningConfigsResponse { CodeSigningConfigs = page, NextMarker = next };
    }

    public ListFunctionsByCodeSigningConfigResponse ListFunctionsByCodeSigningConfig(RequestScope scope, ListFunctionsByCodeSigningConfigRequest request)
    {
        var region = Region(scope);
        List<string> arns;
        lock (region.Gate)
        {
            var settings = GetCodeSigningConfig(region, request.CodeSigningConfigArn!);
            arns = region.Functions.Values.Where(f => f.CodeSigningConfigArn == settings.Arn).Select(f => f.Arn).ToList();
        }
        var (page, next) = Paging.Take(arns, request.Marker, request.MaxItems);
        return new ListFunctionsByCodeSigningConfigResponse { FunctionArns = page, NextMarker = next };
    }

    public PutFunctionCodeSigningConfigResponse PutFunctionCodeSigningConfig(RequestScope scope, PutFunctionCodeSigningConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            // Attaching a configuration checks no code: it applies to the function's next deployments.
            var settings = AttachableCodeSigningConfig(region, request.CodeSigningConfigArn!);
            var function = GetFunction(region, reference.Name);
            function.CodeSigningConfigArn = settings.Arn;
            return new PutFunctionCodeSigningConfigResponse { CodeSigningConfigArn = settings.Arn, FunctionName = function.Name };
        }
    }

    public GetFunctionCodeSigningConfigResponse GetFunctionCodeSigningConfig(RequestScope scope, GetFunctionCodeSigningConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference.Name);
            return function.CodeSigningConfigArn is { } arn
                ? new GetFunctionCodeSigningConfigResponse { CodeSigningConfigArn = arn, FunctionName = function.Name }
                : new GetFunctionCodeSigningConfigResponse();
        }
    }

    public void DeleteFunctionCodeSigningConfig(RequestScope scope, DeleteFunctionCodeSigningConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            GetFunction(region, reference.Name).CodeSigningConfigArn = null;
        }
    }

    /// <summary>
    /// Records that AWS Signer signed <paramref name="package"/> with <paramref name="signingProfileVersionArn"/>:
    /// deployments of the same bytes in <paramref name="scope"/> carry that signature.
    /// </summary>
    public void SignPackage(RequestScope scope, byte[] package, string signingProfileVersionArn)
    {
        var sha256 = CodePackage.Hash(package);
        var region = Region(scope);
        lock (region.Gate)
        {
            region.SignedPackages[sha256] = signingProfileVersionArn;
        }
    }

    /// <summary>
    /// Checks a deployment against the configuration a function names (null: none): under Enforce,
    /// the new package (null when only the layers change) and every layer must be signed by an allowed
    /// profile; under Warn anything deploys. Returns the profile that signed the package, which the
    /// function's configuration shows.
    /// </summary>
    private static string? CheckSignatures(
        LambdaRegion region, string? codeSigningConfigArn, string functionName, CodePackage? package, IReadOnlyList<Layers.LayerVersion> layers)
    {
        var signer = package is { } p ? region.SignedPackages.GetValueOrDefault(p.Sha256) : null;
        if (codeSigningConfigArn is null || !region.CodeSigningConfigs.TryGetValue(codeSigningConfigArn, out var settings)
            || settings.UntrustedArtifactOnDeployment != CodeSigningSettings.Enforce)
        {
            return signer;
        }
        if ((package is not null && !settings.Trusts(signer))
            || layers.Any(l => !settings.Trusts(region.SignedPackages.GetValueOrDefault(l.Package.Sha256))))
        {
            throw LambdaErrors.CodeVerificationFailed(functionName);
        }
        return signer;
    }

    /// <summary>The configuration a function may name: an unknown one is CodeSigningConfigNotFoundException.</summary>
    private static CodeSigningSettings AttachableCodeSigningConfig(LambdaRegion region, string arn) =>
        region.CodeSigningConfigs.TryGetValue(arn, out var settings) ? settings : throw LambdaErrors.CodeSigningConfigNotFound(arn);

    private static CodeSigningSettings GetCodeSigningConfig(LambdaRegion region, string arn) =>
        region.CodeSigningConfigs.TryGetValue(arn, out var settings)
            ? settings
            : throw LambdaErrors.NotFound($"The Lambda code signing configuration {arn} can not be found.");

    private static CodeSigningConfig Describe(CodeSigningSettings settings) => new()
    {
        CodeSigningConfigId = settings.Id,
        CodeSigningConfigArn = settings.Arn,
        Description = settings.Description,
        AllowedPublishers = new AllowedPublishers { SigningProfileVersionArns = [.. settings.AllowedPublishers] },
        CodeSigningPolicies = new CodeSigningPolicies { UntrustedArtifactOnDeployment = settings.UntrustedArtifactOnDeployment },
        LastModified = settings.LastModified,
    };
}
