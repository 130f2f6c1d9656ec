using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>Encryption at rest: SSESpecification on CreateTable and UpdateTable, and the SSEDescription tables show.</summary>
public class EncryptionTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const string KeyArnPrefix = "arn:aws:kms:us-east-1:123456789012:";

    private Task<CreateTableResponse> CreateAsync(string name, SSESpecification? sse) => Ddb.CreateTableAsync(new CreateTableRequest
    {
        TableName = name,
        KeySchema = [new("pk", KeyType.HASH)],
        AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
        SSESpecification = sse,
    });

    private async Task<SSEDescription?> DescribedAsync(string name) => (await Ddb.DescribeTableAsync(name)).Table.SSEDescription;

    [Test]
    public async Task CreateTable_NoSpecificationOrDisabled_AwsOwnedKey_NoSSEDescription()
    {
        await CreateAsync("owned", null);
        await CreateAsync("disabled", new SSESpecification { Enabled = false });

        Assert.That(await DescribedAsync("owned"), Is.Null);
        Assert.That(await DescribedAsync("disabled"), Is.Null);
    }

    [Test]
    public async Task CreateTable_EnabledWithoutKey_EveryTableOfTheRegionGetsTheSameAwsManagedKey()
    {
        var first = (await CreateAsync("first", new SSESpecification { Enabled = true })).TableDescription.SSEDescription;
        await CreateAsync("second", new SSESpecification { Enabled = true, SSEType = SSEType.KMS });

        var second = await DescribedAsync("second");

        Assert.That(second!.KMSMasterKeyArn, Is.EqualTo(first.KMSMasterKeyArn));
        Assert.That(second.Status, Is.EqualTo(SSEStatus.ENABLED));
    }

    [TestCase("1234abcd-12ab-34cd-56ef-1234567890ab", KeyArnPrefix + "key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [TestCase(KeyArnPrefix + "key/1234abcd-12ab-34cd-56ef-1234567890ab", KeyArnPrefix + "key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [TestCase("alias/mine", KeyArnPrefix + "alias/mine")]
    public async Task CreateTable_CustomerKey_DescribedByItsArn(string keyId, string arn)
    {
        await CreateAsync("customer", new SSESpecification { Enabled = true, SSEType = SSEType.KMS, KMSMasterKeyId = keyId });

        Assert.That((await DescribedAsync("customer"))!.KMSMasterKeyArn, Is.EqualTo(arn));
    }

    [Test]
    public async Task UpdateTable_DisableOnAStandingClock_AnswersUpdatingThenTheTableHasNoSSEDescription()
    {
        await CreateAsync("turnoff", new SSESpecification { Enabled = true });

        var answered = (await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "turnoff", SSESpecification = new SSESpecification { Enabled = false } }))
            .TableDescription.SSEDescription;

        Assert.That(answered.Status, Is.EqualTo(SSEStatus.UPDATING));
        Assert.That(await DescribedAsync("turnoff"), Is.Null);
    }

    [Test]
    public async Task UpdateTable_EnableOnAnOwnedKeyTable_UpdatingForTheManagedKeyThenEnabled()
    {
        await CreateAsync("turnon", null);

        var answered = (await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "turnon", SSESpecification = new SSESpecification { Enabled = true } }))
            .TableDescription.SSEDescription;
        var described = await DescribedAsync("turnon");

        Assert.Multiple(() =>
        {
            Assert.That(answered.Status, Is.EqualTo(SSEStatus.UPDATING));
            Assert.That(answered.KMSMasterKeyArn, Does.StartWith(KeyArnPrefix + "key/"));
            Assert.That(described!.Status, Is.EqualTo(SSEStatus.ENABLED));
            Assert.That(described.KMSMasterKeyArn, Is.EqualTo(answered.KMSMasterKeyArn));
        });
    }

    [Test]
    public async Task UpdateTable_SameKeyAgain_NothingChanges_AnswersEnabled()
    {
        await CreateAsync("same", new SSESpecification { Enabled = true });

        var answered = (await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "same", SSESpecification = new SSESpecification { Enabled = true } }))
            .TableDescription;

        Assert.That(answered.SSEDescription.Status, Is.EqualTo(SSEStatus.ENABLED));
        Assert.That(answered.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
    }

    [Test]
    public async Task Snapshot_KeepsTheTablesKeyAndTheRegionsManagedKey()
    {
        var created = (await CreateAsync("kept", new SSESpecification { Enabled = true })).TableDescription.SSEDescription;

        using var fresh = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = Time });
        fresh.Restore(Aws.Snapshot());
        using var client = fresh.CreateClient<AmazonDynamoDBClient>();
        var restored = (await client.DescribeTableAsync("kept")).Table.SSEDescription;
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "later", KeySchema = [new("pk", KeyType.HASH)], AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST, SSESpecification = new SSESpecification { Enabled = true },
        });
        var later = (await client.DescribeTableAsync("later")).Table.SSEDescription;

        Assert.That(restored.KMSMasterKeyArn, Is.EqualTo(created.KMSMasterKeyArn));
        Assert.That(later.KMSMasterKeyArn, Is.EqualTo(created.KMSMasterKeyArn), "the region's AWS managed key stays the same");
    }
}

/// <summary>Encryption changes while table status changes take time.</summary>
public class EncryptionDelayTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.TableStatusDelay = TimeSpan.FromSeconds(10);
        return options;
    }

    [Test]
    public async Task UpdateTable_NewCustomerKey_UpdatingUntilTheDelayPasses()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "rotate",
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            SSESpecification = new SSESpecification { Enabled = true },
        });
        Time.Advance(TimeSpan.FromSeconds(10));

        await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "rotate", SSESpecification = new SSESpecification { Enabled = true, KMSMasterKeyId = "alias/next" } });
        var during = (await Ddb.DescribeTableAsync("rotate")).Table;
        Time.Advance(TimeSpan.FromSeconds(10));
        var after = (await Ddb.DescribeTableAsync("rotate")).Table;

        Assert.Multiple(() =>
        {
            Assert.That(during.TableStatus, Is.EqualTo(TableStatus.UPDATING));
            Assert.That(during.SSEDescription.Status, Is.EqualTo(SSEStatus.UPDATING));
            Assert.That(during.SSEDescription.KMSMasterKeyArn, Is.EqualTo("arn:aws:kms:us-east-1:123456789012:alias/next"));
            Assert.That(after.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
            Assert.That(after.SSEDescription.Status, Is.EqualTo(SSEStatus.ENABLED));
        });
    }
}
