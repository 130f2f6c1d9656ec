using FakeAws.Protocol;

namespace FakeAws.Server;

/// <summary>Carries an ASP.NET request to the cloud's wire router and its answer back.</summary>
internal static class WireBridge
{
    public static async Task ServeAsync(FakeAwsCloud cloud, HttpContext context)
    {
        var request = context.Request;
        var body = await ClientFaults.ReadBodyAsync(context);
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }
        var wire = new WireRequest
        {
            Method = request.Method,
            Host = request.Host.Host,
            Path = request.Path.ToUriComponent() is { Length: > 0 } path ? path : "/",
            Query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            Headers = headers,
            Body = body,
        };
        var response = await cloud.Router.HandleAsync(wire, context.RequestAborted);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }
        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }
        await ResponseBody.WriteAsync(context, response.Body);
    }
}
