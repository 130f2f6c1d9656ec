using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda.Urls;

/// <summary>
/// A function URL's CORS settings applied as Lambda applies them: Lambda answers preflight requests
/// itself, and adds the allow-origin, expose-headers and credentials headers to responses of an allowed origin.
/// </summary>
internal static class FunctionUrlCors
{
    /// <summary>Whether the request is a CORS preflight: OPTIONS with an Origin and the method it asks about.</summary>
    public static bool IsPreflight(GatewayRequest request) =>
        request.Method == "OPTIONS" && request.Header("Origin") is not null && request.Header("Access-Control-Request-Method") is not null;

    /// <summary>The answer to a preflight: 200, with the allowed methods, headers and age when the origin is allowed.</summary>
    public static GatewayResponse Preflight(Cors cors, GatewayRequest request)
    {
        var response = new GatewayResponse { Status = 200 };
        if (AllowedOrigin(cors, request) is not { } origin)
        {
            return response;
        }
        response.Headers.Add(new("Access-Control-Allow-Origin", origin));
        if (cors.AllowMethods is { Count: > 0 } methods)
        {
            response.Headers.Add(new("Access-Control-Allow-Methods", string.Join(",", methods)));
        }
        if (cors.AllowHeaders is { Count: > 0 } headers)
        {
            response.Headers.Add(new("Access-Control-Allow-Headers", string.Join(",", headers)));
        }
        if (cors.MaxAge is { } maxAge)
        {
            response.Headers.Add(new("Access-Control-Max-Age", maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        AddCredentials(cors, response);
        return response;
    }

    /// <summary>Adds the CORS headers of an allowed origin to a function's response.</summary>
    public static void Apply(Cors cors, GatewayRequest request, GatewayResponse response)
    {
        if (AllowedOrigin(cors, request) is not { } origin)
        {
            return;
        }
        response.Set("Access-Control-Allow-Origin", origin);
        if (cors.ExposeHeaders is { Count: > 0 } expose)
        {
            response.Set("Access-Control-Expose-Headers", string.Join(",", expose));
        }
        AddCredentials(cors, response);
    }

    /// <summary>The value of Access-Control-Allow-Origin for the request's origin: <c>*</c>, the origin itself, or null when not allowed.</summary>
    private static string? AllowedOrigin(Cors cors, GatewayRequest request)
    {
        if (request.Header("Origin") is not { } origin || cors.AllowOrigins is not { Count: > 0 } origins)
        {
            return null;
        }
        return origins.Contains("*") ? "*" : origins.Contains(origin, StringComparer.OrdinalIgnoreCase) ? origin : null;
    }

    private static void AddCredentials(Cors cors, GatewayResponse response)
    {
        if (cors.AllowCredentials == true)
        {
            response.Set("Access-Control-Allow-Credentials", "true");
        }
    }
}
