using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FakeAws.Engine.ApiGateway.Auth;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.ApiGateway.Throttling;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.Invoke;

// REST APIs (v1): stage, resource policy, resource and method, throttles, authorizers, API keys and usage plans, integration.
internal sealed partial class ApiGatewayInvoker
{
    private readonly ConditionalWeakTable<RestApiSnapshot, ResourceMatcher> _matchers = [];
    private readonly RequestValidation _validation = new();

    /// <summary>
    /// What a REST API request reads from the stage under the region's lock: the deployment it is
    /// served by (the canary's, for a request that went to the canary), whether it went to the
    /// canary (null when the stage has none) and whether the stage's cache serves it.
    /// </summary>
    private sealed record RestStage(RestApiSnapshot Snapshot, string Stage, string Path, Dictionary<string, string>? Variables, Dictionary<string, MethodSetting> Settings,
        bool? IsCanary, bool UsesCache);

    private async Task<GatewayResponse> ServeRestAsync(ApiGatewayRegion region, string apiId, string? stageName, GatewayRequest request)
    {
        var (name, path) = stageName is null ? SplitStage(request.Path) : (stageName, request.Path);
        var stage = ReadRestStage(region, apiId, name, path, request);
        if (stage is null)
        {
            return RestGatewayErrors.Forbidden();
        }
        var context = NewContext(region, apiId, stage.Stage, stage.Path, request);
        context.DeploymentId = stage.Snapshot.DeploymentId;
        context.StageVariables = stage.Variables;
        context.IsCanaryRequest = stage.IsCanary;
        var response = CustomGatewayResponses.Apply(await RestChainAsync(region, stage, context).ConfigureAwait(false), stage.Snapshot, context);
        response.Set("x-amzn-RequestId", context.RequestId);
        response.Set("x-amz-apigw-id", context.ExtendedRequestId);
        response.Set("X-Amzn-Trace-Id", context.TraceId);
        return response;
    }

    private RestStage? ReadRestStage(ApiGatewayRegion region, string apiId, string stageName, string path, GatewayRequest request)
    {
        lock (region.Gate)
        {
            if (!region.RestApis.TryGetValue(apiId, out var api) || !api.Stages.TryGetValue(stageName, out var stage)
                || !api.Deployments.TryGetValue(stage.DeploymentId ?? "", out var deployment))
            {
                return null;
            }
            // A private API answers only through a VPC endpoint; a disabled default endpoint answers only through custom domains.
            if ((deployment.Snapshot.IsPrivate && request.VpcEndpointId is null) || (api.Api.DisableExecuteApiEndpoint == true && request.CustomDomain is null))
            {
                return null;
            }
            var variables = stage.Variables is { Count: > 0 } own ? new Dictionary<string, string>(own) : null;
            bool? isCanary = null;
            var usesCache = stage.CacheClusterEnabled == true;
            // A canary takes its share of the requests, drawn on the cloud's seeded random, with its
            // own deployment and its stage variable overrides over the stage's variables.
            if (stage.CanarySettings is { } canary && api.Deployments.TryGetValue(canary.DeploymentId ?? "", out var canaryDeployment))
            {
                isCanary = _ids.ToCanary(canary.PercentTraffic ?? 0);
                if (isCanary == true)
                {
                    deployment = canaryDeployment;
                    usesCache &= canary.UseStageCache == true;
                    foreach (var (name, value) in canary.StageVariableOverrides ?? [])
                    {
                        (variables ??= new(StringComparer.Ordinal))[name] = value;
                    }
                }
            }
            return new RestStage(deployment.Snapshot, stageName, path, variables, new(stage.MethodSettings ?? [], StringComparer.Ordinal), isCanary, usesCache);
        }
    }

