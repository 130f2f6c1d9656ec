using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// InvokeWithResponseStream: a synchronous invoke whose response travels as an event stream.
internal sealed partial class LambdaEngine
{
    /// <summary>
    /// Runs the function as Invoke does and answers with the events AWS streams: a <c>PayloadChunk</c>
    /// per write of a handler that streams (a Node.js handler wrapped in <c>awslambda.streamifyResponse</c>),
    /// or one with the whole response of a handler that returns it (none when it fails), then <c>InvokeComplete</c>,
    /// which carries a function error's type and message and, with <c>LogType: Tail</c>, the log's tail.
    /// </summary>
    public async Task<InvokeWithResponseStreamResponse> InvokeWithResponseStream(RequestScope scope, InvokeWithResponseStreamRequest request, CancellationToken cancellationToken)
    {
        var type = request.InvocationType == "DryRun" ? LambdaInvocationType.DryRun : LambdaInvocationType.RequestResponse;
        var result = await InvokeCoreAsync(scope, request.FunctionName!, request.Qualifier, request.Payload ?? [], type, DecodeClientContext(request.ClientContext), cancellationToken)
            .ConfigureAwait(false);
        if (type == LambdaInvocationType.DryRun)
        {
            return new InvokeWithResponseStreamResponse { StatusCode = result.StatusCode };
        }
        var complete = new InvokeWithResponseStreamCompleteEvent
        {
            LogResult = request.LogType == "Tail" && result.Log is { } log ? Code.LambdaLog.Tail(log, LambdaLimits.LogTailBytes) : null,
        };
        if (result.FunctionError is not null)
        {
            (complete.ErrorCode, complete.ErrorDetails) = ErrorOf(result.Payload ?? []);
        }
        return new InvokeWithResponseStreamResponse
        {
            StatusCode = result.StatusCode,
            ExecutedVersion = result.ExecutedVersion,
            EventStream = new InvokeWithResponseStreamResponseEvent
            {
                PayloadChunks = [.. (result.Chunks ?? (result.FunctionError is null ? [result.Payload ?? []] : [])).Select(chunk => new InvokeResponseStreamUpdate { Payload = chunk })],
                InvokeComplete = complete,
            },
        };
    }

    /// <summary>A function error's type and message, read from its error document.</summary>
    private static (string Code, string Details) ErrorOf(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            return (root.TryGetProperty("errorType", out var errorType) ? errorType.GetString() ?? "Unhandled" : "Unhandled",
                root.TryGetProperty("errorMessage", out var message) ? message.GetString() ?? "" : "");
        }
        catch (JsonException)
        {
            return ("Unhandled", System.Text.Encoding.UTF8.GetString(payload));
        }
    }
}
