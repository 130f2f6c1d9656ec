using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// One stream record: a change to one item, as the stream's view type keeps it. The images are the
/// table's own immutable item dictionaries, so a record costs its fields, not a copy of the item;
/// the key and the event id are kept in their compact forms and written out when the record is read.
/// </summary>
internal sealed class ChangeRecord
{
    /// <summary>The record's place in its stream; <see cref="SequenceNumbers"/> formats it.</summary>
    public required long Sequence { get; init; }

    /// <summary>The record's id; AWS's eventID is its 32 hexadecimal digits.</summary>
    public required Guid EventId { get; init; }

    /// <summary>INSERT, MODIFY or REMOVE.</summary>
    public required string EventName { get; init; }

    /// <summary>When the change was made, in virtual time.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The item's primary key.</summary>
    public required PrimaryKey Key { get; init; }

    /// <summary>The item after the change, when the view type keeps it and the item exists.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? NewImage { get; init; }

    /// <summary>The item before the change, when the view type keeps it and the item existed.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? OldImage { get; init; }

    /// <summary>The record's size as AWS reports it: its keys and images together.</summary>
    public required int SizeBytes { get; init; }

    /// <summary>Who made the change; a Time to Live deletion's record names DynamoDB as the user.</summary>
    public WriteOrigin Origin { get; init; }

    /// <summary>Whether Time to Live deleted the item.</summary>
    public bool ByTimeToLive => Origin == WriteOrigin.TimeToLive;

    /// <summary>AWS's eventID.</summary>
    public string EventIdText => EventId.ToString("N");

    /// <summary>The record's Keys: the key attributes of <paramref name="schema"/> with their values.</summary>
    public Dictionary<string, AttributeValue> KeysOf(KeySchema schema)
    {
        var keys = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal) { [schema.Hash.Name] = Key.Hash };
        if (schema.Range is { } range)
        {
            keys[range.Name] = Key.Range!;
        }
        return keys;
    }
}
