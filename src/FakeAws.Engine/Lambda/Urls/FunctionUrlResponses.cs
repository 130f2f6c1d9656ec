using System.Text;
using FakeAws.Engine.ApiGateway.Invoke;

namespace FakeAws.Engine.Lambda.Urls;

/// <summary>
/// How a function URL turns the function's result into the HTTP response: payload format 2.0, as API
/// Gateway's HTTP APIs map it; with RESPONSE_STREAM, a streamed result may start with the HTTP
/// integration prelude (JSON status, headers and cookies, then eight zero bytes) before the raw body.
/// </summary>
internal static class FunctionUrlResponses
{
    private static readonly byte[] PreludeEnd = new byte[8];

    /// <summary>The response for <paramref name="payload"/>; null when the result cannot be mapped (a 502).</summary>
    public static GatewayResponse? From(byte[] payload, bool streamed)
    {
        if (streamed && payload.AsSpan().IndexOf(PreludeEnd) is var end and > 0 && payload[0] == (byte)'{'
            && ProxyResponses.FromFormat2(payload[..end]) is { } head)
        {
            var response = new GatewayResponse { Status = head.Status, Body = payload[(end + PreludeEnd.Length)..] };
            response.Headers.AddRange(head.Headers);
            return response;
        }
        return ProxyResponses.FromFormat2(payload);
    }

    /// <summary>Lambda's own answers on a function URL: <c>{"Message":"..."}</c>.</summary>
    public static GatewayResponse Message(int status, string? message)
    {
        var response = new GatewayResponse
        {
            Status = status,
            Body = Encoding.UTF8.GetBytes(message is null ? """{"Message":null}""" : $$"""{"Message":{{System.Text.Json.JsonSerializer.Serialize(message)}}}"""),
        };
        response.Headers.Add(new("Content-Type", "application/json"));
        return response;
    }
}
