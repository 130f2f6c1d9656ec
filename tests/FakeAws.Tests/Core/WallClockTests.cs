using System.Reflection;
using System.Reflection.Emit;

namespace FakeAws.Tests.Core;

/// <summary>
/// Proves that FakeAws's own code never reads the wall clock: every method body of its assemblies is
/// scanned for calls to the members BannedSymbols.txt bans. The exceptions, each where real time is the
/// point: the default virtual clock takes its starting time; Lambda's arrivals wait for callers to stop
/// sending invokes before the clock moves (they decide when it moves, never what it reads); and a
/// local runtime process's output, which arrives in real time, is waited for within a bound.
/// </summary>
public class WallClockTests
{
    private static readonly HashSet<string> Banned =
    [
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow",
        "System.Environment.get_TickCount", "System.Environment.get_TickCount64",
        "System.TimeProvider.get_System", "System.Threading.Thread.Sleep",
    ];

    private static readonly HashSet<string> BannedTypes = ["System.Diagnostics.Stopwatch", "System.Threading.Timer", "System.Timers.Timer"];

    private static readonly HashSet<(Type Type, string Method)> AllowedToReadRealTime =
    [
        (typeof(VirtualClock), "StartingNow"),
        (typeof(FakeAws.Engine.Core.Arrivals), ".cctor"),
        (typeof(FakeAws.Lambda.Runtimes.ProcessEnvironment), ".cctor"),
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Test]
    public void FakeAwsAssemblies_CallNoWallClockApi()
    {
        var offenders = new List<string>();
        foreach (var assembly in new[] { typeof(FakeAwsCloud).Assembly, typeof(VirtualClock).Assembly })
        {
            foreach (var (method, called) in Calls(assembly))
            {
                var name = $"{called.DeclaringType?.FullName}.{called.Name}";
                var isBanned = Banned.Contains(name) || BannedTypes.Contains(called.DeclaringType?.FullName ?? "")
                    || (name == "System.Threading.Tasks.Task.Delay" && !called.GetParameters().Any(p => p.ParameterType == typeof(TimeProvider)));
                var allowed = method.DeclaringType is { } type && AllowedToReadRealTime.Contains((type, method.Name)) && name == "System.TimeProvider.get_System";
                if (isBanned && !allowed)
                {
                    offenders.Add($"{method.DeclaringType?.FullName}.{method.Name} calls {name}");
                }
            }
        }
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Scanner_FindsAWallClockCall() =>
        Assert.That(Calls(typeof(WallClockTests).Assembly).Any(c => c.Called.Name == "get_UtcNow" && c.Method.Name == nameof(ReadsTheWallClock)),
            "the scanner must see a call it is looking for, or the test above proves nothing");

    private static DateTime ReadsTheWallClock() => DateTime.UtcNow;

    private static IEnumerable<(MethodBase Method, MethodBase Called)> Calls(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is null)
                {
                    continue;
                }
                foreach (var token in MethodTokens(il))
                {
                    MethodBase? called = null;
                    try
                    {
                        called = method.Module.ResolveMethod(token, type.IsGenericType ? type.GetGenericArguments() : null,
                            method.IsGenericMethod ? method.GetGenericArguments() : null);
                    }
                    catch (ArgumentException)
                    {
                    }
                    if (called is not null)
                    {
                        yield return (method, called);
                    }
                }
            }
        }
    }

    // Walks the IL and yields the metadata tokens of method operands (call, callvirt, newobj, ldftn...).
    private static IEnumerable<int> MethodTokens(byte[] il)
    {
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            var size = opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                yield return BitConverter.ToInt32(il, i);
            }
            i += size;
        }
    }
}
