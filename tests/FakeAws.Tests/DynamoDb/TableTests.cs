using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class TableTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    [Test]
    public async Task CreateTable_OnDemand_DescribesTheTableAsAws()
    {
        var created = await CreateTableAsync("orders", "pk", range: "sk", rangeType: ScalarAttributeType.N);

        var table = created.TableDescription;
        Assert.That(table.TableName, Is.EqualTo("orders"));
        Assert.That(table.TableArn, Is.EqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders"));
        Assert.That(table.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
        Assert.That(table.CreationDateTime, Is.EqualTo(Start.UtcDateTime));
        Assert.That(table.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)), Is.EqualTo(new[] { ("pk", "HASH"), ("sk", "RANGE") }));
        Assert.That(table.BillingModeSummary.BillingMode, Is.EqualTo(BillingMode.PAY_PER_REQUEST));
        Assert.That(table.ProvisionedThroughput.ReadCapacityUnits, Is.Zero);
        Assert.That(table.ItemCount, Is.Zero);
        Assert.That(table.TableId, Is.Not.Empty);
    }

    [Test]
    public async Task CreateTable_Provisioned_KeepsThroughputAndTableClass()
    {
        var created = await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "cold",
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.B)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 7),
            TableClass = TableClass.STANDARD_INFREQUENT_ACCESS,
        });

        Assert.That(created.TableDescription.ProvisionedThroughput.ReadCapacityUnits, Is.EqualTo(5));
        Assert.That(created.TableDescription.ProvisionedThroughput.WriteCapacityUnits, Is.EqualTo(7));
        Assert.That(created.TableDescription.BillingModeSummary, Is.Null);
        Assert.That(created.TableDescription.TableClassSummary.TableClass, Is.EqualTo(TableClass.STANDARD_INFREQUENT_ACCESS));
    }

    [Test]
    public async Task CreateTable_NameTaken_ResourceInUse()
    {
        await CreateTableAsync("dup");
        Fails<ResourceInUseException>(() => CreateTableAsync("dup"), "Table already exists: dup");
    }

    [TestCase("ab", "TableName must be at least 3 characters long and at most 255 characters long")]
    [TestCase("bad name", "1 validation error detected: Value 'bad name' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")]
    public void CreateTable_BadName_ValidationException(string name, string message) =>
        Invalid(() => CreateTableAsync(name), message);

    [Test]
    public void CreateTable_KeyNotDefined_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("other", ScalarAttributeType.S)],
        }), "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]");

    [Test]
    public void CreateTable_RangeFirst_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("a", KeyType.RANGE), new KeySchemaElement("b", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S), new AttributeDefinition("b", ScalarAttributeType.S)],
        }), "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");

    [Test]
    public void CreateTable_TwoHashKeys_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("a", KeyType.HASH), new KeySchemaElement("b", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S), new AttributeDefinition("b", ScalarAttributeType.S)],
        }), "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");

    [Test]
    public void CreateTable_SameNameForBothKeys_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("a", KeyType.HASH), new KeySchemaElement("a", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S), new AttributeDefinition("b", ScalarAttributeType.S)],
        }), "Both the Hash Key and the Range Key element in the KeySchema have the same name");

    [Test]
    public void CreateTable_ExtraDefinition_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("a", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S), new AttributeDefinition("b", ScalarAttributeType.S)],
        }), "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");

    [Test]
    public void CreateTable_ThreeKeys_ConstraintViolation() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("a", KeyType.HASH), new KeySchemaElement("b", KeyType.RANGE), new KeySchemaElement("c", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S)],
        }), "1 validation error detected: Value '[KeySchemaElement(attributeName=a, keyType=HASH), KeySchemaElement(attributeName=b, keyType=RANGE), KeySchemaElement(attributeName=c, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");

    [Test]
    public void CreateTable_BadAttributeType_ConstraintViolation() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("a", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("a", "BOOL")],
        }), "1 validation error detected: Value 'BOOL' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");

    [Test]
    public void CreateTable_ProvisionedWithoutThroughput_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            KeySchema = [new KeySchemaElement("a", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S)],
        }), "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");

    [Test]
    public void CreateTable_OnDemandWithThroughput_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            ProvisionedThroughput = new ProvisionedThroughput(1, 1),
            KeySchema = [new KeySchemaElement("a", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S)],
        }), "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");

    [Test]
    public void CreateTable_ZeroCapacity_ConstraintViolation() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "tab",
            ProvisionedThroughput = new ProvisionedThroughput(0, 1),
            KeySchema = [new KeySchemaElement("a", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S)],
        }), "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1");

    [Test]
    public void DescribeTable_Missing_NamesTheTable() =>
        Fails<ResourceNotFoundException>(() => Ddb.DescribeTableAsync("ghost"), "Requested resource not found: Table: ghost not found");

    [Test]
    public async Task DescribeTable_ByArn_FindsTheTable()
    {
        var created = await CreateTableAsync("by-arn");
        var described = await Ddb.DescribeTableAsync(created.TableDescription.TableArn);
        Assert.That(described.Table.TableName, Is.EqualTo("by-arn"));
    }

    [Test]
    public async Task DescribeTable_AfterWrites_CountsItemsAndBytes()
    {
        await CreateTableAsync("sized");
        await Ddb.PutItemAsync("sized", Item(("pk", S("a")), ("v", S("12345"))));
        await Ddb.PutItemAsync("sized", Item(("pk", S("b"))));

        var table = (await Ddb.DescribeTableAsync("sized")).Table;

        Assert.That(table.ItemCount, Is.EqualTo(2));
        Assert.That(table.TableSizeBytes, Is.EqualTo((2 + 1 + 1 + 5) + (2 + 1)));
    }

    [Test]
    public async Task ListTables_Limit_PagesInNameOrder()
    {
        foreach (var name in new[] { "ccc", "aaa", "bbb", "ddd" })
        {
            await CreateTableAsync(name);
        }

        var first = await Ddb.ListTablesAsync(new ListTablesRequest { Limit = 3 });
        var second = await Ddb.ListTablesAsync(new ListTablesRequest { Limit = 3, ExclusiveStartTableName = first.LastEvaluatedTableName });

        Assert.That(first.TableNames, Is.EqualTo(new[] { "aaa", "bbb", "ccc" }));
        Assert.That(first.LastEvaluatedTableName, Is.EqualTo("ccc"));
        Assert.That(second.TableNames, Is.EqualTo(new[] { "ddd" }));
        Assert.That(second.LastEvaluatedTableName, Is.Null);
    }

    [TestCase(101)]
    public void ListTables_LimitOutOfRange_ConstraintViolation(int limit) =>
        Invalid(() => Ddb.ListTablesAsync(new ListTablesRequest { Limit = limit }),
            "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");

    [Test]
    public async Task UpdateTable_ToProvisioned_SetsThroughputAndLeavesSummary()
    {
        await CreateTableAsync("switch");
        Time.Advance(TimeSpan.FromMinutes(3));

        var updated = await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "switch",
            BillingMode = BillingMode.PROVISIONED,
            ProvisionedThroughput = new ProvisionedThroughput(3, 4),
        });

        Assert.That(updated.TableDescription.BillingModeSummary.BillingMode, Is.EqualTo(BillingMode.PROVISIONED));
        Assert.That(updated.TableDescription.ProvisionedThroughput.ReadCapacityUnits, Is.EqualTo(3));
        Assert.That(updated.TableDescription.ProvisionedThroughput.LastIncreaseDateTime, Is.EqualTo(Start.AddMinutes(3).UtcDateTime));
    }

    [Test]
    public async Task UpdateTable_SameThroughput_ValidationException()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "same",
            KeySchema = [new KeySchemaElement("a", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
        });

        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "same", ProvisionedThroughput = new ProvisionedThroughput(5, 5) }),
            "The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
    }

    [Test]
    public async Task UpdateTable_Nothing_ValidationException()
    {
        await CreateTableAsync("idle");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "idle" }),
            "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, " +
            "MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "idle", MultiRegionConsistency = MultiRegionConsistency.STRONG }),
            "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, " +
            "MultiAccountReplicaReady, ReplicaTransitRoleArn, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required");
    }

    [Test]
    public async Task UpdateTable_TableClass_RecordsWhen()
    {
        await CreateTableAsync("classy");
        Time.Advance(TimeSpan.FromHours(1));

        var updated = await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "classy", TableClass = TableClass.STANDARD_INFREQUENT_ACCESS });

        Assert.That(updated.TableDescription.TableClassSummary.TableClass, Is.EqualTo(TableClass.STANDARD_INFREQUENT_ACCESS));
        Assert.That(updated.TableDescription.TableClassSummary.LastUpdateDateTime, Is.EqualTo(Start.AddHours(1).UtcDateTime));
    }

    [Test]
    public async Task DeleteTable_Existing_ReturnsDeletingThenIsGone()
    {
        await CreateTableAsync("doomed");

        var deleted = await Ddb.DeleteTableAsync("doomed");

        Assert.That(deleted.TableDescription.TableStatus, Is.EqualTo(TableStatus.DELETING));
        Fails<ResourceNotFoundException>(() => Ddb.DescribeTableAsync("doomed"), "Requested resource not found: Table: doomed not found");
        Assert.That((await Ddb.ListTablesAsync()).TableNames, Is.Empty);
    }

    [Test]
    public async Task DeleteTable_Protected_ValidationException()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "guarded",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("a", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("a", ScalarAttributeType.S)],
            DeletionProtectionEnabled = true,
        });

        Invalid(() => Ddb.DeleteTableAsync("guarded"),
            "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        Assert.That((await Ddb.DescribeTableAsync("guarded")).Table.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
    }

    [Test]
    public void DeleteTable_Missing_NamesTheTable() =>
        Fails<ResourceNotFoundException>(() => Ddb.DeleteTableAsync("ghost"), "Requested resource not found: Table: ghost not found");
}

