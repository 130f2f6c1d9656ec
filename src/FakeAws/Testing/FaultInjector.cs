using FakeAws.Engine.Core;

namespace FakeAws;

/// <summary>
/// The faults injected into a cloud's calls (<see cref="FakeAwsCloud.Faults"/>). Rules are tried in the
/// order they were added; the first that hits a call decides what happens to it.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly Random _random;
    private InjectedFault[] _faults = [];
    private int _added;

    internal FaultInjector(int seed) => _random = new Random(seed);

    /// <summary>The rules in force, in the order they were added.</summary>
    public IReadOnlyList<InjectedFault> Active => Volatile.Read(ref _faults);

    /// <summary>Adds a rule; it applies to calls that start from now on.</summary>
    /// <returns>The rule's handle: what it has done so far, and <see cref="InjectedFault.Remove"/>.</returns>
    /// <exception cref="ArgumentException">The rule has no effect, or a setting out of range.</exception>
    public InjectedFault Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Check();
        lock (_gate)
        {
            var fault = new InjectedFault(this, rule, ++_added);
            _faults = [.. _faults, fault];
            return fault;
        }
    }

    /// <summary>Takes a rule out; calls from now on pass it by.</summary>
    public void Remove(InjectedFault fault)
    {
        lock (_gate)
        {
            _faults = _faults.Where(f => f != fault).ToArray();
        }
    }

    /// <summary>Takes every rule out.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults = [];
        }
    }

    /// <summary>Whether any rule is in force: the check a call makes before anything else.</summary>
    internal bool IsEmpty => Volatile.Read(ref _faults).Length == 0;

    /// <summary>The first rule that hits <paramref name="call"/>, counting the call against every rule that matches it until then.</summary>
    internal InjectedFault? Hit(AwsCall call)
    {
        foreach (var fault in Volatile.Read(ref _faults))
        {
            // The user's test runs outside the lock: it may read the call's JSON, or be slow.
            if (!fault.Rule.Narrows(call) || fault.Rule.When is { } when && !when(call))
            {
                continue;
            }
            lock (_gate)
            {
                if (fault.TryFire(_random))
                {
                    return fault;
                }
            }
        }
        return null;
    }

    /// <summary>The error a rule fails a call with, or null for a rule that only adds latency.</summary>
    internal static AwsServiceException? ErrorOf(InjectedFault fault, AwsCall call)
    {
        var rule = fault.Rule;
        if (rule.Throttle)
        {
            return ThrottlingErrors.Of(call.Service);
        }
        if (rule.ErrorCode is not { } code)
        {
            return null;
        }
        return new AwsServiceException(
            code,
            rule.Message ?? $"FakeAws injected this fault ({code}) into {call.Service} {call.Operation}.",
            rule.StatusCode ?? DefaultStatus(code));
    }

    // The status AWS answers these codes with; an unknown code is taken for the service's own failure.
    private static int DefaultStatus(string code) => code switch
    {
        "ServiceUnavailable" or "ServiceUnavailableException" => 503,
        "TooManyRequestsException" => 429,
        "InternalServerError" or "InternalServerErrorException" or "InternalFailure" or "ServiceException" => 500,
        _ when code.EndsWith("Exception", StringComparison.Ordinal) || ThrottlingErrors.IsThrottlingCode(code) => 400,
        _ => 500,
    };
}
