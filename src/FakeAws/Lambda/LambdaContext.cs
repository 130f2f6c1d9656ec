using System.Text.Json;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda;

/// <summary>
/// What an in-process handler sees of its invocation. A handler may take this type as its context
/// parameter, or any interface with the same members (such as <c>Amazon.Lambda.Core.ILambdaContext</c>),
/// which FakeAws implements by duck typing.
/// </summary>
public sealed class LambdaContext
{
    private readonly LambdaInvocation _invocation;

    internal LambdaContext(LambdaInvocation invocation)
    {
        _invocation = invocation;
        Logger = new LambdaLogger(invocation.Log, invocation.AwsRequestId, invocation.Clock);
        ClientContext = invocation.ClientContext is { } json ? LambdaClientContext.Parse(json) : null;
    }

    /// <summary>The invocation's request id.</summary>
    public string AwsRequestId => _invocation.AwsRequestId;

    /// <summary>The function's name.</summary>
    public string FunctionName => _invocation.FunctionName;

    /// <summary>The version that runs: <c>$LATEST</c> or a number.</summary>
    public string FunctionVersion => _invocation.FunctionVersion;

    /// <summary>The ARN the caller invoked, with the qualifier it used, if any.</summary>
    public string InvokedFunctionArn => _invocation.InvokedFunctionArn;

    /// <summary>The function's memory, in MB.</summary>
    public int MemoryLimitInMB => _invocation.MemoryLimitInMB;

    /// <summary>The CloudWatch Logs group the function would log to.</summary>
    public string LogGroupName => _invocation.LogGroupName;

    /// <summary>The CloudWatch Logs stream of the execution environment.</summary>
    public string LogStreamName => _invocation.LogStreamName;

    /// <summary>The time left before the function times out, on the cloud's virtual clock.</summary>
    public TimeSpan RemainingTime => _invocation.RemainingTime;

    /// <summary>The invocation's log; <c>LogType: Tail</c> returns its last 4 KB.</summary>
    public LambdaLogger Logger { get; }

    /// <summary>The client context the caller sent, or null.</summary>
    public LambdaClientContext? ClientContext { get; }

    /// <summary>The Cognito identity of the caller: FakeAws has none.</summary>
    public object? Identity => null;

    /// <summary>The cloud's clock. A handler that waits on it (<c>Task.Delay(delay, context.Clock)</c>) waits in virtual time.</summary>
    public TimeProvider Clock => _invocation.Clock;
}

/// <summary>The client context of an invocation: the JSON the caller sent in <c>X-Amz-Client-Context</c>.</summary>
public sealed class LambdaClientContext
{
    /// <summary>The <c>env</c> member.</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>();

    /// <summary>The <c>custom</c> member.</summary>
    public IDictionary<string, string> Custom { get; } = new Dictionary<string, string>();

    /// <summary>The <c>client</c> member: FakeAws does not read it.</summary>
    public object? Client => null;

    internal static LambdaClientContext Parse(string json)
    {
        var context = new LambdaClientContext();
        try
        {
            using var document = JsonDocument.Parse(json);
            Copy(document.RootElement, "env", context.Environment);
            Copy(document.RootElement, "custom", context.Custom);
        }
        catch (JsonException)
        {
            // A client context that is not JSON reaches the handler empty.
        }
        return context;
    }

    private static void Copy(JsonElement root, string member, IDictionary<string, string> into)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(member, out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in values.EnumerateObject())
            {
                into[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : value.Value.GetRawText();
            }
        }
    }
}
