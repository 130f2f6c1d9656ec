namespace FakeAws;

/// <summary>A fault rule added to a cloud, with what it has done so far. Dispose it, or call <see cref="Remove"/>, to take it out.</summary>
public sealed class InjectedFault : IDisposable
{
    private readonly FaultInjector _owner;
    private int _matched;
    private int _fired;

    internal InjectedFault(FaultInjector owner, FaultRule rule, int id)
    {
        _owner = owner;
        Rule = rule;
        Id = id;
    }

    /// <summary>The rule's number in its cloud, from 1 in the order added; FakeAws.Server's admin endpoints name rules by it.</summary>
    public int Id { get; }

    /// <summary>The rule as it was added.</summary>
    public FaultRule Rule { get; }

    /// <summary>How many calls the rule's narrowing matched, fired or not.</summary>
    public int Matched => Volatile.Read(ref _matched);

    /// <summary>How many calls the rule hit.</summary>
    public int Fired => Volatile.Read(ref _fired);

    /// <summary>Whether the rule fired its <see cref="FaultRule.Times"/> and stopped.</summary>
    public bool IsSpent => Rule.Times is { } times && Fired >= times;

    /// <summary>Takes the rule out of the cloud; calls from now on pass it by. Removing twice does nothing.</summary>
    public void Remove() => _owner.Remove(this);

    /// <summary>Same as <see cref="Remove"/>, for <c>using var fault = aws.Faults.Add(...)</c>.</summary>
    public void Dispose() => Remove();

    /// <summary>Counts a matching call and decides whether the rule hits it; the caller holds the injector's lock.</summary>
    internal bool TryFire(Random random)
    {
        if (++_matched <= Rule.AfterCalls || IsSpent)
        {
            return false;
        }
        if (Rule.Probability is { } probability && random.NextDouble() >= probability)
        {
            return false;
        }
        _fired++;
        return true;
    }
}
