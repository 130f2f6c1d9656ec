using System.Reflection;
using System.Text;
using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.Lambda.Model;
using FakeAws.Lambda.Binding;
using LambdaEnvironment = FakeAws.Engine.Lambda.Model.Environment;

namespace FakeAws.Lambda;

/// <summary>
/// Lambda things a test needs that AWS has no API for: functions whose code is a delegate in the
/// test process, code for Handler strings of functions created over the wire, and a typed invoke that
/// needs no SDK package. Reach it as <c>aws.Lambda</c>; manage functions with the SDK's <c>AmazonLambdaClient</c>.
/// </summary>
public sealed class LambdaHelper
{
    private readonly FakeAwsCloud _cloud;
    private readonly HandlerResolver _resolver;

    internal LambdaHelper(FakeAwsCloud cloud)
    {
        _cloud = cloud;
        _resolver = new HandlerResolver(Processes);
        Engine = new LambdaEngine(cloud.Context, cloud.Options.Lambda, _resolver, request => FunctionUrlSignatures.Valid(request, cloud));
        Wire = new LambdaWireService(Engine, () => cloud.Context.Ids.NewGuid().ToString());
        FunctionUrls = new FunctionUrlWireService(Engine, cloud.Context);
    }

    internal LambdaEngine Engine { get; }

    /// <summary>The execution environments of functions that run in local processes (python3.x, nodejs*.x, provided*).</summary>
    internal Runtimes.ProcessRuntimes Processes { get; } = new();

    internal LambdaWireService Wire { get; }

    internal FunctionUrlWireService FunctionUrls { get; }

    /// <summary>
    /// Creates a handler for an <see cref="HttpClient"/> that calls function URLs in memory: a request to
    /// <c>https://{url-id}.lambda-url.{region}.on.aws/...</c> (the <c>FunctionUrl</c> that
    /// CreateFunctionUrlConfig returned) goes through the URL's auth type and resource-based policy, its
    /// CORS settings, the payload format 2.0 event, the invoke and the response mapping, and every
    /// failure is the response Lambda sends.
    /// </summary>
    /// <example><c>using var http = new HttpClient(aws.Lambda.CreateHttpMessageHandler()); await http.GetAsync(functionUrl);</c></example>
    public HttpMessageHandler CreateHttpMessageHandler() => new FunctionUrlHttpHandler(Engine, _cloud.Context);

    /// <summary>
    /// Creates a function whose code is <paramref name="handler"/>, as CreateFunction would (same
    /// checks, same configuration), and returns its ARN.
    /// </summary>
    /// <param name="name">The function's name.</param>
    /// <param name="handler">
    /// The handler, of any shape the .NET runtime accepts: <c>(Order order, ILambdaContext context) =&gt; receipt</c>,
    /// async, with a <see cref="Stream"/> or a <c>JsonElement</c> in and out, with or without the context.
    /// The context is <see cref="LambdaContext"/> or any interface of the same members, such as
    /// <c>Amazon.Lambda.Core.ILambdaContext</c>. Payloads use the serializer a <c>LambdaSerializer</c>
    /// attribute names (on the method, else its assembly), or else System.Text.Json with AWS's defaults.
    /// </param>
    /// <param name="configure">Sets the function's memory, timeout, environment, SnapStart, init code, ...</param>
    /// <exception cref="AwsServiceException">The function exists, or the configuration breaks one of Lambda's limits.</exception>
    /// <exception cref="ArgumentException">The delegate is not of a shape a Lambda handler can have.</exception>
    public string AddFunction(string name, Delegate handler, Action<LambdaFunctionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var options = new LambdaFunctionOptions();
        configure?.Invoke(options);
        HandlerCode code;
        try
        {
            code = HandlerCode.FromDelegate(handler, options.Init);
        }
        catch (LambdaValidationException e)
        {
            throw new ArgumentException(e.Message, nameof(handler), e);
        }
        var scope = _cloud.Context.Scope(options.Region);
        var request = new CreateFunctionRequest
        {
            FunctionName = name,
            Runtime = options.Runtime,
            Role = options.Role ?? $"arn:aws:iam::{scope.AccountId}:role/fakeaws-lambda",
            Handler = options.Handler ?? DefaultHandlerString(name, handler),
            Description = options.Description,
            Timeout = options.Timeout,
            MemorySize = options.MemorySize,
            EphemeralStorage = new EphemeralStorage { Size = options.EphemeralStorageSize },
            Environment = options.Environment.Count > 0 ? new LambdaEnvironment { Variables = new(options.Environment) } : null,
            Tags = options.Tags.Count > 0 ? new(options.Tags) : null,
            SnapStart = options.SnapStart ? new SnapStart { ApplyOn = "PublishedVersions" } : null,
        };
        // Without Publish, creating a function waits for nothing: the task is already complete.
        return Engine.AddFunction(scope, request, code).GetAwaiter().GetResult().FunctionArn!;
    }

