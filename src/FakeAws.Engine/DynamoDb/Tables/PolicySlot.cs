namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The resource-based policy attached to one ARN (a table's, or one of its streams'): each has its own
/// revision. Kept as text, so a snapshot holds it as it is.
/// </summary>
internal sealed class PolicySlot
{
    /// <summary>The policy's canonical text as sent (<see cref="PolicyDocument.Canonical"/>), or null when none is attached.</summary>
    public string? Canonical { get; set; }

    /// <summary>The text GetResourcePolicy answers (<see cref="PolicyDocument.Text"/>), or null when none is attached.</summary>
    public string? Text { get; set; }

    /// <summary>The attached policy's revision: the epoch milliseconds of the change that attached it.</summary>
    public string? RevisionId { get; set; }

    /// <summary>
    /// After a policy was deleted: the revision of that deletion, which a DeleteResourcePolicy of the empty slot
    /// answers, as AWS does.
    /// </summary>
    public string? DeletedRevisionId { get; set; }
}
