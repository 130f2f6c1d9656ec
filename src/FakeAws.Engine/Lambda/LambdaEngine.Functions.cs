using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Code;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// CreateFunction, GetFunction, GetFunctionConfiguration, UpdateFunctionCode,
// UpdateFunctionConfiguration, DeleteFunction and ListFunctions.
internal sealed partial class LambdaEngine
{
    public Task<FunctionConfiguration> CreateFunction(RequestScope scope, CreateFunctionRequest request, CancellationToken cancellationToken)
    {
        ConfigurationRules.CheckPackageType(request.PackageType);
        var package = CodePackage.Read(request.Code?.ZipFile, request.Code?.S3Bucket, request.Code?.ImageUri);
        return CreateAsync(scope, request, _resolver.Resolve(request.Handler, request.Runtime), fromHandler: true, package, cancellationToken);
    }

    /// <summary>Creates a function whose code is bound in process (the FakeAws helper's AddFunction), with CreateFunction's checks.</summary>
    public Task<FunctionConfiguration> AddFunction(RequestScope scope, CreateFunctionRequest request, ILambdaCode code, CancellationToken cancellationToken = default)
    {
        var validation = new ModelValidation();
        request.Code ??= new FunctionCode();
        request.Validate(validation);
        validation.ReportMissingAsViolations();
        if (validation.Violations.Count > 0)
        {
            throw LambdaErrors.Validation(ViolationRenderer.Default.Message(validation.Violations));
        }
        return CreateAsync(scope, request, code, fromHandler: false, CodePackage.InProcess(code.Identity), cancellationToken);
    }

    private async Task<FunctionConfiguration> CreateAsync(
        RequestScope scope, CreateFunctionRequest request, ILambdaCode code, bool fromHandler, CodePackage package, CancellationToken cancellationToken)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var name = reference.Name;
        ConfigurationRules.CheckName(name);
        ConfigurationRules.CheckRuntime(request.Runtime);
        ConfigurationRules.CheckMemory(request.MemorySize);
        ConfigurationRules.CheckTimeout(request.Timeout);
        ConfigurationRules.CheckEnvironment(request.Environment?.Variables);
        ConfigurationRules.CheckLayers(request.Layers, scope.Region);
        ConfigurationRules.CheckSnapStart(request.SnapStart, request.Runtime);
        ConfigurationRules.CheckTags(request.Tags);
        var layers = ResolveLayers(scope, request.Layers);
        CheckCombinedSize(package.UnzippedSize, layers);

