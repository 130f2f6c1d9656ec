namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A table's encryption at rest under a KMS key (an AWS managed or a customer managed one). A table
/// without one is encrypted under an AWS owned key, and DescribeTable shows no SSEDescription for it.
/// </summary>
/// <param name="KmsMasterKeyArn">The ARN of the key, as SSEDescription.KMSMasterKeyArn shows it.</param>
/// <param name="Status">ENABLED, or UPDATING while UpdateTable changes the key or turns the encryption off.</param>
internal sealed record TableEncryption(string KmsMasterKeyArn, string Status = "ENABLED");
