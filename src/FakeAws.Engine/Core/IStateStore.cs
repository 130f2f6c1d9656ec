namespace FakeAws.Engine.Core;

/// <summary>
/// A service's state, per account and region, as a cloud's snapshot takes it out and puts it back
/// (<see cref="RegionalStore{TState}"/> is one). The states are the service's own objects: the snapshot
/// copies them, so nothing it holds is shared with a live cloud.
/// </summary>
internal interface IStateStore
{
    /// <summary>Every account and region's state, as it is now.</summary>
    IReadOnlyList<(string AccountId, string Region, object State)> Export();

    /// <summary>Replaces all state with <paramref name="states"/>, which the store owns from now on.</summary>
    void Import(IEnumerable<(string AccountId, string Region, object State)> states);
}