        var config = new FunctionConfiguration
        {
            FunctionName = name,
            Runtime = request.Runtime,
            Role = request.Role,
            Handler = request.Handler,
            CodeSize = package.Size,
            CodeSha256 = package.Sha256,
            Description = request.Description ?? "",
            Timeout = request.Timeout ?? LambdaLimits.DefaultTimeout,
            MemorySize = request.MemorySize ?? LambdaLimits.DefaultMemorySize,
            LastModified = Timestamp(),
            Version = FunctionArns.Latest,
            VpcConfig = request.VpcConfig is { } vpc ? VpcResponse(vpc) : null,
            DeadLetterConfig = request.DeadLetterConfig,
            // A request that names an environment sees it echoed, even with no variables.
            Environment = request.Environment is { } environment ? new EnvironmentResponse { Variables = new(environment.Variables ?? []) } : null,
            KMSKeyArn = request.KMSKeyArn,
            TracingConfig = new TracingConfigResponse { Mode = request.TracingConfig?.Mode ?? "PassThrough" },
            RevisionId = NewRevisionId(),
            Layers = LayerConfig(request.Layers, layers),
            FileSystemConfigs = request.FileSystemConfigs,
            PackageType = request.PackageType ?? "Zip",
            Architectures = request.Architectures ?? ["x86_64"],
            EphemeralStorage = new EphemeralStorage { Size = request.EphemeralStorage?.Size ?? LambdaLimits.DefaultEphemeralStorage },
            SnapStart = new SnapStartResponse { ApplyOn = request.SnapStart?.ApplyOn ?? "None", OptimizationStatus = "Off" },
            RuntimeVersionConfig = request.Runtime is null ? null : new RuntimeVersionConfig { RuntimeVersionArn = RuntimeVersionArn(scope, request.Runtime) },
            LoggingConfig = new LoggingConfig
            {
                LogFormat = request.LoggingConfig?.LogFormat ?? "Text",
                ApplicationLogLevel = request.LoggingConfig?.ApplicationLogLevel,
                SystemLogLevel = request.LoggingConfig?.SystemLogLevel,
                LogGroup = request.LoggingConfig?.LogGroup ?? $"/aws/lambda/{name}",
            },
        };
        var latest = new FunctionVersion
        {
            Version = FunctionArns.Latest, Config = config, RevisionId = NewRevisionId(), Code = code, ResolvedFromHandler = fromHandler, ReadyAt = ReadyAt(),
            Package = package, Layers = layers,
        };
        var region = Region(scope);
        LambdaFunction function;
        lock (region.Gate)
        {
            if (region.Functions.ContainsKey(name))
            {
                throw LambdaErrors.FunctionExists(name);
            }
            if (request.CodeSigningConfigArn is { } codeSigningConfigArn)
            {
                AttachableCodeSigningConfig(region, codeSigningConfigArn);
            }
            config.SigningProfileVersionArn = CheckSignatures(region, request.CodeSigningConfigArn, name, package, layers);
            config.CapacityProviderConfig = request.CapacityProviderConfig is { } capacity ? AttachableCapacityProvider(region, capacity) : null;
            function = new LambdaFunction(scope, name, latest) { CodeSigningConfigArn = request.CodeSigningConfigArn };
            foreach (var (key, value) in request.Tags ?? [])
            {
                function.Tags[key] = value;
            }
            region.Functions[name] = function;
        }
        if (request.Publish == true)
        {
            var (version, _) = await PublishAsync(
                function, description: null, afterChange: true, request.PublishTo == FunctionArns.PublishToLatestPublished, cancellationToken).ConfigureAwait(false);
            return Describe(version, function.Arn, justChanged: true);
        }
        return Describe(latest, function.Arn, justChanged: true);
    }

    public GetFunctionResponse GetFunction(RequestScope scope, GetFunctionRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference);
            var version = GetVersion(function, reference.Qualifier);
            return new GetFunctionResponse
            {
                Configuration = Describe(version, reference.Qualifier is { } q ? FunctionArns.Qualified(scope, function.Name, q) : function.Arn),
                Code = new FunctionCodeLocation
                {
                    RepositoryType = "S3",
                    Location = $"https://awslambda-{scope.Region}-tasks.s3.{scope.Region}.amazonaws.com/snapshots/{scope.AccountId}/{function.Name}-{version.Config.RevisionId}",
                },
                Tags = function.Tags.Count > 0 ? new(function.Tags) : null,
                Concurrency = function.ReservedConcurrency is { } reserved ? new Concurrency { ReservedConcurrentExecutions = reserved } : null,
            };
        }
    }

    public FunctionConfiguration GetFunctionConfiguration(RequestScope scope, GetFunctionConfigurationRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference);
            var version = GetVersion(function, reference.Qualifier);
            return Describe(version, reference.Qualifier is { } q ? FunctionArns.Qualified(scope, function.Name, q) : function.Arn);
        }
    }

    public FunctionConfiguration UpdateFunctionConfiguration(RequestScope scope, UpdateFunctionConfigurationRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        ConfigurationRules.CheckRuntime(request.Runtime);
        ConfigurationRules.CheckMemory(request.MemorySize);
        ConfigurationRules.CheckTimeout(request.Timeout);
        ConfigurationRules.CheckEnvironment(request.Environment?.Variables);
        ConfigurationRules.CheckLayers(request.Layers, scope.Region);
        var layers = request.Layers is null ? null : ResolveLayers(scope, request.Layers);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference.Name);
            var current = ReadyForUpdate(function, request.RevisionId);
            if (layers is not null)
            {
                CheckCombinedSize(current.Package.UnzippedSize, layers);
                CheckSignatures(region, function.CodeSigningConfigArn, function.Name, package: null, layers);
            }
            ConfigurationRules.CheckSnapStart(request.SnapStart ?? (current.Config.SnapStart is { } s ? new SnapStart { ApplyOn = s.ApplyOn } : null),
                request.Runtime ?? current.Config.Runtime);
            var config = Clone(current.Config);
            config.Role = request.Role ?? config.Role;
            config.Handler = request.Handler ?? config.Handler;
            config.Description = request.Description ?? config.Description;
            config.Timeout = request.Timeout ?? config.Timeout;
            config.MemorySize = request.MemorySize ?? config.MemorySize;
            config.Runtime = request.Runtime ?? config.Runtime;
            config.KMSKeyArn = request.KMSKeyArn ?? config.KMSKeyArn;
            config.DeadLetterConfig = request.DeadLetterConfig ?? config.DeadLetterConfig;
            config.FileSystemConfigs = request.FileSystemConfigs ?? config.FileSystemConfigs;
            if (request.VpcConfig is { } vpc)
            {
                config.VpcConfig = VpcResponse(vpc);
            }
            if (request.CapacityProviderConfig is { } capacity)
            {
                config.CapacityProviderConfig = AttachableCapacityProvider(region, capacity);
            }
            if (request.Environment is { } environment)
            {
                config.Environment = environment.Variables is { Count: > 0 } variables ? new EnvironmentResponse { Variables = new(variables) } : null;
            }
            if (request.TracingConfig?.Mode is { } mode)
            {
                config.TracingConfig = new TracingConfigResponse { Mode = mode };
            }
            if (layers is not null)
            {
                config.Layers = LayerConfig(request.Layers, layers);
            }
            if (request.EphemeralStorage?.Size is { } size)
            {
                config.EphemeralStorage = new EphemeralStorage { Size = size };
            }
            if (request.SnapStart is { } snapStart)
            {
                config.SnapStart = new SnapStartResponse { ApplyOn = snapStart.ApplyOn ?? "None", OptimizationStatus = "Off" };
            }
            if (request.LoggingConfig is { } logging)
            {
                config.LoggingConfig = new LoggingConfig
                {
                    LogFormat = logging.LogFormat ?? config.LoggingConfig?.LogFormat,
                    ApplicationLogLevel = logging.ApplicationLogLevel ?? config.LoggingConfig?.ApplicationLogLevel,
                    SystemLogLevel = logging.SystemLogLevel ?? config.LoggingConfig?.SystemLogLevel,
                    LogGroup = logging.LogGroup ?? config.LoggingConfig?.LogGroup,
                };
            }
            if (request.Runtime is { } runtime)
            {
                config.RuntimeVersionConfig = new RuntimeVersionConfig { RuntimeVersionArn = RuntimeVersionArn(scope, runtime) };
            }
            // Code found by its Handler string follows a new Handler or runtime; code bound in process stays.
            var code = current.ResolvedFromHandler && (request.Handler is not null || request.Runtime is not null)
                ? _resolver.Resolve(config.Handler, config.Runtime)
                : current.Code;
            function.Latest = Updated(current, config, code, layers: layers);
            return Describe(function.Latest, function.Arn, justChanged: true);
        }
    }

    public async Task<FunctionConfiguration> UpdateFunctionCode(RequestScope scope, UpdateFunctionCodeRequest request, CancellationToken cancellationToken)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var package = CodePackage.Read(request.ZipFile, request.S3Bucket, request.ImageUri);
        var region = Region(scope);
        LambdaFunction function;
        lock (region.Gate)
        {
            function = GetFunction(region, reference.Name);
            var current = ReadyForUpdate(function, request.RevisionId);
            CheckCombinedSize(package.UnzippedSize, current.Layers);
            var signer = CheckSignatures(region, function.CodeSigningConfigArn, function.Name, package, current.Layers);
            if (request.DryRun == true)
            {
                return Describe(current, function.Arn);
            }
            var config = Clone(current.Config);
            config.CodeSha256 = package.Sha256;
            config.CodeSize = package.Size;
            config.SigningProfileVersionArn = signer;
            config.Architectures = request.Architectures ?? config.Architectures;
            function.Latest = Updated(current, config, _resolver.Resolve(config.Handler, config.Runtime), fromHandler: true, package: package);
        }
        if (request.Publish == true)
        {
            var (version, _) = await PublishAsync(
                function, description: null, afterChange: true, request.PublishTo == FunctionArns.PublishToLatestPublished, cancellationToken).ConfigureAwait(false);
            return Describe(version, FunctionArns.Qualified(scope, function.Name, version.Version), justChanged: true);
        }
        return Describe(function.Latest, function.Arn, justChanged: true);
    }

    public DeleteFunctionResponse DeleteFunction(RequestScope scope, DeleteFunctionRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        if (reference.Qualifier == FunctionArns.Latest)
        {
            throw LambdaErrors.InvalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference.Name);
            if (reference.Qualifier is { } qualifier)
            {
                if (qualifier == FunctionArns.LatestPublished && function.LatestPublished is not null)
                {
                    function.LatestPublished = null;
                }
                else if (!int.TryParse(qualifier, out var number) || !function.Versions.Remove(number))
                {
                    throw LambdaErrors.FunctionNotFound(FunctionArns.Qualified(scope, function.Name, qualifier));
                }
                function.Provisioned.Remove(qualifier);
                function.EventInvokeConfigs.Remove(qualifier);
                function.Policies.Remove(qualifier);
            }
            else
            {
                region.Functions.Remove(function.Name);
                ForgetUrls(region, function);
            }
        }
        return new DeleteFunctionResponse { StatusCode = 204 };
    }

    public ListFunctionsResponse ListFunctions(RequestScope scope, ListFunctionsRequest request)
    {
        var region = Region(scope);
        List<FunctionConfiguration> all;
        lock (region.Gate)
        {
            all = request.FunctionVersion == "ALL"
                ? region.Functions.Values
                    .SelectMany(f => new[] { f.Latest }.Concat(f.PublishedVersions).Select(v => Listed(v, FunctionArns.Qualified(scope, f.Name, v.Version))))
                    .ToList()
                : region.Functions.Values.Select(f => Listed(f.Latest, f.Arn)).ToList();
        }
        var (page, next) = Paging.Take(all, request.Marker, request.MaxItems);
        return new ListFunctionsResponse { Functions = page, NextMarker = next };
    }

    /// <summary>$LATEST, checked for an update still in progress and for the caller's RevisionId.</summary>
    private FunctionVersion ReadyForUpdate(LambdaFunction function, string? revisionId)
    {
        var current = function.Latest;
        if (Now < current.ReadyAt)
        {
            throw LambdaErrors.UpdateInProgress(function.Arn);
        }
        if (revisionId is not null && revisionId != CurrentRevisionId(current))
        {
            throw LambdaErrors.RevisionMismatch();
        }
        return current;
    }

    /// <summary>A new $LATEST after an update: new revision, new environments, InProgress until ready; the package and layers carry over unless replaced.</summary>
    private FunctionVersion Updated(
        FunctionVersion current, FunctionConfiguration config, ILambdaCode code, bool? fromHandler = null, CodePackage? package = null, IReadOnlyList<Layers.LayerVersion>? layers = null)
    {
        config.LastModified = Timestamp();
        config.RevisionId = NewRevisionId();
        return new FunctionVersion
        {
            Version = FunctionArns.Latest,
            Config = config,
            RevisionId = NewRevisionId(),
            Code = code,
            ResolvedFromHandler = fromHandler ?? current.ResolvedFromHandler,
            ReadyAt = ReadyAt(),
            IsUpdate = true,
            Package = package ?? current.Package,
            Layers = layers ?? current.Layers,
        };
    }

    /// <summary>A VPC configuration as AWS echoes it; FakeAws has no VPCs to name, so the VPC id is empty.</summary>
    private static VpcConfigResponse VpcResponse(VpcConfig vpc) => new()
    {
        SubnetIds = vpc.SubnetIds ?? [],
        SecurityGroupIds = vpc.SecurityGroupIds ?? [],
        Ipv6AllowedForDualStack = vpc.Ipv6AllowedForDualStack ?? false,
        VpcId = "",
    };

    /// <summary>The ARN of the runtime version a function runs; AWS names runtime versions by a hash.</summary>
    private static string RuntimeVersionArn(RequestScope scope, string runtime)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(runtime)));
        return $"arn:aws:lambda:{scope.Region}::runtime:{hash}";
    }
}
