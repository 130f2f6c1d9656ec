using System.Security.Cryptography;
using FakeAws.Engine.ApiGateway;
using FakeAws.Engine.ApiGateway.Auth;
using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.ApiGateway.V2;
using FakeAws.Engine.ApiGateway.V2.WebSocket;
using FakeAws.ApiGateway.WebSocket;
using FakeAws.Protocol;
using System.Net.WebSockets;

namespace FakeAws.ApiGateway;

/// <summary>
/// API Gateway things a test needs that AWS has no API for: an <see cref="HttpClient"/> that calls a
/// deployed REST or HTTP API in memory, and token issuers the JWT and Cognito authorizers trust.
/// Reach it as <c>aws.ApiGateway</c>; build the APIs with the <c>apigateway</c> and
/// <c>apigatewayv2</c> APIs (any SDK, the AWS CLI or boto3 against FakeAws.Server).
/// </summary>
public sealed class ApiGatewayHelper
{
    private readonly FakeAwsCloud _cloud;
    private readonly TrustedIssuers _trusted = new();

    internal ApiGatewayHelper(FakeAwsCloud cloud, WireRoute executeApi)
    {
        _cloud = cloud;
        var ids = new ApiGatewayIds(cloud.Context.Ids);
        Store = new ApiGatewayStore();
        Issuers.Add(_trusted);
        Invoker = new ApiGatewayInvoker(cloud.Context, Store, ids, Issuers);
        Wire = new ApiGatewayWireService(new ApiGatewayEngine(cloud.Context, Store, ids, Invoker), ids.RequestId);
        WireV2 = new ApiGatewayV2WireService(new ApiGatewayV2Engine(cloud.Context, Store, ids), ids.RequestId);
        WebSockets = new WebSocketGateway(cloud.Context, Store, ids);
        Connections = new ConnectionsWireService(WebSockets, ids.RequestId);
        ExecuteApi = new ExecuteApiWireService(this, executeApi);
    }

    internal ApiGatewayStore Store { get; }

    internal ApiGatewayInvoker Invoker { get; }

    /// <summary>
    /// Where the authorizers find issuers' signing keys. Issuers a test trusts come first; the cloud
    /// adds its Cognito user pools here (<see cref="JwksSources.Add"/>).
    /// </summary>
    internal JwksSources Issuers { get; } = new();

    internal ApiGatewayWireService Wire { get; }

    internal ApiGatewayV2WireService WireV2 { get; }

    internal ExecuteApiWireService ExecuteApi { get; }

    /// <summary>WebSocket APIs' connections, and the <c>@connections</c> API over them.</summary>
    internal WebSocketGateway WebSockets { get; }

