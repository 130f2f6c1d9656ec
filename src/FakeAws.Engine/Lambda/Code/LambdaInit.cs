namespace FakeAws.Engine.Lambda.Code;

/// <summary>What a function's init code is given when an execution environment starts.</summary>
internal sealed class LambdaInit
{
    /// <summary>The SnapStart hooks the init code registers; they run only for SnapStart versions.</summary>
    public SnapStartHooks Hooks { get; } = new();
}
