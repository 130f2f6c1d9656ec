using System.Net;
using FakeAws.Engine.ApiGateway.Invoke;

namespace FakeAws.ApiGateway;

/// <summary>
/// The HttpMessageHandler behind <see cref="ApiGatewayHelper.CreateHttpClient"/>: it sends each
/// request to the deployed API its host names (<c>{apiId}.execute-api.{region}.amazonaws.com</c>),
/// in memory, and answers with what API Gateway would answer. No socket, no DNS.
/// </summary>
internal sealed class ExecuteApiHttpHandler(ApiGatewayHelper gateway) : HttpMessageHandler
{
    /// <summary>The caller's address as the events show it.</summary>
    public const string SourceIp = "127.0.0.1";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var target = ExecuteApiRequests.Parse(uri.AbsolutePath, uri.Host)
            ?? throw new HttpRequestException($"FakeAws's API Gateway client reaches only deployed APIs ({{apiId}}.execute-api.{{region}}.amazonaws.com), not {uri.Host}.");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
        {
            headers.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        }
        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                headers.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
            }
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        if (!headers.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Insert(0, new("Host", uri.Host));
        }
        var response = await gateway.InvokeAsync(target, new GatewayRequest
        {
            Method = request.Method.Method,
            Path = target.Path,
            RawQuery = uri.Query.TrimStart('?'),
            Headers = headers,
            Body = body,
            SourceIp = SourceIp,
            VpcEndpointId = target.VpcEndpointId,
        }, cancellationToken).ConfigureAwait(false);
        return ToHttp(response, request);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    private static HttpResponseMessage ToHttp(GatewayResponse response, HttpRequestMessage request)
    {
        var http = new HttpResponseMessage((HttpStatusCode)response.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(response.Body),
        };
        foreach (var (name, value) in response.Headers)
        {
            if (!http.Headers.TryAddWithoutValidation(name, value))
            {
                http.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return http;
    }
}
