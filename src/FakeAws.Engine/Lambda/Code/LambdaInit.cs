namespace FakeAws.Engine.Lambda.Code;

/// <summary>What a function's init code sees when an execution environment starts.</summary>
internal sealed class LambdaInit(string functionName, string functionVersion, int memorySize, IReadOnlyDictionary<string, string> environment, TimeProvider clock)
{
    public string FunctionName { get; } = functionName;

    public string FunctionVersion { get; } = functionVersion;

    public int MemorySize { get; } = memorySize;

    /// <summary>The function's environment variables. FakeAws does not set them on the process, which tests share.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } = environment;

    /// <summary>The cloud's clock.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>Where the init code's log lines go; they open the log of the environment's first invocation.</summary>
    public LambdaLog Log { get; } = new();

    /// <summary>The SnapStart hooks the init code registers.</summary>
    public SnapStartHooks Hooks { get; } = new();
}
