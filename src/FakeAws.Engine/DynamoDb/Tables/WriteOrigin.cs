namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// Who made a change to an item. Stream records name DynamoDB itself for Time to Live deletions, and a
/// global table's replicas must not send a replicated change back to where it came from.
/// </summary>
internal enum WriteOrigin : byte
{
    /// <summary>A request of a client or of another service: PutItem, UpdateItem, a batch, a transaction, PartiQL, a restore.</summary>
    User,

    /// <summary>Time to Live deleting an expired item.</summary>
    TimeToLive,

    /// <summary>A global table replicating a change made in another region.</summary>
    Replication,
}
