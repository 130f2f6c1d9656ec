namespace FakeAws;

/// <summary>DAX's settings in a cloud, <c>options.Dax</c>: the timings AWS leaves to itself.</summary>
public sealed class DaxOptions
{
    /// <summary>
    /// How long a cluster created, resized or deleted through the control plane stays <c>creating</c>,
    /// <c>modifying</c> or <c>deleting</c>, in virtual time. AWS takes minutes; zero (the default) ends the
    /// status at the next request, so the answer to the call itself still shows it.
    /// </summary>
    public TimeSpan ClusterStatusDelay { get; set; } = TimeSpan.Zero;

    internal DaxOptions Clone() => (DaxOptions)MemberwiseClone();
}
