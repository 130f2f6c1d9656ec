using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// The control plane of tables: create, describe, list, update and delete.
internal sealed partial class DynamoDbEngine
{
    private const long MaxCapacityUnits = 1_000_000_000_000;

    public CreateTableOutput CreateTable(RequestScope scope, CreateTableInput input) =>
        new() { TableDescription = Describe(MakeTable(scope, input, gate: null)) };

    /// <summary>Creates the table <paramref name="input"/> describes; a strong global table's replica shares its source's <paramref name="gate"/>.</summary>
    private Table MakeTable(RequestScope scope, CreateTableInput input, object? gate)
    {
        var (key, indexes) = TableCreation.Validate(input);
        ValidateStreamAtCreate(input.StreamSpecification);
        var tags = Tagging.Validate(input.Tags);
        var policy = input.ResourcePolicy is { } text ? PolicyDocument.Parse(text) : null;
        var billing = input.BillingMode ?? "PROVISIONED";
        var encryption = EncryptionAtCreate(scope, input.SSESpecification);
        var region = _regions[scope];
        var name = TableNames.Resolve(input.TableName);
        Table table;
        lock (region.Gate)
        {
            if (region.Tables.ContainsKey(name))
            {
                throw DynamoDbErrors.TableInUse(name);
            }
            var now = _cloud.Now;
            table = new Table(scope, name, _cloud.Ids.NewGuid().ToString(), key, now, _cloud, Options)
            {
                Gate = gate ?? new object(),
                Ordinal = Interlocked.Increment(ref _tableOrdinals),
                AttributeDefinitions = input.AttributeDefinitions!,
                BillingMode = billing,
                ReadCapacityUnits = input.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
                WriteCapacityUnits = input.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
                LastUpdateToPayPerRequest = billing == "PAY_PER_REQUEST" ? now : null,
                TableClass = input.TableClass ?? "STANDARD",
                TableClassUpdated = input.TableClass is null ? null : now,
                DeletionProtectionEnabled = input.DeletionProtectionEnabled ?? false,
                OnDemandThroughput = input.OnDemandThroughput,
                Encryption = encryption,
            };
            foreach (var index in indexes)
            {
                table.AddIndex(index.Create(key, table.Arn));
            }
            Tagging.Apply(table, tags);
            if (policy is not null)
            {
                Attach(table, table.Arn, policy);
            }
            if (input.StreamSpecification is { StreamEnabled: true, StreamViewType: { } viewType })
            {
                OpenStream(scope, table, viewType);
            }
            RefreshThroughput(table);
            region.Tables[name] = table;
            SetStatusFor(table, "CREATING", "ACTIVE");
        }
        return table;
    }

    public DescribeTableOutput DescribeTable(RequestScope scope, DescribeTableInput input)
    {
        TableNames.Validate(input.TableName);
        var table = GetTableForControl(scope, input.TableName);
        lock (table.Gate)
        {
            return new DescribeTableOutput { Table = Describe(table) };
        }
    }

