using System.Collections;
using System.Text;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws;

/// <summary>
/// Every call a cloud answered, in the order they arrived (<see cref="FakeAwsCloud.Calls"/>): clients'
/// requests on every path, and calls services make to each other, marked with their caller. Reading it
/// gives a copy of the list as it is at that moment.
/// </summary>
public sealed class CallLog : IReadOnlyList<AwsCall>
{
    private readonly object _gate = new();
    private readonly List<AwsCall> _calls = [];
    private volatile bool _enabled;

    internal CallLog(bool enabled) => _enabled = enabled;

    /// <summary>Whether calls are recorded. On unless <see cref="FakeAwsOptions.RecordCalls"/> turned it off.</summary>
    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>How many calls are recorded.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    /// <summary>The call at <paramref name="index"/>, in order of arrival.</summary>
    public AwsCall this[int index]
    {
        get
        {
            lock (_gate)
            {
                return _calls[index];
            }
        }
    }

    /// <summary>Forgets every recorded call.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>The calls of one service, and of one of its operations when <paramref name="operation"/> is given.</summary>
    /// <param name="service">The signing name: <c>dynamodb</c>, <c>lambda</c>, <c>states</c>, ...</param>
    /// <param name="operation">The operation, as AWS names the action; null for all of them.</param>
    public IReadOnlyList<AwsCall> Of(string service, string? operation = null) =>
        Snapshot().Where(c => string.Equals(c.Service, service, StringComparison.OrdinalIgnoreCase) && (operation is null || c.Operation == operation)).ToList();

    /// <summary>The calls that failed, with their error codes.</summary>
    public IReadOnlyList<AwsCall> Failed => Snapshot().Where(c => c.ErrorCode is not null).ToList();

    /// <summary>
    /// The payloads a Lambda function was invoked with, in order, as text: by clients, Step Functions,
    /// API Gateway, Cognito triggers or event source mappings. The function is matched by name, whatever
    /// form (name, partial ARN, ARN, qualified) the caller used.
    /// </summary>
    /// <example><c>Assert.That(aws.Calls.LambdaPayloads("orders"), Is.EqualTo(new[] { "{\"id\":1}", "{\"id\":2}" }));</c></example>
    public IReadOnlyList<string> LambdaPayloads(string functionName)
    {
        var wanted = FunctionArns.Parse(functionName).Name;
        return Of("lambda", "Invoke")
            .Select(c => (InvocationRequest)c.Input)
            .Where(i => i.FunctionName is { } name && FunctionArns.Parse(name).Name == wanted)
            .Select(i => i.Payload is { Length: > 0 } payload ? Encoding.UTF8.GetString(payload) : "")
            .ToList();
    }

    /// <summary>Adds a call as it arrives.</summary>
    internal void Add(AwsCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    private AwsCall[] Snapshot()
    {
        lock (_gate)
        {
            return _calls.ToArray();
        }
    }

    /// <inheritdoc/>
    public IEnumerator<AwsCall> GetEnumerator() => ((IEnumerable<AwsCall>)Snapshot()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
