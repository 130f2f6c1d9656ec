using System.Net;
using FakeAws.Engine.ApiGateway.Invoke;

namespace FakeAws.Protocol;

/// <summary>
/// Conversions between HTTP messages and the plain requests and responses of endpoints that serve
/// arbitrary HTTP (deployed APIs, function URLs), for the router and for in-memory HTTP clients.
/// </summary>
internal static class GatewayMessages
{
    /// <summary>The request an <see cref="HttpClient"/> sent, with every header value apart and a Host header.</summary>
    public static async Task<GatewayRequest> FromHttpAsync(HttpRequestMessage request, string path, string sourceIp, string? vpcEndpointId, CancellationToken cancellationToken,
        CustomDomainCall? customDomain = null)
    {
        var uri = request.RequestUri!;
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
        return new GatewayRequest
        {
            Method = request.Method.Method,
            Path = path,
            RawQuery = uri.Query.TrimStart('?'),
            Headers = headers,
            Body = body,
            SourceIp = sourceIp,
            VpcEndpointId = vpcEndpointId,
            CustomDomain = customDomain,
        };
    }

    /// <summary>The response as an <see cref="HttpClient"/> receives it, repeated headers (several Set-Cookie) kept apart.</summary>
    public static HttpResponseMessage ToHttp(GatewayResponse response, HttpRequestMessage request)
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

    /// <summary>The response on the router, whose responses hold one value per header: repeated ones are joined with commas.</summary>
    public static WireResponse ToWire(GatewayResponse response)
    {
        var wire = new WireResponse { Status = response.Status, Body = response.Body };
        foreach (var header in response.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            wire.Headers[header.Key] = string.Join(", ", header.Select(h => h.Value));
        }
        return wire;
    }
}
