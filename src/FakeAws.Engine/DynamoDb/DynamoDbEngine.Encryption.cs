using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Encryption at rest: SSESpecification on CreateTable and UpdateTable, SSEDescription in table descriptions.
internal sealed partial class DynamoDbEngine
{
    /// <summary>
    /// The encryption CreateTable's <paramref name="specification"/> asks for: a KMS key when Enabled is true
    /// (the region's AWS managed key for DynamoDB unless KMSMasterKeyId names one), otherwise none (an AWS
    /// owned key).
    /// </summary>
    private TableEncryption? EncryptionAtCreate(RequestScope scope, SSESpecification? specification) =>
        specification is { Enabled: true } ? new TableEncryption(KmsKeyArn(scope, specification.KMSMasterKeyId)) : null;

    /// <summary>
    /// Applies UpdateTable's <paramref name="specification"/> to <paramref name="table"/>, whose lock the caller
    /// holds. A change answers UPDATING (as AWS does) for the key it moves to, or for the old key while the
    /// encryption goes back to an AWS owned key; the table takes its new encryption after
    /// <see cref="DynamoDbOptions.TableStatusDelay"/>. Returns the SSEDescription UpdateTable answers, or
    /// null when nothing changes.
    /// </summary>
    private SSEDescription? UpdateEncryption(RequestScope scope, Table table, SSESpecification specification)
    {
        var target = EncryptionAtCreate(scope, specification);
        if (target?.KmsMasterKeyArn == table.Encryption?.KmsMasterKeyArn)
        {
            return null;
        }
        var updating = new TableEncryption((target ?? table.Encryption)!.KmsMasterKeyArn, "UPDATING");
        if (Options.TableStatusDelay <= TimeSpan.Zero)
        {
            table.Encryption = target;
        }
        else
        {
            table.Encryption = updating;
            _cloud.Scheduler.Schedule(_cloud.Now + Options.TableStatusDelay, () =>
            {
                lock (table.Gate)
                {
                    if (ReferenceEquals(table.Encryption, updating))
                    {
                        table.Encryption = target;
                    }
                }
            }, $"{table.Name} encryption update");
        }
        return DescribeEncryption(updating);
    }

    private static SSEDescription? DescribeEncryption(TableEncryption? encryption) =>
        encryption is null ? null : new SSEDescription { Status = encryption.Status, SSEType = "KMS", KMSMasterKeyArn = encryption.KmsMasterKeyArn };

    /// <summary>
    /// The ARN of the KMS key <paramref name="keyId"/> names: a key or alias ARN as given, an alias name or a
    /// key ID in the caller's account and region; no key at all means the region's AWS managed key for
    /// DynamoDB (alias/aws/dynamodb), made on first use. FakeAws has no KMS, so an alias is not resolved to its key.
    /// </summary>
    private string KmsKeyArn(RequestScope scope, string? keyId)
    {
        var prefix = $"arn:aws:kms:{scope.Region}:{scope.AccountId}:";
        if (keyId is null)
        {
            var region = _regions[scope];
            lock (region.Gate)
            {
                return region.ManagedKeyArn ??= $"{prefix}key/{_cloud.Ids.NewGuid()}";
            }
        }
        return keyId.StartsWith("arn:", StringComparison.Ordinal) ? keyId
            : keyId.StartsWith("alias/", StringComparison.Ordinal) ? prefix + keyId
            : $"{prefix}key/{keyId}";
    }
}
