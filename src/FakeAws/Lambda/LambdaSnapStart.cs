using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda;

/// <summary>
/// Registers SnapStart runtime hooks from a function's init code (a handler type's constructor, or
/// <see cref="LambdaFunctionOptions.Init"/>), as <c>Amazon.Lambda.Core.SnapshotRestore</c> does in AWS.
/// Code that calls <c>Amazon.Lambda.Core.SnapshotRestore</c> itself works too: FakeAws collects those
/// registrations after the init code ran.
/// </summary>
/// <remarks>
/// When a version of a function with <c>SnapStart: {ApplyOn: PublishedVersions}</c> is published, its
/// init code runs once and the before-snapshot hooks run, last registered first. Each execution
/// environment restored from that snapshot runs the after-restore hooks, in order, before its first
/// invocation. Functions without SnapStart never run the hooks.
/// </remarks>
public static class LambdaSnapStart
{
    private static readonly AsyncLocal<SnapStartHooks?> Initializing = new();

    /// <summary>Registers a hook that runs before Lambda takes the snapshot of the initialized environment.</summary>
    /// <exception cref="InvalidOperationException">Called outside a function's init code.</exception>
    public static void RegisterBeforeSnapshot(Func<ValueTask> beforeSnapshot) => Current().RegisterBeforeSnapshot(beforeSnapshot);

    /// <summary>Registers a hook that runs when an environment is restored from the snapshot.</summary>
    /// <exception cref="InvalidOperationException">Called outside a function's init code.</exception>
    public static void RegisterAfterRestore(Func<ValueTask> afterRestore) => Current().RegisterAfterRestore(afterRestore);

    /// <summary>Makes <paramref name="hooks"/> the target of registrations for the init code that runs in this flow.</summary>
    internal static void BeginInit(SnapStartHooks hooks) => Initializing.Value = hooks;

    private static SnapStartHooks Current() => Initializing.Value ?? throw new InvalidOperationException(
        "Register SnapStart hooks from a function's init code: the constructor of its handler type, or the Init of AddFunction's options.");
}
