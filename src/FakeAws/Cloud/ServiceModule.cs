using FakeAws.Protocol;

namespace FakeAws.Cloud;

/// <summary>
/// One service of a cloud, as the cloud composes it: the module builds the service's engine from
/// the service's own options (<c>options.DynamoDb</c>, <c>options.Lambda</c>, ...), opens its front
/// doors on the cloud's router, holds the helpers a test reaches the service by, and knows what
/// <see cref="FakeAwsCloud.Reset"/> clears. Services reach each other through the cloud's service
/// calls, so a module holds no other module's engine, except where one service reads another's
/// state as AWS's own plumbing does (Lambda's event sources polling DynamoDB's streams).
/// </summary>
internal abstract class ServiceModule
{
    /// <summary>The module's front doors on the wire, registered on the router in this order.</summary>
    public abstract IReadOnlyList<IWireService> FrontDoors { get; }

    /// <summary>Forgets all of the service's state.</summary>
    public abstract void Reset();

    /// <summary>Releases what the service holds outside the process's memory (Lambda's local runtime processes) when the cloud is disposed.</summary>
    public virtual void Release()
    {
    }

    /// <summary>
    /// The service's state, by a name unique in the cloud, as <see cref="FakeAwsCloud.Snapshot"/> takes it
    /// and <see cref="FakeAwsCloud.Restore"/> puts it back: what <see cref="Reset"/> clears.
    /// </summary>
    public abstract IReadOnlyList<(string Name, Engine.Core.IStateStore Store)> State { get; }
}
