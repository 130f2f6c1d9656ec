using System.Text.Json;
using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// The restJson1 protocol (Lambda, API Gateway): an operation is found by the HTTP method and the
/// model's request URI template; members travel in the URI, the query string, headers, a payload
/// member or a JSON body; responses carry the model's status code (or a status-code member), header
/// members and the payload or JSON body. Errors carry <c>X-Amzn-ErrorType</c> and a JSON body.
/// </summary>
internal abstract class RestJsonService : IWireService
{
    private readonly RestRoute[] _routes;
    private readonly JsonSerializerOptions _json;
    private readonly Func<string> _newRequestId;

    protected RestJsonService(WireRoute route, OperationTable operations, JsonSerializerOptions json, Func<string> newRequestId)
    {
        Route = route;
        Operations = operations;
        _json = json;
        _newRequestId = newRequestId;
        _routes = operations.All.Select(o => new RestRoute(o)).OrderBy(r => r.Specificity).ToArray();
    }

    public WireRoute Route { get; }

    public OperationTable Operations { get; }

    public JsonSerializerOptions Json => _json;

    public async Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken)
    {
        var requestId = _newRequestId();
        Operation? matched = null;
        var reached = false;
        WireResponse response;
        try
        {
            var query = new QueryString(request.Query);
            (matched, var labels) = Match(request, query);
            if (!matched.IsImplemented)
            {
                throw matched.NotImplemented();
            }
            CheckRequest(matched, request);
            var input = Bind(matched.Model.InputType, request, labels, query);
            reached = true;
            var output = await matched.ExecuteAsync(scope, input, cancellationToken).ConfigureAwait(false);
            response = Write(matched.Model, output);
            requestId = ResponseRequestId(output) ?? requestId;
        }
        catch (AwsServiceException error)
        {
            if (!reached)
            {
                Operations.Intercepted?.Refused(matched?.Name ?? CallInterceptor.OperationOf(request), scope, request, error);
            }
            response = ErrorResponse(error);
        }
        response.Headers["x-amzn-RequestId"] = requestId;
        return response;
    }

    public WireResponse Refuse(AwsServiceException error)
    {
        var response = ErrorResponse(error);
        response.Headers["x-amzn-RequestId"] = _newRequestId();
        return response;
    }

    private WireResponse ErrorResponse(AwsServiceException error)
    {
        var response = WireResponse.Json(EncodeError(error), "application/json", error.StatusCode);
        response.Headers["X-Amzn-ErrorType"] = error.Code;
        return response;
    }

    /// <summary>Checks what the protocol cannot see in the model, such as a request body over an operation's limit.</summary>
    protected virtual void CheckRequest(Operation operation, WireRequest request)
    {
    }

    /// <summary>The request id a response carries; by default a new one, but some outputs carry their own.</summary>
    protected virtual string? ResponseRequestId(object? output) => null;

    /// <summary>The error for a body that is not the input shape's JSON.</summary>
    protected virtual AwsServiceException MalformedBody(JsonException e) =>
        new("SerializationException", e.Path is null ? "Malformed JSON request body" : $"Unexpected value at {e.Path}");

    /// <summary>The error for a URI, query or header value of the wrong type.</summary>
    protected virtual AwsServiceException MalformedValue(string name, string value) =>
        new("SerializationException", $"The value '{value}' of '{name}' is not valid.");

    /// <summary>The body of a payload that is an event stream, framed as AWS frames it; null for any other payload.</summary>
    protected virtual byte[]? EncodeEventStream(object payload) => null;

    /// <summary>The content type of a blob payload in a response.</summary>
    protected virtual string PayloadContentType => "application/octet-stream";

    /// <summary>Writes the members of an error body; by default only <c>message</c>.</summary>
    protected virtual void WriteErrorBody(Utf8JsonWriter writer, AwsServiceException error) => writer.WriteString("message", error.Message);

    /// <summary>The part of the request's path the model's request URIs describe; all of it, unless the service sits under a prefix.</summary>
    protected virtual string OperationPath(WireRequest request) => request.Path;

    private (Operation Operation, Dictionary<string, string> Labels) Match(WireRequest request, QueryString query)
    {
        var path = RestRoute.Split(OperationPath(request));
        foreach (var route in _routes)
        {
            if (route.Method == request.Method && route.TryMatch(path, query, out var labels))
            {
                return (route.Operation, labels);
            }
        }
        throw new AwsServiceException("UnknownOperationException", $"FakeAws has no {Operations.ServiceName} operation for {request.Method} {request.Path}.", 404);
    }

    private object Bind(Type? inputType, WireRequest request, Dictionary<string, string> labels, QueryString query)
    {
        if (inputType is null)
        {
            return new object();
        }
        var shape = RestShape.For(inputType);
        object input;
        try
        {
            input = shape.HasBody && !request.Body.AsSpan().Trim(" \t\r\n"u8).IsEmpty
                ? JsonSerializer.Deserialize(request.Body, inputType, _json) ?? Activator.CreateInstance(inputType)!
                : Activator.CreateInstance(inputType)!;
            if (shape.Payload is { } payload && request.Body.Length > 0)
            {
                payload.SetValue(input, payload.PropertyType == typeof(byte[]) ? request.Body
                    : payload.PropertyType == typeof(string) ? request.BodyText
                    : JsonSerializer.Deserialize(request.Body, payload.PropertyType, _json));
            }
        }
        catch (JsonException e)
        {
            throw MalformedBody(e);
        }
        foreach (var member in shape.Located)
        {
            object? value = member.Location switch
            {
                "uri" => labels.GetValueOrDefault(member.Name),
                "querystring" when member.Property.PropertyType == typeof(Dictionary<string, string>) => QueryMap(shape, query),
                "querystring" => member.Property.PropertyType == typeof(List<string>) ? query.All(member.Name)?.ToList() : (object?)query.First(member.Name),
                "header" => request.Header(member.Name),
                "headers" => request.Headers.Where(h => h.Key.StartsWith(member.Name, StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(h => h.Key[member.Name.Length..], h => h.Value),
                _ => null,
            };
            if (value is null)
            {
                continue;
            }
            if (value is string text && member.Property.PropertyType != typeof(string))
            {
                value = member.Property.PropertyType == typeof(List<string>)
                    ? text.Split(',').Select(v => v.Trim()).ToList()
                    : ParseValue(member, text);
            }
            member.Property.SetValue(input, value);
        }
        return input;
    }

    /// <summary>
    /// A query-string map member (GetExport's <c>parameters</c>): every query parameter that no other
    /// member of the shape names, as the SDKs send the map's entries as parameters of their own.
    /// </summary>
    private static Dictionary<string, string>? QueryMap(RestShape shape, QueryString query)
    {
        var named = shape.Located.Where(m => m.Location == "querystring").Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var map = query.Keys.Where(key => !named.Contains(key)).ToDictionary(key => key, key => query.First(key)!, StringComparer.Ordinal);
        return map.Count > 0 ? map : null;
    }

    private object? ParseValue(LocatedMember member, string text)
    {
        try
        {
            return RestShape.Parse(text, member.Property.PropertyType);
        }
        catch (FormatException)
        {
            throw MalformedValue(member.Name, text);
        }
        catch (OverflowException)
        {
            throw MalformedValue(member.Name, text);
        }
    }

    private WireResponse Write(Engine.Core.OperationModel model, object? output)
    {
        if (model.OutputType is null || output is null)
        {
            return new WireResponse { Status = model.ResponseCode };
        }
        var shape = RestShape.For(model.OutputType);
        var status = shape.StatusCode?.GetValue(output) is int code ? code : model.ResponseCode;
        WireResponse response;
        if (shape.Payload is { } payload)
        {
            var value = payload.GetValue(output);
            response = value is null
                ? new WireResponse { Status = status }
                : EncodeEventStream(value) is { } events
                    ? WireResponse.Json(events, "application/vnd.amazon.eventstream", status)
                    : WireResponse.Json(RestShape.PayloadBytes(value, _json), value is byte[] ? PayloadContentType : "application/json", status);
        }
        else
        {
            response = shape.HasBody
                ? WireResponse.Json(JsonSerializer.SerializeToUtf8Bytes(output, model.OutputType, _json), "application/json", status)
                : new WireResponse { Status = status };
        }
        // A Content-Type the output names (GetExport's JSON or YAML) is the payload's own.
        if (shape.Located.FirstOrDefault(m => m.Location == "header" && m.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) is { } type
            && type.Property.GetValue(output) is string contentType)
        {
            response = new WireResponse { Status = response.Status, Body = response.Body, ContentType = contentType };
        }
        foreach (var member in shape.Located.Where(m => !m.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            if (member.Location == "header" && member.Property.GetValue(output) is { } value)
            {
                response.Headers[member.Name] = RestShape.Format(value);
            }
        }
        return response;
    }

    private byte[] EncodeError(AwsServiceException error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonProtocol.WriterOptions))
        {
            writer.WriteStartObject();
            WriteErrorBody(writer, error);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