    /// <summary>A named method shows as <c>Assembly::Type::Method</c>; a lambda's compiler-made name as <c>in-process::name</c>.</summary>
    private static string DefaultHandlerString(string name, Delegate handler)
    {
        var method = handler.Method;
        var named = $"{method.DeclaringType?.Assembly.GetName().Name}::{method.DeclaringType?.FullName}::{method.Name}";
        return named.Contains('<', StringComparison.Ordinal) || named.Length > 128 ? $"in-process::{name}" : named;
    }

    /// <summary>
    /// Invokes a function synchronously (RequestResponse) as the Invoke API does, with the same checks,
    /// throttles and errors, and returns its response and the tail of its log. A function that throws
    /// is an answer with <see cref="LambdaInvokeResult.FunctionError"/> set, not an exception.
    /// </summary>
    /// <example><c>var reply = await aws.Lambda.InvokeAsync("price", new Order("o-1", 10m));</c></example>
    /// <param name="functionName">A name, ARN or partial ARN; qualify it (<c>name:alias</c>) to invoke a version or alias.</param>
    /// <param name="payload">The event: a JSON string, UTF-8 bytes, or an object serialized with System.Text.Json; <c>{}</c> when null.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="AwsServiceException">Lambda refused the invoke: the function does not exist, is throttled, or the payload is too large.</exception>
    public async Task<LambdaInvokeResult> InvokeAsync(string functionName, object? payload = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        var bytes = payload switch
        {
            null => "{}"u8.ToArray(),
            string json => Encoding.UTF8.GetBytes(json),
            byte[] raw => raw,
            _ => JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType()),
        };
        var response = await _cloud.Context.Services.InvokeLambdaAsync(
            _cloud.Context.Scope(null), functionName, qualifier: null, bytes, cancellationToken, logType: "Tail").ConfigureAwait(false);
        return new LambdaInvokeResult(
            response.StatusCode ?? 200,
            Encoding.UTF8.GetString(response.Payload ?? []),
            response.FunctionError,
            response.ExecutedVersion,
            response.LogResult is { } tail ? Encoding.UTF8.GetString(Convert.FromBase64String(tail)) : "");
    }

    /// <summary>
    /// Gives functions created over the wire with this exact Handler string (for example by Terraform
    /// or CDK in a test, with any runtime) <paramref name="code"/> as their code. For handlers of the form
    /// <c>Assembly::Namespace.Type::Method</c>, register their assembly with <see cref="RegisterHandlerAssembly"/> instead.
    /// </summary>
    /// <param name="handler">The Handler string, such as <c>index.handler</c>.</param>
    /// <param name="code">A delegate of any shape <see cref="AddFunction"/> accepts.</param>
    public void RegisterHandler(string handler, Delegate code)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(code);
        try
        {
            _resolver.Register(handler, HandlerCode.FromDelegate(code, init: null));
        }
        catch (LambdaValidationException e)
        {
            throw new ArgumentException(e.Message, nameof(code), e);
        }
    }

    /// <summary>
    /// Declares <paramref name="zip"/> signed by AWS Signer with <paramref name="signingProfileVersionArn"/>,
    /// standing in for Signer's signing job, which FakeAws does not fake. Deployments of the same bytes
    /// (CreateFunction, UpdateFunctionCode, PublishLayerVersion) in the profile's account and region carry
    /// that signature: a code signing configuration that allows the profile accepts them under
    /// <c>Enforce</c>, and the function shows it as <c>SigningProfileVersionArn</c>. Any other package is
    /// unsigned, as a .zip uploaded directly is on AWS.
    /// </summary>
    /// <param name="zip">The deployment package or layer archive, byte for byte as it will be uploaded.</param>
    /// <param name="signingProfileVersionArn">The profile version, such as <c>arn:aws:signer:us-east-1:123456789012:/signing-profiles/MyProfile/abcdef1234</c>.</param>
    /// <exception cref="ArgumentException">The ARN does not name a region and an account.</exception>
    public void SignCode(byte[] zip, string signingProfileVersionArn)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(signingProfileVersionArn);
        var parts = signingProfileVersionArn.Split(':');
        if (parts.Length < 6 || parts[0] != "arn" || parts[3].Length == 0 || parts[4].Length == 0)
        {
            throw new ArgumentException($"'{signingProfileVersionArn}' is not a signing profile version ARN with a region and an account.", nameof(signingProfileVersionArn));
        }
        Engine.SignPackage(new RequestScope(parts[4], parts[3]), zip, signingProfileVersionArn);
    }

    /// <summary>
    /// Lets functions created over the wire name .NET handlers <c>Assembly::Namespace.Type::Method</c>
    /// in <paramref name="assembly"/>, found by reflection as the .NET runtime finds them (an instance
    /// method's type is constructed per execution environment). Only registered assemblies and
    /// FakeAws's built-in handlers can be named: any other assembly fails the invoke as a handler
    /// assembly Lambda cannot find, so a request cannot call arbitrary code of the process.
    /// </summary>
    /// <param name="assembly">The assembly of the handler types, such as <c>typeof(Function).Assembly</c>.</param>
    public void RegisterHandlerAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _resolver.RegisterAssembly(assembly);
    }
}
