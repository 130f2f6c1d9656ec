namespace FakeAws.Tests.Core;

/// <summary>Bytes a call allocates on this thread, counted exactly (whatever the machine's load) after a warm-up.</summary>
internal static class Allocations
{
    /// <summary>The bytes one run of <paramref name="call"/> allocates, averaged over 1,000 runs after 1,000 to warm up.</summary>
    public static long PerCall(Action call)
    {
        const int calls = 1_000;
        for (var i = 0; i < calls; i++)
        {
            call();
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            call();
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }
}
