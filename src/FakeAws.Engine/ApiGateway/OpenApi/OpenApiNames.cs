namespace FakeAws.Engine.ApiGateway.OpenApi;

/// <summary>How API Gateway's names map onto OpenAPI's: HTTP methods, request parameters and response headers.</summary>
internal static class OpenApiNames
{
    /// <summary>The operation key of API Gateway's ANY method.</summary>
    public const string AnyMethod = "x-amazon-apigateway-any-method";

    public const string RequestHeader = "method.request.header.";

    public const string ResponseHeader = "method.response.header.";

    private static readonly string[] Order = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "ANY"];

    /// <summary>The operation key of an HTTP method in a path item: <c>get</c>, ..., or API Gateway's ANY extension.</summary>
    public static string OperationKey(string httpMethod) => httpMethod == "ANY" ? AnyMethod : httpMethod.ToLowerInvariant();

    /// <summary>The HTTP method of a path item's key; null for a key that is not an operation (parameters, summary, ...).</summary>
    public static string? HttpMethod(string key) => key == AnyMethod ? "ANY"
        : Order.Contains(key.ToUpperInvariant()) && key == key.ToLowerInvariant() ? key.ToUpperInvariant()
        : null;

    /// <summary>The position of an HTTP method in a path item, in OpenAPI's order.</summary>
    public static int MethodOrder(string httpMethod) => Array.IndexOf(Order, httpMethod) is var i and >= 0 ? i : Order.Length;

    /// <summary>
    /// The OpenAPI location (<c>path</c>, <c>query</c>, <c>header</c>) and name of a method request
    /// parameter such as <c>method.request.querystring.color</c>; null for one OpenAPI cannot express.
    /// </summary>
    public static (string Location, string Name)? ParameterLocation(string key)
    {
        const string prefix = "method.request.";
        var dot = key.StartsWith(prefix, StringComparison.Ordinal) ? key.IndexOf('.', prefix.Length) : -1;
        if (dot < 0)
        {
            return null;
        }
        var name = key[(dot + 1)..];
        return key[prefix.Length..dot] switch
        {
            "path" => ("path", name),
            "querystring" or "multivaluequerystring" => ("query", name),
            "header" or "multivalueheader" => ("header", name),
            _ => null,
        };
    }

    /// <summary>The method request parameter of an OpenAPI parameter: <c>in: query</c> is <c>method.request.querystring.{name}</c>.</summary>
    public static string? RequestParameter(string? location, string name) => location switch
    {
        "path" => $"method.request.path.{name}",
        "query" => $"method.request.querystring.{name}",
        "header" => $"method.request.header.{name}",
        _ => null,
    };
}