/// <summary>Table lifecycles with a status delay: CREATING and DELETING last until the clock moves.</summary>
public class TableLifecycleTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.TableStatusDelay = TimeSpan.FromSeconds(20);
        return options;
    }

    [Test]
    public async Task CreateTable_WithDelay_IsCreatingUntilTheClockPasses()
    {
        var created = await CreateTableAsync("slow");
        Assert.That(created.TableDescription.TableStatus, Is.EqualTo(TableStatus.CREATING));

        Time.Advance(TimeSpan.FromSeconds(19));
        Assert.That((await Ddb.DescribeTableAsync("slow")).Table.TableStatus, Is.EqualTo(TableStatus.CREATING));

        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await Ddb.DescribeTableAsync("slow")).Table.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
    }

    [Test]
    public async Task DeleteTable_WhileCreating_ResourceInUse()
    {
        await CreateTableAsync("young");
        Fails<ResourceInUseException>(() => Ddb.DeleteTableAsync("young"), "Attempt to change a resource which is still in use: Table is being created: young");
    }

    [Test]
    public async Task DeleteTable_WithDelay_DeletingUntilTheClockPasses()
    {
        await CreateTableAsync("old");
        await Aws.RunUntilIdleAsync();

        await Ddb.DeleteTableAsync("old");
        Assert.That((await Ddb.DescribeTableAsync("old")).Table.TableStatus, Is.EqualTo(TableStatus.DELETING));

        await Aws.RunUntilIdleAsync();
        Fails<ResourceNotFoundException>(() => Ddb.DescribeTableAsync("old"), "Requested resource not found: Table: old not found");
    }
}
