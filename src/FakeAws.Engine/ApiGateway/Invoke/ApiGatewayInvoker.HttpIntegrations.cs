using System.Net.Http.Headers;
using System.Text;
using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway.Invoke;

// HTTP and HTTP_PROXY integrations of REST APIs, and HTTP APIs' HTTP_PROXY: a real HTTP call through the handler the cloud was given.
internal sealed partial class ApiGatewayInvoker
{
    /// <summary>Request headers an HTTP_PROXY integration does not pass on: the connection's own.</summary>
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Authorization", "Proxy-Authenticate", "Content-Length",
    };

    private HttpMessageInvoker? _network;

    /// <summary>
    /// What HTTP and HTTP_PROXY integrations send their requests through; null sends them over the
    /// network. Tests give an in-memory handler (a fake backend) here.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    private HttpMessageInvoker Network => _network ??= new HttpMessageInvoker(new SocketsHttpHandler(), disposeHandler: true);

    /// <summary>An HTTP integration: the mapped path, query string and headers, the transformed body; the answer's status selects the integration response.</summary>
    private async Task<Outcome> HttpIntegrationAsync(Integration integration, InvocationContext context, RequestTargets targets, byte[] payload)
    {
        var url = IntegrationUris.HttpEndpoint(integration.Uri ?? "", context.StageVariables, targets.Path, targets.QueryString);
        using var request = new HttpRequestMessage(new HttpMethod(integration.HttpMethod ?? context.Request.Method), url);
        if (payload.Length > 0)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Request.Header("Content-Type") ?? "application/json");
        }
        foreach (var (name, value) in targets.Headers)
        {
            AddHeader(request, name, value);
        }
        if (await SendAsync(request, integration.TimeoutInMillis ?? 29000).ConfigureAwait(false) is { } answer)
        {
            return answer;
        }
        return RestGatewayErrors.Timeout();
    }

    /// <summary>
    /// An HTTP_PROXY integration: the request goes on as it came (method, headers, query string,
    /// body), to the URI with its path placeholders filled from the mapped or matched path
    /// parameters; the answer comes back as it is.
    /// </summary>
    private async Task<GatewayResponse> HttpProxyAsync(Integration integration, InvocationContext context)
    {
        var mapping = new MappingTemplate(context);
        var targets = RequestTargets(integration, mapping, context, Encoding.UTF8.GetString(context.Request.Body));
        foreach (var (name, value) in context.PathParameters)
        {
            targets.Path.TryAdd(name, RequestParts.Decode(value));
        }
        var query = string.Join('&', new[] { context.Request.RawQuery, targets.QueryString }.Where(q => q.Length > 0));
        var url = IntegrationUris.HttpEndpoint(integration.Uri ?? "", context.StageVariables, targets.Path, query);
        using var request = PassedOn(context, integration.HttpMethod, url, targets.Headers);
        var answer = await SendAsync(request, integration.TimeoutInMillis ?? 29000).ConfigureAwait(false);
        if (answer is null)
        {
            return RestGatewayErrors.Timeout();
        }
        return answer.Failed ?? Relayed(answer);
    }

    /// <summary>
    /// A proxy integration's request to its backend: the caller's method unless the integration names one
    /// other than ANY, its body and headers but the connection's own, then <paramref name="added"/> headers.
    /// </summary>
    private static HttpRequestMessage PassedOn(InvocationContext context, string? integrationMethod, string url, IEnumerable<KeyValuePair<string, string>> added)
    {
        var method = integrationMethod is null or "ANY" ? context.Request.Method : integrationMethod;
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (context.Request.Body.Length > 0)
        {
            request.Content = new ByteArrayContent(context.Request.Body);
        }
        foreach (var (name, value) in context.Request.Headers.Where(h => !HopByHop.Contains(h.Key)).Concat(added))
        {
            AddHeader(request, name, value);
        }
        return request;
    }

    /// <summary>A proxy integration's answer as the backend gave it: its status, headers and body.</summary>
    private static GatewayResponse Relayed(HttpOutcome reached)
    {
        var response = new GatewayResponse { Status = int.Parse(reached.Answer!.Selector, System.Globalization.CultureInfo.InvariantCulture), Body = reached.Raw };
        response.Headers.AddRange(reached.Answer.Headers);
        return response;
    }

    private static void AddHeader(HttpRequestMessage request, string name, string value)
    {
        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            request.Content ??= new ByteArrayContent([]);
            request.Content.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>What an HTTP call came back with: the answer (or a 500 when the endpoint could not be reached) and the raw body.</summary>
    private sealed record HttpOutcome(IntegrationAnswer? Answer, GatewayResponse? Failed, byte[] Raw)
    {
        public static implicit operator Outcome(HttpOutcome outcome) => new(outcome.Answer, outcome.Failed);
    }

    /// <summary>
    /// An HTTP API's HTTP_PROXY integration: the request goes on as it came (method unless the integration
    /// names one other than ANY, headers, query string, body) to the URI with the route's path variables
    /// and the stage variables filled in; the answer comes back as it is.
    /// </summary>
    private async Task<GatewayResponse> HttpApiProxyAsync(V2.Model.Integration integration, InvocationContext context)
    {
        var path = context.PathParameters.ToDictionary(p => p.Key, p => RequestParts.Decode(p.Value), StringComparer.Ordinal);
        var url = IntegrationUris.HttpEndpoint(integration.IntegrationUri ?? "", context.StageVariables, path, context.Request.RawQuery);
        using var request = PassedOn(context, integration.IntegrationMethod, url, []);
        var answer = await SendAsync(request, integration.TimeoutInMillis ?? 30000).ConfigureAwait(false);
        if (answer is null)
        {
            return HttpGatewayErrors.Timeout();
        }
        return answer.Answer is null ? HttpGatewayErrors.InternalServerError() : Relayed(answer);
    }

    /// <summary>Sends the call, racing the integration's timeout on the virtual clock; null when it timed out.</summary>
    private async Task<HttpOutcome?> SendAsync(HttpRequestMessage request, int timeoutInMillis)
    {
        using var stop = new CancellationTokenSource();
        var call = CallAsync(request, stop.Token);
        var timer = _cloud.Clock.Delay(TimeSpan.FromMilliseconds(timeoutInMillis), stop.Token);
        var first = await Task.WhenAny(call, timer).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        return first == call ? await call.ConfigureAwait(false) : null;
    }

    private async Task<HttpOutcome> CallAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var given = HttpHandler is { } handler ? new HttpMessageInvoker(handler, disposeHandler: false) : null;
            using var response = await (given ?? Network).SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .Where(h => !HopByHop.Contains(h.Key))
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .ToList();
            return new HttpOutcome(IntegrationAnswer.Http((int)response.StatusCode, headers, Encoding.UTF8.GetString(body)) with { Raw = body }, null, body);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or UriFormatException)
        {
            return new HttpOutcome(null, RestGatewayErrors.InternalServerError(), []);
        }
    }
}
