using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using FakeAws.Cognito;
using FakeAws.ApiGateway;
using FakeAws.Cloud;
using FakeAws.Dax;
using FakeAws.DynamoDb;
using FakeAws.DynamoDbStreams;
using FakeAws.Engine.Cognito;
using FakeAws.Engine.Cognito.Identity;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDbStreams;
using FakeAws.Lambda;
using FakeAws.Engine.StepFunctions;
using FakeAws.Protocol;
using FakeAws.Sdk;
using FakeAws.StepFunctions;

namespace FakeAws;

/// <summary>
/// One fake AWS cloud: in-memory services for one account, on one virtual clock. Official SDK
/// clients made or configured by it send every request here, in memory, with no socket or DNS lookup.
/// Two clouds in one process share nothing.
/// </summary>
/// <example>
/// <code>
/// using var aws = new FakeAwsCloud();
/// var ddb = aws.CreateClient&lt;AmazonDynamoDBClient&gt;();
/// aws.Clock.Advance(TimeSpan.FromHours(25));
/// await aws.RunUntilIdleAsync();
/// </code>
/// </example>
public sealed partial class FakeAwsCloud : IDisposable
{
    private readonly InMemoryHttpHandler _handler;
    private readonly Lazy<HttpClient> _httpClient;
    // Each service is built when first used (a request routed to it, a service call, its helper), so
    // an empty cloud costs almost nothing and a test pays only for the services it touches.
    private readonly Lazy<DynamoDbModule> _dynamoDb;
    private readonly Lazy<DaxModule> _dax;
    private readonly Lazy<LambdaModule> _lambda;
    private readonly Lazy<StepFunctionsModule> _stepFunctions;
    private readonly Lazy<CognitoModule> _cognito;
    private readonly Lazy<ApiGatewayModule> _apiGateway;
    private volatile bool _disposed;

    /// <summary>Creates a cloud with default options: us-east-1, account 123456789012, its own virtual clock.</summary>
    public FakeAwsCloud()
        : this(new FakeAwsOptions())
    {
    }

    /// <summary>Creates a cloud with the given options.</summary>
    public FakeAwsCloud(FakeAwsOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.CallLogCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ArrivalWindow, TimeSpan.Zero);
        Options = options.Clone();
        Id = LiveClouds.Add(this);
        Clock = Options.TimeProvider is null ? VirtualClock.StartingNow() : new VirtualClock(Options.TimeProvider);
        Clock.Scheduler.Arrivals.QuietTime = Options.ArrivalWindow;
        Context = new CloudContext(Options.AccountId, Options.Region, Clock, Options.Seed);
        Calls = new CallLog(Options.RecordCalls, Options.CallLogCapacity);
        Faults = new FaultInjector(Options.Seed);
        Interceptor = new CallInterceptor(Clock, Calls, Faults);
        Router = new WireRouter(this);
        _handler = new InMemoryHttpHandler(Router);
        _httpClient = new(CreateHttpClient);

