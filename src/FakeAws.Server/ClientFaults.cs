using Microsoft.AspNetCore.Http.Features;

namespace FakeAws.Server;

/// <summary>
/// What a client can do wrong on the socket: send a body over Kestrel's limit (answered 413, as AWS
/// answers a body too large), send it slower than Kestrel's minimum data rate (408, and the connection
/// is cut), or close the connection mid-request. Each is an expected outcome: answered while an answer
/// can still be sent and logged on one information line, never as an unhandled exception with a stack trace.
/// </summary>
internal static class ClientFaults
{
    /// <summary>The category of the one line each fault logs; the server shows it at Information.</summary>
    public const string LogCategory = "FakeAws.Server.Requests";

    /// <summary>
    /// The request's body. One whose Content-Length is over the limit is refused before a byte is read;
    /// a chunked one is refused as soon as it passes the limit, so no oversized body is buffered whole.
    /// </summary>
    /// <exception cref="BadHttpRequestException">The body is over the limit, or came too slowly.</exception>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit && request.ContentLength > limit)
        {
            throw new BadHttpRequestException(
                $"The request body of {request.ContentLength} bytes is over the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }
        if (request.ContentLength is { } length)
        {
            // The usual case (every SDK sends Content-Length): read into an array of that size, no copy.
            var exact = length == 0 ? [] : new byte[length];
            await request.Body.ReadExactlyAsync(exact, context.RequestAborted);
            return exact;
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        return body.ToArray();
    }

    /// <summary>Whether <paramref name="error"/> is the client's doing rather than a fault of FakeAws.</summary>
    public static bool Caused(Exception error, HttpContext context) =>
        error is BadHttpRequestException || (error is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested);

    /// <summary>Answers a fault of the client's (when the response has not started) and logs it on one line.</summary>
    public static void Answer(Exception error, HttpContext context, ILogger logger)
    {
        var request = context.Request;
        if (error is BadHttpRequestException bad)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = bad.StatusCode;
            }
            logger.LogInformation("{Method} {Path}: answered {Status}: {Reason}", request.Method, request.Path, bad.StatusCode, bad.Message);
        }
        else
        {
            logger.LogInformation("{Method} {Path}: the client closed the connection before the answer", request.Method, request.Path);
        }
    }
}
