using System.Text.Json;
using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// The awsJson1.0 and awsJson1.1 protocols: <c>POST /</c> with <c>X-Amz-Target: Prefix.Operation</c>
/// and the input shape as the JSON body; the output shape or an error comes back as JSON.
/// </summary>
internal abstract class AwsJsonService(
    WireRoute route,
    string jsonVersion,
    OperationTable operations,
    JsonSerializerOptions json,
    Func<string> newRequestId) : IWireService
{
    private readonly string _contentType = $"application/x-amz-json-{jsonVersion}";

    public WireRoute Route => route;

    public OperationTable Operations => operations;

    /// <summary>The service's JSON settings, for callers in process that hold an input as JSON.</summary>
    public JsonSerializerOptions Json => json;

    public virtual bool CompressesResponses => false;

    public virtual int? MaxRequestBytes => null;

    public async Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken)
    {
        if (request.Method != "POST" || (request.Body.Length > 0 && !IsJsonContentType(request.Header("Content-Type"))))
        {
            operations.Intercepted?.Refused(CallInterceptor.OperationOf(request), scope, request, "UnknownOperationException", "", 404);
            return NotAnOperation();
        }
        var requestId = newRequestId();
        var target = request.Header("X-Amz-Target") ?? "";
        var prefix = route.TargetPrefix!;
        var name = target.StartsWith(prefix + ".", StringComparison.Ordinal) ? target[(prefix.Length + 1)..] : target;
        var reached = false;
        WireResponse response;
        try
        {
            if (!operations.TryGet(name, out var operation))
            {
                throw new AwsServiceException("UnknownOperationException", $"Unrecognized operation {name}: it is not an operation of {operations.ServiceName}.");
            }
            if (!operation.IsImplemented)
            {
                throw operation.NotImplemented();
            }
            var input = ReadInput(request.Body, operation.Model.InputType!, json);
            reached = true;
            var output = await operation.ExecuteAsync(scope, input, cancellationToken).ConfigureAwait(false);
            var body = output is null ? "{}"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(output, output.GetType(), json);
            response = WireResponse.Json(body, _contentType);
        }
        catch (AwsServiceException error)
        {
            if (!reached)
            {
                operations.Intercepted?.Refused(name.Length > 0 ? name : CallInterceptor.OperationOf(request), scope, request, error);
            }
            response = WireResponse.Json(EncodeError(error), _contentType, error.StatusCode);
        }
        response.Headers["x-amzn-RequestId"] = requestId;
        return response;
    }

    public WireResponse Refuse(AwsServiceException error)
    {
        var response = WireResponse.Json(EncodeError(error), _contentType, error.StatusCode);
        response.Headers["x-amzn-RequestId"] = newRequestId();
        return response;
    }

    // The JSON protocols take JSON only: application/json or the protocol's own type, whatever its parameters.
    private bool IsJsonContentType(string? contentType) =>
        contentType is not null
        && contentType.AsSpan(0, contentType.IndexOf(';') is >= 0 and var end ? end : contentType.Length).Trim() is var mediaType
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Equals(_contentType, StringComparison.OrdinalIgnoreCase));

    // What AWS's JSON front doors answer a request that is not a JSON POST: a 404 page, not a JSON error.
    private WireResponse NotAnOperation()
    {
        var response = new WireResponse { Status = 404, Body = "<UnknownOperationException/>\n"u8.ToArray() };
        response.Headers["x-amzn-RequestId"] = newRequestId();
        return response;
    }

    /// <summary>Reads an input shape from a JSON body; an empty body is an empty input.</summary>
    /// <exception cref="AwsServiceException">SerializationException: the body is not the shape's JSON.</exception>
    public static object ReadInput(byte[] body, Type inputType, JsonSerializerOptions json)
    {
        try
        {
            var span = body.AsSpan();
            return (span.Trim((byte)' ').IsEmpty ? null : JsonSerializer.Deserialize(span, inputType, json))
                ?? Activator.CreateInstance(inputType)!;
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", SerializationMessage(e));
        }
    }

    /// <summary>The message of a SerializationException for a body that is not the input shape.</summary>
    private static string SerializationMessage(JsonException e) =>
        e.InnerException?.Message ?? (e.Path is null ? "Malformed JSON request body" : $"Unexpected value at {e.Path}");

    /// <summary>The <c>__type</c> of an error: the service's namespace, or Coral's for validation and protocol errors.</summary>
    protected virtual string ErrorType(string code) => code switch
    {
        "ValidationException" => "com.amazon.coral.validate#ValidationException",
        _ when IsProtocolError(code) => $"com.amazon.coral.service#{code}",
        _ => code,
    };

    /// <summary>Whether <paramref name="code"/> is an error of the front door every JSON service shares (Coral's), not of the service.</summary>
    protected static bool IsProtocolError(string code) => code is "SerializationException" or "UnknownOperationException"
        or "MissingAuthenticationTokenException" or "IncompleteSignatureException" or "InvalidSignatureException" or "UnrecognizedClientException";

    /// <summary>Writes members some errors carry besides the message.</summary>
    protected virtual void WriteErrorDetails(Utf8JsonWriter writer, AwsServiceException error)
    {
    }

    /// <summary>The name of the message member; some errors use <c>Message</c>.</summary>
    protected virtual string MessageMember(string code) => "message";

    private byte[] EncodeError(AwsServiceException error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonProtocol.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", ErrorType(error.Code));
            writer.WriteString(MessageMember(error.Code), error.Message);
            WriteErrorDetails(writer, error);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
