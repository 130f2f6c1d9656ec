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
    // The output of a call still running: a call whose output is anything else has been answered.
    private static readonly object Running = new();

    // A call is kept in the log until the log laps it, often past a garbage collection, so it holds only what
    // every call needs; what few calls need (an error, a fault, the rendered JSON) sits in one object made when needed.
    private readonly RequestScope _scope;
    private readonly DateTime _time;
    private readonly object _input;
    private readonly JsonSerializerOptions _json;
    private volatile object? _output = Running;
    private Details? _details;

    internal AwsCall(string service, string operation, RequestScope scope, DateTimeOffset time, object input, JsonSerializerOptions json)
    {
        Service = service;
        Operation = operation;
        _scope = scope;
        _time = time.UtcDateTime;
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
    public string Region => _scope.Region;

    /// <summary>The account the call acted in.</summary>
    public string AccountId => _scope.AccountId;

    /// <summary>The service principal that made the call (<c>states.amazonaws.com</c>, ...), or null for a client of the cloud.</summary>
    public string? Caller => _scope.Caller?.Principal;

    /// <summary>The resource the calling service acted for (a state machine, an API, a user pool, an event source mapping), when it says.</summary>
    public string? CallerArn => _scope.Caller?.SourceArn;

    /// <summary>The virtual time the call arrived.</summary>
    public DateTimeOffset Time => new(_time, TimeSpan.Zero);

    /// <summary>Whether the call has been answered; a call still waiting (on added latency, or on a function) has not.</summary>
    public bool IsAnswered => !ReferenceEquals(_output, Running);

    /// <summary>The AWS error code the call failed with; null on success or while it runs.</summary>
    public string? ErrorCode => Volatile.Read(ref _details)?.ErrorCode;

    /// <summary>The error's message; null on success.</summary>
    public string? ErrorMessage => Volatile.Read(ref _details)?.ErrorMessage;

    /// <summary>The error's HTTP status; null on success.</summary>
    public int? StatusCode => Volatile.Read(ref _details)?.StatusCode;

    /// <summary>The injected fault that hit the call, or null.</summary>
    public InjectedFault? Fault
    {
        get => Volatile.Read(ref _details)?.Fault;
        internal set => EnsureDetails().Fault = value;
    }

    /// <summary>The request as JSON, with the member names of AWS's API reference.</summary>
    /// <remarks>A call refused before it reached its operation has no input shape: its request is the body as it came (its text as a JSON string when it is not JSON).</remarks>
    public string RequestJson
    {
        get
        {
            var details = EnsureDetails();
            return details.RequestJson ??= _input is RefusedRequest refused ? refused.Json() : JsonSerializer.Serialize(_input, _input.GetType(), _json);
        }
    }

    /// <summary>The response as JSON: the output, or the error's <c>__type</c> and <c>message</c>; null while the call runs.</summary>
    public string? ResponseJson
    {
        get
        {
            var output = _output;
            if (ReferenceEquals(output, Running))
            {
                return null;
            }
            var details = EnsureDetails();
            return details.ResponseJson ??= details.ErrorCode is { } code
                ? JsonSerializer.Serialize(new JsonObject { ["__type"] = code, ["message"] = details.ErrorMessage })
                : output is null ? "{}" : JsonSerializer.Serialize(output, output.GetType(), _json);
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
    public bool Succeeded => IsAnswered && ErrorCode is null;

    internal void Answer(object? output) => _output = output;

    internal void Fail(string code, string message, int status)
    {
        var details = EnsureDetails();
        details.ErrorCode = code;
        details.ErrorMessage = message;
        details.StatusCode = status;
        // Published by the volatile write: whoever sees the call answered sees its error.
        _output = null;
    }

    private Details EnsureDetails()
    {
        if (Volatile.Read(ref _details) is { } details)
        {
            return details;
        }
        var fresh = new Details();
        return Interlocked.CompareExchange(ref _details, fresh, null) ?? fresh;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Time:O} {Service} {Operation} ({Region}){(Caller is null ? "" : " by " + Caller)}: {(IsAnswered ? ErrorCode ?? "OK" : "running")}";

    /// <summary>What only some calls have: an error, an injected fault, the JSON once rendered.</summary>
    private sealed class Details
    {
        public string? ErrorCode;
        public string? ErrorMessage;
        public int? StatusCode;
        public InjectedFault? Fault;
        public string? RequestJson;
        public string? ResponseJson;
    }
}
