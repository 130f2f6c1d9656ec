namespace FakeAws.Engine.Lambda.Code;

/// <summary>What a function's init code is given when an execution environment starts.</summary>
internal sealed class LambdaInit
{
    /// <summary>The SnapStart hooks the init code registers; they run only for SnapStart versions.</summary>
    public SnapStartHooks Hooks { get; } = new();

    /// <summary>The function's runtime, such as <c>python3.12</c>; null for code bound in process without one.</summary>
    public string? Runtime { get; init; }

    /// <summary>The function's Handler string.</summary>
    public string? Handler { get; init; }

    /// <summary>The function's deployment package (.zip), or null for code bound in process.</summary>
    public byte[]? Package { get; init; }

    /// <summary>The .zip archives of the function's layers, in the order the configuration lists them.</summary>
    public IReadOnlyList<byte[]> Layers { get; init; } = [];

    /// <summary>
    /// The environment the runtime sets: the function's variables and AWS's own (AWS_REGION,
    /// AWS_LAMBDA_FUNCTION_NAME, ...). Runtimes that run local processes pass it on.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
