namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// One Kinesis data stream a table streams its changes to, as DescribeKinesisStreamingDestination lists it. A
/// change (ENABLING, UPDATING, DISABLING) settles to its outcome once <see cref="DynamoDbOptions.TableStatusDelay"/>
/// of virtual time has passed; the status is worked out when it is read.
/// </summary>
internal sealed class KinesisDestination(string streamArn)
{
    public string StreamArn { get; } = streamArn;

    /// <summary>ENABLING, UPDATING or DISABLING: what the last change shows until it settles.</summary>
    public string Passing { get; set; } = "ENABLING";

    /// <summary>ACTIVE, ENABLE_FAILED or DISABLED: what the last change settles to.</summary>
    public string Outcome { get; set; } = "ACTIVE";

    /// <summary>Why enabling failed (AWS's DestinationStatusDescription), or null.</summary>
    public string? FailureDescription { get; set; }

    /// <summary>MILLISECOND or MICROSECOND once set; AWS shows nothing until then (and means MILLISECOND).</summary>
    public string? Precision { get; set; }

    /// <summary>When the last change was asked for.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The destination's status at <paramref name="now"/>.</summary>
    public string Status(DateTimeOffset now, TimeSpan delay) => now >= ChangedAt + delay ? Outcome : Passing;

    /// <summary>Whether the destination counts as the table's one live destination (anything but DISABLED and ENABLE_FAILED).</summary>
    public bool IsLive(DateTimeOffset now, TimeSpan delay) => Status(now, delay) is not ("DISABLED" or "ENABLE_FAILED");
}
