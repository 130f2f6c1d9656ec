using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;

namespace FakeAws;

/// <summary>
/// One call a cloud answered: a client's request or one service calling another. The request and
/// response are kept as the objects the service read and wrote; <see cref="RequestJson"/> and
/// <see cref="ResponseJson"/> render them the first time they are read, so recording costs a call
/// next to nothing.
/// </summary>
public sealed class AwsCall
{
    private readonly object _input;
    private readonly JsonSerializerOptions _json;
    private object? _output;
    private string? _requestJson;
    private string? _responseJson;
    private volatile bool _answered;

    internal AwsCall(string service, string operation, RequestScope scope, DateTimeOffset time, object input, JsonSerializerOptions json)
    {
        Service = service;
        Operation = operation;
        Region = scope.Region;
        AccountId = scope.AccountId;
        Caller = scope.Caller?.Principal;
        CallerArn = scope.Caller?.SourceArn;
        Time = time;
        _input = input;
        _json = json;
    }

    /// <summary>The service, by its signing name: <c>dynamodb</c>, <c>lambda</c>, <c>states</c>, ...</summary>
    public string Service { get; }

    /// <summary>
    /// The operation, as AWS names the action. A request refused before FakeAws knew its operation (no
    /// X-Amz-Target, a path no operation has) shows its method and path instead, like <c>GET /unknown</c>.
    /// </summary>
    public string Operation { get; }

    /// <summary>The region the call acted in.</summary>
    public string Region { get; }

    /// <summary>The account the call acted in.</summary>
    public string AccountId { get; }

    /// <summary>The service principal that made the call (<c>states.amazonaws.com</c>, ...), or null for a client of the cloud.</summary>
    public string? Caller { get; }

    /// <summary>The resource the calling service acted for (a state machine, an API, a user pool, an event source mapping), when it says.</summary>
    public string? CallerArn { get; }

    /// <summary>The virtual time the call arrived.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Whether the call has been answered; a call still waiting (on added latency, or on a function) has not.</summary>
    public bool IsAnswered => _answered;

    /// <summary>The AWS error code the call failed with; null on success or while it runs.</summary>
    public string? ErrorCode { get; private set; }

    /// <summary>The error's message; null on success.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>The error's HTTP status; null on success.</summary>
    public int? StatusCode { get; private set; }

    /// <summary>The injected fault that hit the call, or null.</summary>
    public InjectedFault? Fault { get; internal set; }

    /// <summary>The request as JSON, with the member names of AWS's API reference.</summary>
    /// <remarks>A call refused before it reached its operation has no input shape: its request is the body as it came (its text as a JSON string when it is not JSON).</remarks>
    public string RequestJson => _requestJson ??= _input is RefusedRequest refused ? refused.Json() : JsonSerializer.Serialize(_input, _input.GetType(), _json);

    /// <summary>The response as JSON: the output, or the error's <c>__type</c> and <c>message</c>; null while the call runs.</summary>
    public string? ResponseJson
    {
        get
        {
            if (!_answered)
            {
                return null;
            }
            return _responseJson ??= ErrorCode is { } code
                ? JsonSerializer.Serialize(new JsonObject { ["__type"] = code, ["message"] = ErrorMessage })
                : _output is null ? "{}" : JsonSerializer.Serialize(_output, _output.GetType(), _json);
        }
    }

    /// <summary>The request, parsed.</summary>
    public JsonNode Request => JsonNode.Parse(RequestJson)!;

    /// <summary>The response, parsed; null while the call runs.</summary>
    public JsonNode? Response => ResponseJson is { } json ? JsonNode.Parse(json) : null;

    /// <summary>The request as the service read it: the operation's input shape.</summary>
    internal object Input => _input;

    /// <summary>The call's number in the log that recorded it, in order of arrival.</summary>
    internal long Sequence { get; set; }

    /// <summary>Whether the call succeeded.</summary>
    public bool Succeeded => _answered && ErrorCode is null;

    internal void Answer(object? output)
    {
        _output = output;
        _answered = true;
    }

    internal void Fail(string code, string message, int status)
    {
        ErrorCode = code;
        ErrorMessage = message;
        StatusCode = status;
        _answered = true;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Time:O} {Service} {Operation} ({Region}){(Caller is null ? "" : " by " + Caller)}: {(_answered ? ErrorCode ?? "OK" : "running")}";
}
