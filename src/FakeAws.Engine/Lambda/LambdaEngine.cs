using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Code;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

/// <summary>
/// The in-memory Lambda service. Each public method named as an AWS operation takes the operation's
/// input shape and returns its output shape; the wire front door and other services (through the
/// cloud's service calls, <see cref="LambdaServiceCalls"/>) reach the same operations. Functions run in-process .NET code
/// (<see cref="ILambdaCode"/>), or their own package in a local process for python, node and custom
/// runtimes, in virtual time: timeouts, retries and concurrency follow the cloud's clock.
/// </summary>
/// <remarks>
/// Event source mappings read DynamoDB streams through <see cref="IEventSourcePoller"/>; other
/// sources (SQS, Kinesis, Kafka, MQ, DocumentDB) and filter criteria are refused as not supported
/// yet. A mapping's tumbling window and parallelization factor are kept and shown but not applied,
/// and its on-failure destination (SQS, SNS or S3, services FakeAws lacks) receives nothing.
/// Resource-based policies are enforced when another service invokes a function
/// (<see cref="LambdaOptions.EnforceResourcePolicies"/>); function URLs are served by
/// <see cref="InvokeFunctionUrlAsync"/>. Code signing configurations are enforced on deployments, with
/// a package signed only when the test declared it signed (AWS Signer is not faked). Capacity providers
/// (Lambda Managed Instances) and function scaling settings are stored and validated; no instances are
/// launched. Not implemented yet (answered with an error naming the operation and FakeAws): durable
/// executions. Container images and code from S3 are
/// refused with a clear error. Functions have no network, VPC or file system configuration beyond
/// echoing it back. Destinations other than Lambda functions, and dead-letter queues, are accepted but
/// receive nothing. Provisioned concurrency serves invocations from environments of its own (initialized
/// when first used, kept out of the invocation's log), then spills over on demand.
/// </remarks>
internal sealed partial class LambdaEngine : ILambdaOperations
{
    private static readonly JsonSerializerOptions CloneOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private readonly CloudContext _cloud;
    private readonly ILambdaCodeResolver _resolver;
    private readonly RegionalStore<LambdaRegion> _regions;
    private readonly Func<ApiGateway.Invoke.GatewayRequest, bool> _urlSignatureValid;

