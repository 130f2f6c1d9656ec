using System.Globalization;
using FakeAws.Engine.ApiGateway.V2.Model;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// An HTTP API's CORS configuration at work: API Gateway answers preflight requests itself (even
/// without an OPTIONS route) and puts the CORS headers on every response to an allowed origin,
/// replacing any the integration sent.
/// </summary>
internal static class CorsHeaders
{
    /// <summary>A preflight (OPTIONS with Origin and Access-Control-Request-Method) gets a 204, with CORS headers when the origin is allowed.</summary>
    public static GatewayResponse? Preflight(V2.Model.Cors cors, GatewayRequest request)
    {
        if (request.Method != "OPTIONS" || request.Header("Origin") is not { } origin || request.Header("Access-Control-Request-Method") is not { } method)
        {
            return null;
        }
        var response = new GatewayResponse { Status = 204 };
        if (AllowedOrigin(cors, origin) is not { } allowed)
        {
            return response;
        }
        response.Headers.Add(new("access-control-allow-origin", allowed));
        var methods = cors.AllowMethods ?? [];
        if (methods.Count > 0)
        {
            response.Headers.Add(new("access-control-allow-methods", methods.Contains("*") ? method : string.Join(",", methods)));
        }
        var headers = cors.AllowHeaders ?? [];
        if (headers.Count > 0)
        {
            response.Headers.Add(new("access-control-allow-headers",
                headers.Contains("*") ? request.Header("Access-Control-Request-Headers") ?? "*" : string.Join(",", headers)));
        }
        if (cors.MaxAge is { } maxAge and >= 0)
        {
            response.Headers.Add(new("access-control-max-age", maxAge.ToString(CultureInfo.InvariantCulture)));
        }
        if (cors.AllowCredentials == true)
        {
            response.Headers.Add(new("access-control-allow-credentials", "true"));
        }
        return response;
    }

    /// <summary>Replaces the integration's CORS headers with the configuration's, for a request from an allowed origin.</summary>
    public static void Decorate(V2.Model.Cors cors, GatewayRequest request, GatewayResponse response)
    {
        if (request.Header("Origin") is not { } origin)
        {
            return;
        }
        response.Headers.RemoveAll(h => h.Key.StartsWith("access-control-", StringComparison.OrdinalIgnoreCase));
        if (AllowedOrigin(cors, origin) is not { } allowed)
        {
            return;
        }
        response.Headers.Add(new("access-control-allow-origin", allowed));
        if (cors.ExposeHeaders is { Count: > 0 } expose)
        {
            response.Headers.Add(new("access-control-expose-headers", string.Join(",", expose)));
        }
        if (cors.AllowCredentials == true)
        {
            response.Headers.Add(new("access-control-allow-credentials", "true"));
        }
    }

    private static string? AllowedOrigin(V2.Model.Cors cors, string origin)
    {
        var origins = cors.AllowOrigins ?? [];
        if (origins.Contains("*"))
        {
            return "*";
        }
        return origins.FirstOrDefault(o => string.Equals(o, origin, StringComparison.OrdinalIgnoreCase)) is not null ? origin : null;
    }
}