    internal ConnectionsWireService Connections { get; }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> that calls the deployed API <paramref name="apiId"/> at
    /// <paramref name="stage"/>, in memory: its requests go through routing, authorization,
    /// throttling, the proxy event, the Lambda invoke and the response mapping, and every failure
    /// is the response AWS sends. Its base address is the API's invoke URL
    /// (<c>https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/</c>; an HTTP API's
    /// <c>$default</c> stage is at the root), so relative paths such as <c>"items/1"</c> reach the stage.
    /// </summary>
    /// <param name="apiId">The id of a REST API (v1) or HTTP API (v2) of this cloud.</param>
    /// <param name="stage">The stage, such as <c>prod</c>, or <c>$default</c>.</param>
    /// <param name="vpcEndpointId">For a PRIVATE REST API: the VPC endpoint the requests come through (as <c>aws:SourceVpce</c>).</param>
    /// <exception cref="ArgumentException">The cloud has no API with that id.</exception>
    public HttpClient CreateHttpClient(string apiId, string stage, string? vpcEndpointId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiId);
        ArgumentException.ThrowIfNullOrEmpty(stage);
        var region = Store.FindApi(_cloud.Context.AccountId, apiId)
            ?? throw new ArgumentException($"This cloud has no REST or HTTP API with id '{apiId}'.", nameof(apiId));
        var host = ExecuteApiRequests.HostName(apiId, region.Scope.Region, vpcEndpointId);
        var path = stage == "$default" ? "/" : $"/{Uri.EscapeDataString(stage)}/";
        return new HttpClient(new ExecuteApiHttpHandler(this)) { BaseAddress = new Uri($"https://{host}{path}") };
    }

    /// <summary>
    /// Connects a WebSocket client to <paramref name="stage"/> of the WebSocket API
    /// <paramref name="apiId"/>, in memory, as a client of
    /// <c>wss://{apiId}.execute-api.{region}.amazonaws.com/{stage}</c>: the <c>$connect</c> route's
    /// integration sees the headers and query string, and refusing (a status other than 2xx) fails the
    /// connection as it fails a <see cref="ClientWebSocket"/>.
    /// </summary>
    /// <param name="apiId">The id of a WebSocket API of this cloud.</param>
    /// <param name="stage">The stage, such as <c>production</c>.</param>
    /// <param name="headers">Headers of the upgrade request (such as an Authorization header), or null.</param>
    /// <param name="queryString">The upgrade request's query string without the <c>?</c> (<c>token=abc</c>), or null.</param>
    /// <param name="cancellationToken">Stops waiting for <c>$connect</c>.</param>
    /// <exception cref="ArgumentException">The cloud has no WebSocket API with that id.</exception>
    /// <exception cref="WebSocketException">The API refused the connection: the stage does not exist (403), or <c>$connect</c> answered another status than 2xx.</exception>
    public async Task<FakeWebSocketConnection> ConnectWebSocketAsync(
        string apiId, string stage, IEnumerable<KeyValuePair<string, string>>? headers = null, string? queryString = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiId);
        ArgumentException.ThrowIfNullOrEmpty(stage);
        if (!WebSockets.IsWebSocketApi(_cloud.Context.AccountId, apiId))
        {
            throw new ArgumentException($"This cloud has no WebSocket API with id '{apiId}'.", nameof(apiId));
        }
        var request = new GatewayRequest
        {
            Method = "GET",
            Path = "/",
            RawQuery = queryString ?? "",
            Headers = [.. headers ?? [], new("Sec-WebSocket-Version", "13")],
            SourceIp = ExecuteApiHttpHandler.SourceIp,
        };
        var result = await WebSockets.ConnectAsync(_cloud.Context.AccountId, apiId, stage, request, cancellationToken).ConfigureAwait(false);
        return result.Connection is { } connection
            ? new FakeWebSocketConnection(WebSockets, connection)
            : throw new WebSocketException(WebSocketError.NotAWebSocket, $"The server returned status code '{result.Refusal!.Status}' when status code '101' was expected.");
    }

    /// <summary>
    /// What REST APIs' HTTP and HTTP_PROXY integrations send their requests through. Null (the
    /// default) sends them over the network, as API Gateway does; give an in-memory handler to
    /// answer them in the test (a fake backend), or a handler of a test server.
    /// </summary>
    public HttpMessageHandler? HttpIntegrationHandler
    {
        get => Invoker.HttpHandler;
        set => Invoker.HttpHandler = value;
    }

    /// <summary>
    /// Trusts tokens of <paramref name="issuer"/> signed with a key of <paramref name="jwks"/>: an
    /// HTTP API's JWT authorizer for that issuer, and a REST API's Cognito authorizer whose user pool
    /// has that issuer (<c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>), accept them.
    /// </summary>
    /// <param name="issuer">The tokens' <c>iss</c> claim, exactly.</param>
    /// <param name="jwks">A JWKS document, <c>{"keys":[{"kty":"RSA","kid":"...","n":"...","e":"AQAB"}]}</c>.</param>
    /// <exception cref="FormatException">The document is not a JWKS.</exception>
    public void TrustIssuer(string issuer, string jwks)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentNullException.ThrowIfNull(jwks);
        _trusted.Trust(issuer, JsonWebKeySet.Parse(jwks));
    }

    /// <summary>
    /// Trusts tokens of <paramref name="issuer"/> signed (RS256) with <paramref name="key"/>; only
    /// its public half is kept. Tokens whose header names a <c>kid</c> must name <paramref name="keyId"/>.
    /// </summary>
    /// <param name="issuer">The tokens' <c>iss</c> claim, exactly.</param>
    /// <param name="key">The RSA key the test signs its tokens with.</param>
    /// <param name="keyId">The key's id, as the tokens' <c>kid</c> header names it.</param>
    public void TrustIssuer(string issuer, RSA key, string keyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentNullException.ThrowIfNull(key);
        _trusted.Trust(issuer, JsonWebKeySet.FromRsa(key.ExportParameters(includePrivateParameters: false), keyId));
    }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> that calls the custom domain name <paramref name="domainName"/>
    /// of this cloud in memory: each request goes through the domain's base path (API) mappings to an
    /// API's stage, as a client of <c>https://{domainName}/</c> would, and a path no mapping covers is
    /// answered 403. Its base address is <c>https://{domainName}/</c>.
    /// </summary>
    /// <param name="domainName">A domain made with CreateDomainName (v1 or v2), such as <c>api.example.com</c>.</param>
    /// <exception cref="ArgumentException">The cloud has no custom domain of that name.</exception>
    public HttpClient CreateDomainHttpClient(string domainName)
    {
        ArgumentException.ThrowIfNullOrEmpty(domainName);
        if (Store.FindDomain(_cloud.Context.AccountId, domainName) is null)
        {
            throw new ArgumentException($"This cloud has no custom domain name '{domainName}'.", nameof(domainName));
        }
        return new HttpClient(new ExecuteApiHttpHandler(this)) { BaseAddress = new Uri($"https://{domainName}/") };
    }

    /// <summary>Whether <paramref name="host"/> is a custom domain name of the cloud's account.</summary>
    internal bool IsCustomDomain(string host) => Store.FindDomain(_cloud.Context.AccountId, host) is not null;

    /// <summary>
    /// The deployed API a request with this path and host addresses: an API's own path or host form,
    /// or a custom domain of the cloud's account through its mappings; null for neither.
    /// </summary>
    internal ExecuteApiTarget? Resolve(string path, string? host)
    {
        if (ExecuteApiRequests.Parse(path, host) is { } target)
        {
            return target;
        }
        if (host is null || Store.FindDomain(_cloud.Context.AccountId, host) is not var (region, domain))
        {
            return null;
        }
        var call = new CustomDomainCall(host, path.Length == 0 ? "/" : path);
        (DomainMapping Mapping, string Remainder)? resolved;
        lock (region.Gate)
        {
            resolved = domain.Resolve(call.Path);
        }
        return resolved is var (mapping, rest)
            ? new ExecuteApiTarget(mapping.ApiId, mapping.Stage, rest, null, call)
            : new ExecuteApiTarget("", null, call.Path, null, call);
    }

    /// <summary>Serves one data-plane request of any form, for the cloud's own account.</summary>
    internal Task<GatewayResponse> InvokeAsync(ExecuteApiTarget target, GatewayRequest request, CancellationToken cancellationToken) =>
        Invoker.InvokeAsync(_cloud.Context.AccountId, target.ApiId, target.Stage, request, cancellationToken);
}
