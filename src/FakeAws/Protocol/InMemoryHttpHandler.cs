using System.Net;
using System.Net.Http.Headers;

namespace FakeAws.Protocol;

/// <summary>
/// The HttpMessageHandler behind every client of a cloud: it hands each request to the cloud's
/// router and never opens a socket or resolves a name.
/// </summary>
internal sealed class InMemoryHttpHandler(WireRouter router) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var wire = await ToWire(request, cancellationToken).ConfigureAwait(false);
        var response = await router.HandleAsync(wire, cancellationToken).ConfigureAwait(false);
        return ToHttp(response, request);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    private static async Task<WireRequest> ToWire(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(",", values);
        }
        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                headers[name] = string.Join(",", values);
            }
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        var uri = request.RequestUri!;
        return new WireRequest
        {
            Method = request.Method.Method,
            Host = uri.IsAbsoluteUri ? uri.Host : "",
            Path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0],
            Query = uri.IsAbsoluteUri ? uri.Query.TrimStart('?') : "",
            Headers = headers,
            Body = body,
        };
    }

    private static HttpResponseMessage ToHttp(WireResponse response, HttpRequestMessage request)
    {
        var http = new HttpResponseMessage((HttpStatusCode)response.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(response.Body),
        };
        if (response.ContentType is not null)
        {
            http.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(response.ContentType);
        }
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
