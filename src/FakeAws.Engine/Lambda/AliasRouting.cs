namespace FakeAws.Engine.Lambda;

/// <summary>
/// Weighted alias routing, deterministic under the cloud's seed. An alias that sends a weight
/// <c>w</c> of its traffic to an additional version draws a phase <c>p</c> in [0, 1) from the cloud's
/// seeded ids when it is created or its routing changes. Its <c>k</c>-th invocation (from 0) runs the
/// additional version when <c>frac(p + k·φ) &lt; w</c>, with φ the golden ratio's fractional part: a
/// low-discrepancy sequence, so over any run of invocations the share is within one invocation of
/// <c>w</c>, and the same seed and the same calls give the same versions.
/// </summary>
internal static class AliasRouting
{
    private const double GoldenFraction = 0.6180339887498949;

    public static string PickVersion(FunctionAlias alias)
    {
        if (alias.Routing is not { } routing)
        {
            return alias.FunctionVersion;
        }
        var k = Interlocked.Increment(ref alias.Routed) - 1;
        var u = (alias.RoutingPhase + k * GoldenFraction) % 1.0;
        return u < routing.Weight ? routing.Version : alias.FunctionVersion;
    }

    /// <summary>A phase in [0, 1) from four seeded random bytes.</summary>
    public static double Phase(byte[] fourBytes) => BitConverter.ToUInt32(fourBytes) / 4294967296.0;
}