    public ListTablesOutput ListTables(RequestScope scope, ListTablesInput input)
    {
        TableNames.Validate(input.ExclusiveStartTableName, "exclusiveStartTableName");
        var limit = input.Limit ?? 100;
        var names = _regions[scope].Tables.Keys
            .Where(n => input.ExclusiveStartTableName is null || string.CompareOrdinal(n, input.ExclusiveStartTableName) > 0)
            .Order(StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var more = names.Count > limit;
        if (more)
        {
            names.RemoveAt(limit);
        }
        return new ListTablesOutput { TableNames = names, LastEvaluatedTableName = more ? names[^1] : null };
    }

    public UpdateTableOutput UpdateTable(RequestScope scope, UpdateTableInput input)
    {
        TableNames.Validate(input.TableName);
        TableUpdate.ValidateShape(input);
        var table = GetTableForControl(scope, input.TableName);
        IndexChange? indexChange;
        UpdateTableOutput output;
        lock (table.Gate)
        {
            if (table.Status == "CREATING" && table.Replication is not null && input.ReplicaUpdates is not null)
            {
                throw DynamoDbErrors.Validation(
                    $"Create/Update/Delete of replica is not allowed while the replica is being added to table with name: \u2018{table.Name}\u2019 in region: \u2018{table.Region}\u2019.");
            }
            if (table.Status == "CREATING")
            {
                throw DynamoDbErrors.ResourceInUse($"Attempt to change a resource which is still in use: Table is being created: {table.Name}");
            }
            if (table.Status == "UPDATING")
            {
                // A replica of a global table answers in the newer wording AWS gives them (ack-api-quirks).
                throw DynamoDbErrors.ResourceInUse(table.Replication is null
                    ? $"Attempt to change a resource which is still in use: Table is being updated: {table.Name}"
                    : "The resource which you are attempting to change is in use.");
            }
            var several = ValidateConsistency(scope, table, input);
            if (input.ReplicaUpdates is { } replicaUpdates)
            {
                ValidateReplicaUpdates(scope, table, replicaUpdates, several);
            }
            if (table.Replication is not null && input.BillingMode is { } billingMode)
            {
                CheckWritesScalable(billingMode);
            }
            indexChange = IndexUpdates.Validate(table, input);
            var now = _cloud.Now;
            TableUpdate.CheckBillingSwitch(table, input, now);
            if (input.StreamSpecification is { } streamSpecification)
            {
                UpdateStream(scope, table, streamSpecification);
            }
            var changed = TableUpdate.ApplyBilling(table, input, now) | input.StreamSpecification is not null;
            if (input.ReplicaUpdates is { } replicas)
            {
                if (input.MultiRegionConsistency == "STRONG")
                {
                    FormStrongGroup(table, input.GlobalTableWitnessUpdates);
                }
                else if (input.GlobalTableWitnessUpdates is not null)
                {
                    DropWitness(table, table.Replication!);
                }
                ApplyReplicaUpdates(scope, table, replicas);
                changed = true;
            }
            if (indexChange is not null)
            {
                ApplyIndexUpdate(table, indexChange, input.AttributeDefinitions);
                changed = true;
            }
            if (input.TableClass is not null && input.TableClass != table.TableClass)
            {
                table.TableClass = input.TableClass;
                table.TableClassUpdated = now;
                changed = true;
            }
            if (input.DeletionProtectionEnabled is { } protection)
            {
                table.DeletionProtectionEnabled = protection;
            }
            if (input.OnDemandThroughput is { } onDemand)
            {
                table.OnDemandThroughput = MergeOnDemand(table.OnDemandThroughput, onDemand);
                changed = true;
            }
            var encryption = input.SSESpecification is { } sse ? UpdateEncryption(scope, table, sse) : null;
            changed |= encryption is not null;
            RefreshThroughput(table);
            if (changed)
            {
                SetStatusFor(table, "UPDATING", "ACTIVE");
            }
            output = new UpdateTableOutput { TableDescription = Describe(table) };
            if (encryption is not null)
            {
                // AWS answers the change in progress, even where the fake's clock lets it finish at once.
                output.TableDescription.SSEDescription = encryption;
            }
        }
        // The other replicas take the group-wide settings after the local lock is released, one at a
        // time, so two regions updating at once never wait on each other.
        if (table.Replication is not null && input.ReplicaUpdates is null)
        {
            SyncReplicaSettings(table, input, indexChange);
        }
        return output;
    }

    public DeleteTableOutput DeleteTable(RequestScope scope, DeleteTableInput input)
    {
        TableNames.Validate(input.TableName);
        var region = _regions[scope];
        var table = GetTableForControl(scope, input.TableName);
        // Before the locks: a strong group's members share one, which its teardown holds while it takes region locks.
        CheckNotStrongMember(table);
        lock (region.Gate)
        lock (table.Gate)
        {
            if (table.Status == "CREATING")
            {
                throw DynamoDbErrors.ResourceInUse($"Attempt to change a resource which is still in use: Table is being created: {table.Name}");
            }
            if (table.Status == "DELETING")
            {
                throw DynamoDbErrors.ResourceInUse($"Attempt to change a resource which is still in use: Table is being deleted: {table.Name}");
            }
            if (table.DeletionProtectionEnabled)
            {
                throw DynamoDbErrors.Validation(
                    "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
            }
            CheckNotARecentSource(table);
            table.Status = "DELETING";
            var description = Describe(table);
            Drop(region, table);
            return new DeleteTableOutput { TableDescription = description };
        }
    }

    /// <summary>
    /// Deletes <paramref name="table"/> of <paramref name="region"/>, whose locks the caller holds: it is
    /// DELETING for <see cref="DynamoDbOptions.TableStatusDelay"/>, then gone, and a global table's
    /// replica leaves its group then.
    /// </summary>
    private void Drop(Region region, Table table)
    {
        table.Status = "DELETING";
        if (table.History is not null)
        {
            // AWS keeps a system backup of a deleted table whose recovery was on, for 35 days.
            AddBackup(region, table, $"{table.Name}$DeletedTableBackup", "SYSTEM");
        }
        CloseStream(table);
        table.TimeToLive.Disable(_cloud.Now);
        table.IsDeleted = true;
        void Forget()
        {
            region.Tables.TryRemove(table.Name, out _);
            lock (table.Gate)
            {
                table.Replication?.Remove(table);
            }
        }
        if (Options.TableStatusDelay <= TimeSpan.Zero)
        {
            Forget();
        }
        else
        {
            _cloud.Scheduler.Schedule(_cloud.Now + Options.TableStatusDelay, Forget, $"delete table {table.Name}");
        }
    }

    /// <summary>
    /// Puts a table into a passing status (CREATING, UPDATING) for <see cref="DynamoDbOptions.TableStatusDelay"/>
    /// of virtual time; with no delay it is at once in its final status.
    /// </summary>
    private void SetStatusFor(Table table, string passing, string final)
    {
        if (Options.TableStatusDelay <= TimeSpan.Zero)
        {
            table.Status = final;
            return;
        }
        table.Status = passing;
        _cloud.Scheduler.Schedule(_cloud.Now + Options.TableStatusDelay, () =>
        {
            lock (table.Gate)
            {
                if (table.Status == passing)
                {
                    table.Status = final;
                }
            }
        }, $"{table.Name} {passing} to {final}");
    }

    /// <summary>The TableDescription AWS returns for <paramref name="table"/>; the caller holds its lock.</summary>
    private static TableDescription Describe(Table table)
    {
        var description = new TableDescription
        {
            TableName = table.Name,
            TableArn = table.Arn,
            TableId = table.TableId,
            TableStatus = table.Status,
            CreationDateTime = table.CreationDateTime,
            AttributeDefinitions = table.AttributeDefinitions,
            KeySchema = table.Key.Attributes
                .Select((a, i) => new KeySchemaElement { AttributeName = a.Name, KeyType = i == 0 ? "HASH" : "RANGE" })
                .ToList(),
            ItemCount = table.ItemCount,
            TableSizeBytes = table.SizeBytes,
            ProvisionedThroughput = new ProvisionedThroughputDescription
            {
                ReadCapacityUnits = table.ReadCapacityUnits,
                WriteCapacityUnits = table.WriteCapacityUnits,
                NumberOfDecreasesToday = table.NumberOfDecreasesToday,
                LastIncreaseDateTime = table.LastIncreaseDateTime,
                LastDecreaseDateTime = table.LastDecreaseDateTime,
            },
            BillingModeSummary = table.LastUpdateToPayPerRequest is null
                ? null
                : new BillingModeSummary { BillingMode = table.BillingMode, LastUpdateToPayPerRequestDateTime = table.LastUpdateToPayPerRequest },
            TableClassSummary = table.TableClassUpdated is null
                ? null
                : new TableClassSummary { TableClass = table.TableClass, LastUpdateDateTime = table.TableClassUpdated },
            DeletionProtectionEnabled = table.DeletionProtectionEnabled,
            OnDemandThroughput = table.OnDemandThroughput,
            SSEDescription = DescribeEncryption(table.Encryption),
            LocalSecondaryIndexes = DescribeLocalIndexes(table),
            GlobalSecondaryIndexes = DescribeGlobalIndexes(table),
            RestoreSummary = table.RestoreSummary is { } restore
                ? new RestoreSummary
                {
                    SourceBackupArn = restore.SourceBackupArn,
                    SourceTableArn = restore.SourceTableArn,
                    RestoreDateTime = restore.RestoreDateTime,
                    RestoreInProgress = table.Status == "CREATING",
                }
                : null,
        };
        DescribeStream(table, description);
        DescribeReplicas(table, description);
        return description;
    }

    /// <summary>An on-demand maximum as UpdateTable leaves it: -1 removes a limit, an absent member keeps the old one.</summary>
    private static OnDemandThroughput? MergeOnDemand(OnDemandThroughput? current, OnDemandThroughput requested)
    {
        var read = requested.MaxReadRequestUnits ?? current?.MaxReadRequestUnits;
        var write = requested.MaxWriteRequestUnits ?? current?.MaxWriteRequestUnits;
        return read is null or -1 && write is null or -1
            ? null
            : new OnDemandThroughput { MaxReadRequestUnits = read is -1 ? null : read, MaxWriteRequestUnits = write is -1 ? null : write };
    }

    /// <summary>The checks of CreateTable, in the order DynamoDB makes them.</summary>
    private static class TableCreation
    {
        /// <summary>AWS still caps a key schema at two elements, though its published model no longer says so.</summary>
        private static readonly Constraint.MaxLength KeyElements = new(2);

        public static (KeySchema Key, List<IndexDefinition> Indexes) Validate(CreateTableInput input)
        {
            TableNames.Validate(input.TableName);
            var violations = new ModelValidation();
            if (input.AttributeDefinitions is null)
            {
                violations.Add(new Violation("attributeDefinitions", null, new Constraint.NotNull()));
            }
            if (input.KeySchema is null)
            {
                violations.Add(new Violation("keySchema", null, new Constraint.NotNull()));
            }
            if (input.KeySchema is { Count: > 2 })
            {
                violations.Add(new Violation("keySchema", input.KeySchema, KeyElements));
            }
            // A local index's key is capped so too; only a global index may have a multi-attribute key.
            for (var i = 0; i < (input.LocalSecondaryIndexes?.Count ?? 0); i++)
            {
                if (input.LocalSecondaryIndexes![i].KeySchema is { Count: > 2 } localKey)
                {
                    violations.Add(new Violation($"localSecondaryIndexes.{i + 1}.member.keySchema", localKey, KeyElements));
                }
            }
            if (violations.Violations.Count > 0)
            {
                throw DynamoDbErrors.ConstraintViolations(violations.Violations);
            }
            ValidateBilling(input.BillingMode ?? "PROVISIONED", input.ProvisionedThroughput);
            var hasIndexes = input.LocalSecondaryIndexes is not null || input.GlobalSecondaryIndexes is not null;
            var key = ValidateKeySchema(input.KeySchema!, input.AttributeDefinitions!, hasIndexes);
            return (key, IndexDefinition.ValidateAtCreate(input, key));
        }

        private static void ValidateBilling(string billing, ProvisionedThroughput? throughput)
        {
            if (billing == "PAY_PER_REQUEST" && throughput is not null)
            {
                throw DynamoDbErrors.Validation(
                    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            if (billing == "PROVISIONED")
            {
                if (throughput is null)
                {
                    throw DynamoDbErrors.Validation(
                        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
                }
                CheckBounds(throughput);
            }
        }

        private static KeySchema ValidateKeySchema(List<KeySchemaElement> schema, List<AttributeDefinition> definitions, bool hasIndexes)
        {
            var defined = definitions.Select(d => d.AttributeName!).ToList();
            // One definition per attribute, shared by the table's and the indexes' keys: a second one is
            // refused whether or not its type differs, so a key's type can never conflict between them.
            if (defined.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicated)
            {
                throw DynamoDbErrors.Validation($"Attribute Name is duplicated: {duplicated.Key}");
            }
            var keys = schema.Select(k => k.AttributeName!).ToList();
            if (keys.Count == 2 && (keys.Any(k => !defined.Contains(k)) || (keys[0] == keys[1] && defined.Count == 1)))
            {
                throw DynamoDbErrors.Validation("Invalid KeySchema: Some index key attribute have no definition");
            }
            if (keys.Count == 1 && !defined.Contains(keys[0]))
            {
                throw DynamoDbErrors.Validation(
                    $"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", keys)}], AttributeDefinitions: [{string.Join(", ", defined)}]");
            }
            if (keys.Count == 2 && keys[0] == keys[1])
            {
                throw DynamoDbErrors.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
            if (schema[0].KeyType != "HASH")
            {
                throw DynamoDbErrors.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            }
            if (schema.Count == 2 && schema[1].KeyType != "RANGE")
            {
                throw DynamoDbErrors.Validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            if (!hasIndexes && schema.Count != definitions.Count)
            {
                throw DynamoDbErrors.Validation(
                    "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
            }
            KeyAttribute Attribute(int i) => new(keys[i], Enum.Parse<AttributeType>(definitions.First(d => d.AttributeName == keys[i]).AttributeType!));
            return new KeySchema(Attribute(0), schema.Count == 2 ? Attribute(1) : null);
        }
    }

    /// <summary>Throughput beyond what DynamoDB accepts at all.</summary>
    private static void CheckBounds(ProvisionedThroughput throughput)
    {
        if (throughput.ReadCapacityUnits > MaxCapacityUnits)
        {
            throw DynamoDbErrors.Validation($"Given value {throughput.ReadCapacityUnits} for ReadCapacityUnits is out of bounds");
        }
        if (throughput.WriteCapacityUnits > MaxCapacityUnits)
        {
            throw DynamoDbErrors.Validation($"Given value {throughput.WriteCapacityUnits} for WriteCapacityUnits is out of bounds");
        }
    }

    /// <summary>The checks and the billing changes of UpdateTable.</summary>
    private static class TableUpdate
    {
        public static void ValidateShape(UpdateTableInput input)
        {
            // MultiRegionConsistency and witnesses alone change nothing; AWS's list leaves out what the request has.
            if (input.ProvisionedThroughput is null && input.BillingMode is null && input.StreamSpecification is null
                && input.GlobalSecondaryIndexUpdates is not { Count: > 0 } && input.SSESpecification is null
                && input.ReplicaUpdates is null && input.TableClass is null && input.DeletionProtectionEnabled is null
                && input.OnDemandThroughput is null && input.WarmThroughput is null)
            {
                var members = new[]
                {
                    "ProvisionedThroughput", "BillingMode", "UpdateStreamEnabled", "GlobalSecondaryIndexUpdates", "SSESpecification", "ReplicaUpdates",
                    "MultiAccountReplicaReady", "ReplicaTransitRoleArn", "MultiRegionConsistency", "DeletionProtectionEnabled", "OnDemandThroughput",
                    "WarmThroughput", "TableClass",
                }.Where(m => m != "MultiRegionConsistency" || input.MultiRegionConsistency is null).ToList();
                throw DynamoDbErrors.Validation($"At least one of {string.Join(", ", members[..^1])} or {members[^1]} is required");
            }
            if (input.BillingMode == "PROVISIONED" && input.ProvisionedThroughput is null)
            {
                throw DynamoDbErrors.Validation(
                    "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
            }
            if (input.ProvisionedThroughput is { } throughput)
            {
                CheckBounds(throughput);
            }
            // Replica and witness changes travel alone; AWS checks this before it looks at the table's state.
            var others = input.StreamSpecification is not null || input.BillingMode is not null || input.ProvisionedThroughput is not null
                || input.GlobalSecondaryIndexUpdates is not null || input.SSESpecification is not null || input.TableClass is not null
                || input.DeletionProtectionEnabled is not null || input.OnDemandThroughput is not null;
            if (input.GlobalTableWitnessUpdates is not null && others)
            {
                throw DynamoDbErrors.Validation("One or more parameter values were invalid: Requests that modify replicas or witnesses must not also modify other fields");
            }
            if (input.ReplicaUpdates is not null && others)
            {
                throw DynamoDbErrors.Validation("One or more parameter values were invalid: Replica modification must be the only operation in the request");
            }
        }

        /// <summary>How long after a switch to on-demand (or an on-demand table's creation) the next switch to on-demand waits: one day.</summary>
        public static readonly TimeSpan PayPerRequestSwitchInterval = TimeSpan.FromDays(1);

        /// <summary>
        /// A table may switch to on-demand only a day after it last became on-demand (or was created
        /// on-demand); switching to provisioned is allowed at any time.
        /// </summary>
        public static void CheckBillingSwitch(Table table, UpdateTableInput input, DateTimeOffset now)
        {
            if (input.BillingMode == "PAY_PER_REQUEST" && table.BillingMode != "PAY_PER_REQUEST"
                && table.LastUpdateToPayPerRequest is { } last && now - last < PayPerRequestSwitchInterval)
            {
                throw DynamoDbErrors.LimitExceeded("Subscriber limit exceeded: Update to PayPerRequest mode are limited to once in 1 day(s).");
            }
        }

        /// <summary>Applies billing mode and throughput changes; says whether anything changed.</summary>
        public static bool ApplyBilling(Table table, UpdateTableInput input, DateTimeOffset now)
        {
            var mode = input.BillingMode ?? table.BillingMode;
            if (input.ProvisionedThroughput is not null && mode == "PAY_PER_REQUEST")
            {
                throw DynamoDbErrors.Validation(
                    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            var changed = false;
            if (mode != table.BillingMode)
            {
                table.BillingMode = mode;
                if (mode == "PAY_PER_REQUEST")
                {
                    table.LastUpdateToPayPerRequest = now;
                    table.ReadCapacityUnits = 0;
                    table.WriteCapacityUnits = 0;
                }
                changed = true;
            }
            if (input.ProvisionedThroughput is { } requested)
            {
                var read = requested.ReadCapacityUnits ?? table.ReadCapacityUnits;
                var write = requested.WriteCapacityUnits ?? table.WriteCapacityUnits;
                if (!changed && read == table.ReadCapacityUnits && write == table.WriteCapacityUnits)
                {
                    throw DynamoDbErrors.Validation(
                        "The provisioned throughput for the table will not change. The requested value equals the current value. " +
                        $"Current ReadCapacityUnits provisioned for the table: {table.ReadCapacityUnits}. Requested ReadCapacityUnits: {read}. " +
                        $"Current WriteCapacityUnits provisioned for the table: {table.WriteCapacityUnits}. Requested WriteCapacityUnits: {write}. " +
                        "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
                }
                if (read > table.ReadCapacityUnits || write > table.WriteCapacityUnits)
                {
                    table.LastIncreaseDateTime = now;
                }
                if (read < table.ReadCapacityUnits || write < table.WriteCapacityUnits)
                {
                    table.LastDecreaseDateTime = now;
                    table.NumberOfDecreasesToday++;
                }
                table.ReadCapacityUnits = read;
                table.WriteCapacityUnits = write;
                changed = true;
            }
            return changed;
        }
    }
}