        _dynamoDb = Defer(() => new DynamoDbModule(this), DynamoDbModule.Routes);
        _dax = Defer(() => new DaxModule(this, _dynamoDb.Value), DaxModule.Routes(Id));
        _lambda = Defer(() => new LambdaModule(this, _dynamoDb.Value), LambdaModule.Routes);
        _stepFunctions = Defer(() => new StepFunctionsModule(this), StepFunctionsModule.Routes);
        // _cognito is read at request time, after the constructor has set it.
        var domains = CognitoDomainService.RoutingOf(host => IfBuilt(_cognito!)?.UserPools.DomainForHost(host) is not null);
        _cognito = Defer(() => new CognitoModule(this, domains), CognitoModule.Routes(domains));
        var executeApi = ExecuteApiWireService.RoutingOf(host => IfBuilt(_apiGateway!)?.Helper.IsCustomDomain(host) == true);
        _apiGateway = Defer(() => new ApiGatewayModule(this, _cognito.Value, executeApi), ApiGatewayModule.Routes(executeApi));
        Context.Services = new ServiceCalls(Router);
    }

    /// <summary>The options the cloud was created with.</summary>
    public FakeAwsOptions Options { get; }

    /// <summary>The cloud's id, unique in the process; clients address it as <see cref="ServiceUrl"/>.</summary>
    public string Id { get; }

    /// <summary>The endpoint every client of this cloud uses. It is under <c>.invalid</c>, so it can never reach a real host.</summary>
    public string ServiceUrl => $"http://{Id}{LiveClouds.HostSuffix}";

    /// <summary>The cloud's one clock. Move it with <see cref="VirtualClock.Advance"/>.</summary>
    public VirtualClock Clock { get; }

    /// <summary>DAX clusters in front of the cloud's DynamoDB, and clients that read through their caches: <c>aws.Dax.CreateClient("cache")</c>.</summary>
    public FakeDax Dax => Built(_dax).Helper;

    /// <summary>Lambda functions whose code runs in the test process: <c>aws.Lambda.AddFunction(...)</c>.</summary>
    public LambdaHelper Lambda => Built(_lambda).Helper;

    /// <summary>Deployed REST and HTTP APIs called in memory, and token issuers their authorizers trust: <c>aws.ApiGateway.CreateHttpClient(...)</c>.</summary>
    public ApiGatewayHelper ApiGateway => Built(_apiGateway).Helper;

    /// <summary>Every call the cloud answered, in order, including calls between its services: <c>aws.Calls.Of("dynamodb", "PutItem")</c>.</summary>
    public CallLog Calls { get; }

    /// <summary>Faults injected into the cloud's calls: <c>aws.Faults.Add(new FaultRule { ... })</c>.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The credentials FakeAws gives the clients it makes. FakeAws does not check signatures.</summary>
    public AWSCredentials Credentials { get; } = new BasicAWSCredentials("AKIAFAKEAWS000000000", "fakeaws-secret-access-key");

    internal CloudContext Context { get; }

    internal CallInterceptor Interceptor { get; }

    /// <summary>False once the cloud is disposed.</summary>
    internal bool IsAlive => !_disposed;
    internal WireRouter Router { get; }
    internal HttpClient HttpClient => _httpClient.Value;
    internal DynamoDbEngine DynamoDb => _dynamoDb.Value.Engine;
    internal DynamoDbWireService DynamoDbWire => _dynamoDb.Value.Wire;
    internal RequestIds DynamoDbRequestIds => _dynamoDb.Value.RequestIds;
    internal DynamoDbFastPath DynamoDbFastPath => _dynamoDb.Value.FastPath;
    internal DaxModule DaxModule => _dax.Value;
    internal CognitoIdentityProviderEngine CognitoIdentityProvider => _cognito.Value.UserPools;
    internal CognitoIdentityEngine CognitoIdentity => _cognito.Value.IdentityPools;

    /// <summary>API Gateway's helper when the service is built, else null (FakeAws.Server asks for custom domains without building it).</summary>
    internal ApiGatewayHelper? ApiGatewayIfBuilt => IfBuilt(_apiGateway)?.Helper;

    /// <summary>Cognito's test helpers: codes sent to users, TOTP codes, and the JWKS handler for JWT validation.</summary>
    public FakeCognito Cognito => Built(_cognito).Helper;

    /// <summary>The cloud's Step Functions: canned Task results for tests (<see cref="FakeStepFunctions.Mock"/>).</summary>
    public FakeStepFunctions StepFunctions => Built(_stepFunctions).Helper;

    /// <summary>
    /// Creates an official SDK client of any service, wired to this cloud. The client type needs a
    /// constructor taking <see cref="AWSCredentials"/> and its config, as every SDK client has.
    /// </summary>
    /// <typeparam name="T">For example <c>AmazonDynamoDBClient</c>, or <c>AmazonLambdaClient</c> from a package FakeAws never saw.</typeparam>
    /// <param name="region">The region the client works in; <see cref="FakeAwsOptions.Region"/> when null.</param>
    public T CreateClient<T>(string? region = null) where T : AmazonServiceClient => (T)CreateClient(typeof(T), region);

    /// <summary>Creates an official SDK client of <paramref name="clientType"/>, wired to this cloud.</summary>
    public AmazonServiceClient CreateClient(Type clientType, string? region = null)
    {
        ThrowIfDisposed();
        var constructor = clientType.GetConstructors().FirstOrDefault(c =>
        {
            var parameters = c.GetParameters();
            return parameters.Length == 2 && parameters[0].ParameterType == typeof(AWSCredentials)
                && typeof(ClientConfig).IsAssignableFrom(parameters[1].ParameterType);
        }) ?? throw new ArgumentException($"{clientType.Name} has no constructor (AWSCredentials, ClientConfig); is it an AWS SDK client?", nameof(clientType));
        var config = (ClientConfig)Activator.CreateInstance(constructor.GetParameters()[1].ParameterType)!;
        Configure(config, region);
        try
        {
            return (AmazonServiceClient)constructor.Invoke([Credentials, config]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>
    /// Points a config the caller built at this cloud: its endpoint, signing region, in-memory HTTP,
    /// default credentials (so no credential probe reaches the network) and, unless the config sets
    /// <c>MaxErrorRetry</c> itself, no automatic retries. A client that retries backs off on the cloud's
    /// virtual clock, not the wall clock. Other settings stay as they were.
    /// </summary>
    /// <param name="config">Any service's config, for example <c>new AmazonDynamoDBConfig()</c>.</param>
    /// <param name="region">The region; the config's own region or <see cref="FakeAwsOptions.Region"/> when null.</param>
    public TConfig Configure<TConfig>(TConfig config, string? region = null) where TConfig : ClientConfig
    {
        ThrowIfDisposed();
        region ??= ClientRegions.Of(config) ?? Options.Region;
        config.ServiceURL = ServiceUrl;
        config.AuthenticationRegion = region;
        config.HttpClientFactory = new FakeHttpClientFactory(this);
        if (!config.IsMaxErrorRetrySet)
        {
            config.MaxErrorRetry = 0;
        }
        config.DisableHostPrefixInjection = true;
        config.DefaultAWSCredentials ??= Credentials;
        return config;
    }

    /// <summary>Runs the cloud's pending work until it is idle; see <see cref="VirtualClock.RunUntilIdleAsync"/>.</summary>
    public Task RunUntilIdleAsync(TimeSpan? horizon = null, CancellationToken cancellationToken = default) =>
        Clock.RunUntilIdleAsync(horizon, cancellationToken);

    /// <summary>
    /// An HttpMessageHandler that serves raw AWS wire requests from this cloud, for tools that speak HTTP
    /// themselves: give it to an <see cref="HttpClient"/> with <see cref="ServiceUrl"/> as its base address.
    /// The service is picked as on AWS, by the SigV4 credential scope, X-Amz-Target or path; signatures are not checked.
    /// </summary>
    public HttpMessageHandler CreateHttpMessageHandler()
    {
        ThrowIfDisposed();
        return new InMemoryHttpHandler(Router);
    }

    /// <summary>
    /// Runs any operation of a service with a JSON protocol (<c>dynamodb</c>, <c>states</c>,
    /// <c>cognito-idp</c>, <c>cognito-identity</c>) without its SDK package, with the same checks and
    /// errors as a client's request. Input and output use the member names of AWS's API reference.
    /// </summary>
    /// <example><c>var machines = await aws.CallAsync("states", "ListStateMachines");</c></example>
    /// <param name="service">The service's signing name.</param>
    /// <param name="operation">The operation, as AWS names the action, for example <c>CreateUserPool</c>.</param>
    /// <param name="input">The input: a <see cref="JsonNode"/>, a JSON string, or an object serialized as it is; null for none.</param>
    /// <param name="region">The region; <see cref="FakeAwsOptions.Region"/> when null.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The output as JSON.</returns>
    /// <exception cref="AwsServiceException">The service's error, as a client would get it.</exception>
    public Task<JsonNode?> CallAsync(string service, string operation, object? input = null, string? region = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var parameters = input switch
        {
            null => null,
            JsonNode node => node,
            string json => JsonNode.Parse(json),
            _ => JsonSerializer.SerializeToNode(input),
        };
        return Context.Services.CallJsonAsync(service, operation, Context.Scope(region), parameters, cancellationToken);
    }

    /// <summary>Clears every service's state and all pending work. The clock keeps its time.</summary>
    public void Reset()
    {
        foreach (var module in BuiltModules())
        {
            module.Reset();
        }
        Clock.Scheduler.Clear();
    }

    /// <summary>
    /// Forgets the cloud: its clients, handlers and helpers throw <see cref="ObjectDisposedException"/> from then on.
    /// A cloud that is never disposed holds nothing process-wide and is collected with its clients.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        LiveClouds.Remove(this);
        foreach (var module in BuiltModules())
        {
            module.Release();
        }
        if (_httpClient.IsValueCreated)
        {
            _httpClient.Value.Dispose();
        }
        _handler.Dispose();
    }

    internal HttpClient CreateHttpClient() => new(_handler, disposeHandler: false);

    // The module's front doors go on the router now, each building the module on its first request.
    private Lazy<T> Defer<T>(Func<T> build, IReadOnlyList<WireRoute> routes) where T : ServiceModule
    {
        // However the module is first reached (a request, a service call, the fast path, a helper), its
        // operations go through the interceptor from the moment it exists.
        var module = new Lazy<T>(() => Intercepted(build()), LazyThreadSafetyMode.ExecutionAndPublication);
        for (var i = 0; i < routes.Count; i++)
        {
            var index = i;
            Router.Register(new DeferredFrontDoor(routes[i], () => module.Value.FrontDoors[index]));
        }
        return module;
    }

    // A service never built has no state to clear and nothing to release.
    private IEnumerable<ServiceModule> BuiltModules() => Modules(buildAll: false);

    // The modules in the order the cloud composes them: those built so far, or all of them, built now.
    private IEnumerable<ServiceModule> Modules(bool buildAll)
    {
        ServiceModule? Get<T>(Lazy<T> module) where T : ServiceModule => buildAll ? module.Value : IfBuilt(module);
        return new[] { Get(_dynamoDb), Get(_dax), Get(_lambda), Get(_stepFunctions), Get(_cognito), Get(_apiGateway) }.OfType<ServiceModule>();
    }

    private T Intercepted<T>(T module) where T : ServiceModule
    {
        foreach (var frontDoor in module.FrontDoors)
        {
            Router.Intercepted(frontDoor);
        }
        return module;
    }

    private static T? IfBuilt<T>(Lazy<T> module) where T : ServiceModule => module.IsValueCreated ? module.Value : null;

    // A disposed cloud's helpers are not built any more.
    private T Built<T>(Lazy<T> module)
    {
        if (!module.IsValueCreated)
        {
            ThrowIfDisposed();
        }
        return module.Value;
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