    private async Task<GatewayResponse> RestChainAsync(ApiGatewayRegion region, RestStage stage, InvocationContext context)
    {
        var request = context.Request;
        var match = _matchers.GetValue(stage.Snapshot, s => new ResourceMatcher(s)).Match(request.Method, context.Path);
        if (match is null)
        {
            return RestGatewayErrors.MissingAuthenticationToken();
        }
        context.ResourcePath = match.Resource.Path;
        context.ResourceId = match.Resource.Id;
        context.PathParameters = match.PathParameters;

        var settingKey = $"{match.Resource.Path.TrimStart('/').Replace("/", "~1", StringComparison.Ordinal)}/{request.Method}";
        if ((stage.Settings.GetValueOrDefault(settingKey) ?? stage.Settings.GetValueOrDefault("*/*")) is { ThrottlingRateLimit: { } rate } setting
            && !region.Usage.TryTake($"stage/{context.ApiId}/{context.Stage}/{settingKey}", rate, setting.ThrottlingBurstLimit ?? 0, _cloud.Now))
        {
            return RestGatewayErrors.Throttled();
        }
        if (ResourcePolicy(stage.Snapshot, match.Method, context) is { } denied)
        {
            return denied;
        }
        var authorization = await _restAuthorization.AuthorizeAsync(region, stage.Snapshot, match.Method, context).ConfigureAwait(false);
        if (authorization.Denied is { } unauthorized)
        {
            return unauthorized;
        }
        if (match.Method.ApiKeyRequired == true && Meter(region, stage.Snapshot, match, context, authorization.UsageIdentifierKey) is { } metered)
        {
            return metered;
        }
        if (await _validation.CheckAsync(stage.Snapshot, match.Method, context).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }
        var integration = match.Method.MethodIntegration!;
        var cache = CacheTtl(stage, settingKey, request.Method) is { } ttl ? (Key: CacheKey(integration, context), Ttl: ttl) : default;
        if (cache.Key is not null && region.StageCache.TryGet(context.ApiId, context.Stage, cache.Key, _cloud.Now) is { } cached)
        {
            return cached;
        }
        var answer = await IntegrateAsync(integration, stage.Snapshot, context).ConfigureAwait(false);
        if (cache.Key is not null && answer is { Status: >= 200 and < 300, ResponseType: null })
        {
            region.StageCache.Put(context.ApiId, context.Stage, cache.Key, answer, cache.Ttl, _cloud.Now);
        }
        return answer;
    }

    /// <summary>The integration's answer, mapped to the method's response: Lambda proxy, HTTP proxy, or through mapping templates.</summary>
    private async Task<GatewayResponse> IntegrateAsync(Integration integration, RestApiSnapshot snapshot, InvocationContext context) => integration.Type switch
    {
        "AWS_PROXY" => await LambdaProxyAsync(integration, snapshot, context).ConfigureAwait(false),
        "HTTP_PROXY" => await HttpProxyAsync(integration, context).ConfigureAwait(false),
        _ => await NonProxyAsync(integration, snapshot.BinaryMediaTypes, context).ConfigureAwait(false),
    };

