namespace FakeAws.Server;

/// <summary>How both bridges write a service's answer body to Kestrel.</summary>
internal static class ResponseBody
{
    /// <summary>
    /// Writes an answer's body. A 204 or 304 has none on the wire (Kestrel refuses to write one), so
    /// whatever the service gave is dropped there, as HTTP requires.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, byte[] body)
    {
        if (body.Length > 0 && context.Response.StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