    /// <param name="cloud">The cloud's clock, ids and services.</param>
    /// <param name="options">The engine's tunables.</param>
    /// <param name="resolver">Finds code for Handler strings.</param>
    /// <param name="urlSignatureValid">
    /// Whether a request to an AWS_IAM function URL carries a SigV4 signature the cloud accepts (the
    /// wire layer checks it against the cloud's credentials); by default, whether it carries one at all.
    /// </param>
    public LambdaEngine(CloudContext cloud, LambdaOptions options, ILambdaCodeResolver resolver, Func<ApiGateway.Invoke.GatewayRequest, bool>? urlSignatureValid = null)
    {
        _cloud = cloud;
        _resolver = resolver;
        _urlSignatureValid = urlSignatureValid
            ?? (request => request.Header("Authorization")?.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal) == true);
        Options = options;
        _regions = new RegionalStore<LambdaRegion>(scope => new LambdaRegion(scope));
    }

    /// <summary>The engine's tunables.</summary>
    public LambdaOptions Options { get; }

    /// <summary>The state a snapshot of the cloud takes and puts back: everything, per account and region.</summary>
    public IStateStore State => _regions;

    /// <summary>Forgets every function. Invocations still running finish without effect.</summary>
    public void Reset() => _regions.Clear();

    private DateTimeOffset Now => _cloud.Now;

    private LambdaRegion Region(RequestScope scope) => _regions[scope];

    /// <summary>The function a request names (unqualified); its error names the function's ARN.</summary>
    private static LambdaFunction GetFunction(LambdaRegion region, string name) =>
        region.Functions.TryGetValue(name, out var function)
            ? function
            : throw LambdaErrors.FunctionNotFound(FunctionArns.Function(region.Scope, name));

    /// <summary>
    /// The function a request names; when the function is missing, a qualified name gets the
    /// qualified ARN into the error, as AWS words it for GetFunction and GetFunctionConfiguration.
    /// </summary>
    private static LambdaFunction GetFunction(LambdaRegion region, FunctionRef reference) =>
        region.Functions.TryGetValue(reference.Name, out var function)
            ? function
            : throw LambdaErrors.FunctionNotFound(reference.Qualifier is { } qualifier
                ? FunctionArns.Qualified(region.Scope, reference.Name, qualifier)
                : FunctionArns.Function(region.Scope, reference.Name));

    /// <summary>The version a qualifier names: $LATEST, a version number or an alias.</summary>
    private static FunctionVersion GetVersion(LambdaFunction function, string? qualifier)
    {
        qualifier ??= FunctionArns.Latest;
        if (FunctionArns.IsAlias(qualifier))
        {
            return function.Aliases.TryGetValue(qualifier, out var alias) && function.FindVersion(alias.FunctionVersion) is { } target
                ? target
                : throw LambdaErrors.FunctionNotFound(FunctionArns.Qualified(function.Scope, function.Name, qualifier));
        }
        return function.FindVersion(qualifier)
            ?? throw LambdaErrors.FunctionNotFound(FunctionArns.Qualified(function.Scope, function.Name, qualifier));
    }

    /// <summary>
    /// The configuration of <paramref name="version"/> as a response shows it: a copy, with the state
    /// and update status it has at the current virtual time. The response of the create, update or
    /// publish itself (<paramref name="justChanged"/>) always shows Pending or InProgress, as AWS's does.
    /// </summary>
    private FunctionConfiguration Describe(FunctionVersion version, string functionArn, bool justChanged = false)
    {
        var config = Clone(version.Config);
        config.FunctionArn = functionArn;
        if (version.FailedReason is { } reason)
        {
            config.State = "Failed";
            config.StateReason = reason;
            config.StateReasonCode = "FunctionError.RuntimeInitError";
            return config;
        }
        var ready = !justChanged && Now >= version.ReadyAt;
        if (ready)
        {
            config.RevisionId = version.RevisionId;
        }
        if (!ready && !version.IsUpdate)
        {
            config.State = "Pending";
            config.StateReason = "The function is being created.";
            config.StateReasonCode = "Creating";
            return config;
        }
        config.State = "Active";
        if (ready)
        {
            config.LastUpdateStatus = "Successful";
        }
        else
        {
            config.LastUpdateStatus = "InProgress";
            config.LastUpdateStatusReason = "The function is being created.";
            config.LastUpdateStatusReasonCode = "Creating";
        }
        return config;
    }

    /// <summary>
    /// A configuration as ListFunctions and ListVersionsByFunction show it: AWS leaves out the state,
    /// the update status and the runtime version there.
    /// </summary>
    private FunctionConfiguration Listed(FunctionVersion version, string functionArn)
    {
        var config = Describe(version, functionArn);
        config.State = null;
        config.StateReason = null;
        config.StateReasonCode = null;
        config.LastUpdateStatus = null;
        config.LastUpdateStatusReason = null;
        config.LastUpdateStatusReasonCode = null;
        config.RuntimeVersionConfig = null;
        return config;
    }

    /// <summary>The RevisionId a caller sees now, which a RevisionId in a request must match.</summary>
    private string CurrentRevisionId(FunctionVersion version) => Now >= version.ReadyAt ? version.RevisionId : version.Config.RevisionId!;

    private static T Clone<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, CloneOptions), CloneOptions)!;

    /// <summary>The same members as another shape of the model (operations whose outputs repeat one another's), by name.</summary>
    private static T Reshape<T>(object value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), CloneOptions), CloneOptions)!;

    /// <summary>Lambda's LastModified strings: <c>2024-01-01T00:00:00.000+0000</c>.</summary>
    private string Timestamp() => Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    private string NewRevisionId() => _cloud.Ids.NewGuid().ToString();

    private DateTimeOffset ReadyAt() => Now + Options.StateTransitionDelay;
}