    /// <summary>
    /// How long the stage caches this method's answers, or null when it does not: the stage's cache
    /// must be on, and caching enabled for the method, or for <c>*/*</c>, which covers GET only.
    /// </summary>
    private static TimeSpan? CacheTtl(RestStage stage, string settingKey, string method)
    {
        if (!stage.UsesCache)
        {
            return null;
        }
        var setting = stage.Settings.GetValueOrDefault(settingKey) is { CachingEnabled: not null } own ? own
            : method == "GET" ? stage.Settings.GetValueOrDefault("*/*")
            : null;
        return setting is { CachingEnabled: true } && (setting.CacheTtlInSeconds ?? 300) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>
    /// The cache key: the integration's cache namespace (its resource, unless set), the method, and the
    /// values of its cache key parameters (<c>method.request.querystring.x</c>, <c>.header.x</c>, <c>.path.x</c>).
    /// Path parameters not named there are not part of it, as on AWS.
    /// </summary>
    private static string CacheKey(Integration integration, InvocationContext context)
    {
        var key = new System.Text.StringBuilder($"{integration.CacheNamespace}\n{context.Request.Method}");
        foreach (var parameter in integration.CacheKeyParameters ?? [])
        {
            var value = parameter.Split('.') switch
            {
                ["method", "request", "querystring", var name] => RequestParts.Query(context.Request.RawQuery).LastOrDefault(q => q.Key == name).Value,
                ["method", "request", "multivaluequerystring", var name] =>
                    string.Join(",", RequestParts.Query(context.Request.RawQuery).Where(q => q.Key == name).Select(q => q.Value)),
                ["method", "request", "header", var name] => context.Request.Header(name),
                ["method", "request", "path", var name] => context.PathParameters.GetValueOrDefault(name),
                _ => null,
            };
            key.Append('\n').Append(parameter).Append('=').Append(value);
        }
        return key.ToString();
    }

    /// <summary>The API's resource policy, as deployed: an explicit deny, or no allow for a caller not signed with IAM, stops the request.</summary>
    private static GatewayResponse? ResourcePolicy(RestApiSnapshot snapshot, Method method, InvocationContext context)
    {
        if (snapshot.Policy is not { } text)
        {
            return null;
        }
        var methodArn = context.MethodArn(context.Request.Method, context.Path);
        var signed = method.AuthorizationType == "AWS_IAM" && RestAuthorization.SignedAccessKey(context.Request) is not null;
        using var policy = JsonDocument.Parse(text);
        PolicyDecision decision;
        try
        {
            decision = IamPolicy.Evaluate(policy.RootElement, methodArn, context.ApiArn, new PolicyFacts(context.Request.SourceIp, context.Request.VpcEndpointId, signed));
        }
        catch (FormatException)
        {
            return RestGatewayErrors.InternalServerError();
        }
        return decision switch
        {
            PolicyDecision.ExplicitDeny => RestGatewayErrors.ResourcePolicyDenied(methodArn, explicitDeny: true),
            PolicyDecision.ImplicitDeny when !signed => RestGatewayErrors.ResourcePolicyDenied(methodArn, explicitDeny: false),
            _ => null,
        };
    }

    /// <summary>
    /// A method that requires an API key: the key comes from x-api-key, or from the authorizer when
    /// the API's key source is AUTHORIZER; per-method throttles are keyed <c>{path}/{method}</c>.
    /// </summary>
    private GatewayResponse? Meter(ApiGatewayRegion region, RestApiSnapshot snapshot, ResourceMatch match, InvocationContext context, string? authorizerKey) =>
        ApiKeyMetering.Meter(region, snapshot.ApiKeySource == "AUTHORIZER" ? authorizerKey : context.Request.Header("x-api-key"),
            $"{match.Resource.Path}/{context.Request.Method}", context, _cloud.Now);

    private async Task<GatewayResponse> LambdaProxyAsync(Integration integration, RestApiSnapshot snapshot, InvocationContext context)
    {
        if (IntegrationUris.LambdaFunction(IntegrationUris.WithStageVariables(integration.Uri ?? "", context.StageVariables)) is not { } function)
        {
            return RestGatewayErrors.InternalServerError();
        }
        var payload = ProxyEvents.Rest(context, snapshot.BinaryMediaTypes);
        var timeout = TimeSpan.FromMilliseconds(integration.TimeoutInMillis ?? 29000);
        var call = await _lambda.InvokeAsync(context, function, payload, timeout, integration.Credentials).ConfigureAwait(false);
        if (call.TimedOut)
        {
            return RestGatewayErrors.Timeout();
        }
        if (call.Refused is not null)
        {
            return RestGatewayErrors.InternalServerError();
        }
        return call.Succeeded && ProxyResponses.FromFormat1(call.Result!.Payload ?? []) is { } response ? response : RestGatewayErrors.BadGateway();
    }
}
