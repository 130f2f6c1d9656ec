namespace FakeAws.Server;

/// <summary>How both bridges write a service's answer body to Kestrel.</summary>
internal static class ResponseBody
{
    /// <summary>
    /// Writes an answer's body. A 204 or 304 has none on the wire (Kestrel refuses to write one), so
    /// whatever the service gave is dropped there, as HTTP requires. Others carry a Content-Length, as
    /// AWS's answers do, unless the service framed the body itself: a chunked answer would cost a second
    /// write to the socket for its closing chunk.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, byte[] body)
    {
        var response = context.Response;
        if (body.Length > 0 && response.StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified))
        {
            if (response.ContentLength is null && response.Headers.TransferEncoding.Count == 0)
            {
                response.ContentLength = body.Length;
            }
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
