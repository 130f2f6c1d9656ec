namespace FakeAws.Engine.DynamoDb;

/// <summary>Tunables of the DynamoDB engine that AWS leaves open.</summary>
internal sealed class DynamoDbOptions
{
    /// <summary>How long a new table stays CREATING (and a deleted one DELETING) in virtual time. Zero: instantly ACTIVE.</summary>
    public TimeSpan TableStatusDelay { get; set; } = TimeSpan.Zero;
}
