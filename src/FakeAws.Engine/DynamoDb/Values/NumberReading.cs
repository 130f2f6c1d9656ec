namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// How a request's number text is read. DynamoDB runs two value-checking layers, and they disagree about
/// numbers written with an exponent far out of range and about the empty string.
/// </summary>
internal enum NumberReading
{
    /// <summary>
    /// PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem and Query: the exponent read in full (anything
    /// past 64 bits cannot be converted), so 1e2147483647 overflows; the empty string is echoed after a colon.
    /// </summary>
    Current,

    /// <summary>
    /// BatchWriteItem, the transactions, Scan and PartiQL parameters: Java's BigDecimal, whose exponent and
    /// scale must fit 32 bits and whose magnitude check wraps, so 1e2147483647 underflows; the empty string
    /// gets the bare message.
    /// </summary>
    BigDecimal,
}
