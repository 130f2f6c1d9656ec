using System.Reflection;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda.Binding;

/// <summary>
/// Collects the hooks a handler registered with <c>Amazon.Lambda.Core.SnapshotRestore</c>, where that
/// class is loaded. Its registrations wait in static queues until the runtime copies them out through
/// <c>CopyBeforeSnapshotCallbacksToRegistry</c> and <c>CopyAfterRestoreCallbacksToRegistry</c>; FakeAws
/// does what the runtime does, right after a function's init code ran, so the hooks belong to that function.
/// </summary>
internal static class SnapshotRestoreBridge
{
    private const string TypeName = "Amazon.Lambda.Core.SnapshotRestore";

    public static void DrainInto(SnapStartHooks hooks)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic || assembly.GetType(TypeName) is not { } type)
            {
                continue;
            }
            Copy(type, "CopyBeforeSnapshotCallbacksToRegistry", hooks.RegisterBeforeSnapshot);
            Copy(type, "CopyAfterRestoreCallbacksToRegistry", hooks.RegisterAfterRestore);
        }
    }

    private static void Copy(Type type, string method, Action<Func<ValueTask>> register) =>
        type.GetMethod(method, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public, [typeof(Action<Func<ValueTask>>)])
            ?.Invoke(null, [register]);
}
