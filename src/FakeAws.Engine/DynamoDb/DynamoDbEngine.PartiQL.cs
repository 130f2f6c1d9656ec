using System.Text;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Expressions;
using FakeAws.Engine.DynamoDb.Model;
using FakeAws.Engine.DynamoDb.PartiQL;

namespace FakeAws.Engine.DynamoDb;

// PartiQL: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. Statements are parsed,
// then run as the item operations they stand for, so they validate and behave exactly as those do.
internal sealed partial class DynamoDbEngine
{
    public ExecuteStatementOutput ExecuteStatement(RequestScope scope, ExecuteStatementInput input)
    {
        var (statement, translator) = ParseStatement(input.Statement!, input.Parameters);
        var consistent = input.ConsistentRead ?? false;
        try
        {
            switch (statement)
            {
                case SelectStatement select:
                    return Select(scope, select, translator, consistent, input.Limit, input.NextToken, input.ReturnConsumedCapacity);
                case InsertStatement insert:
                    var put = Insert(scope, insert, translator, input.ReturnConsumedCapacity, input.ReturnValuesOnConditionCheckFailure);
                    return new ExecuteStatementOutput { Items = [], ConsumedCapacity = put.ConsumedCapacity };
                case UpdateStatement update:
                    var updated = UpdateItem(scope, UpdateInput(scope, update, translator, input.ReturnConsumedCapacity, input.ReturnValuesOnConditionCheckFailure), envelope: false);
                    return new ExecuteStatementOutput { Items = updated.Attributes is null ? [] : [updated.Attributes], ConsumedCapacity = updated.ConsumedCapacity };
                case DeleteStatement delete:
                    var deleted = DeleteItem(scope, DeleteInput(scope, delete, translator, input.ReturnConsumedCapacity, input.ReturnValuesOnConditionCheckFailure), envelope: false);
                    return new ExecuteStatementOutput { Items = deleted.Attributes is null ? [] : [deleted.Attributes], ConsumedCapacity = deleted.ConsumedCapacity };
                default:
                    // EXISTS checks a condition for a transaction; on its own it is no statement.
                    throw PartiQLErrors.Malformed("Unexpected token: EXISTS");
            }
        }
        catch (AwsServiceException error)
        {
            throw PartiQLErrors.Unprefixed(error);
        }
    }

    public BatchExecuteStatementOutput BatchExecuteStatement(RequestScope scope, BatchExecuteStatementInput input)
    {
        var responses = new List<BatchStatementResponse>();
        var consumed = new List<ConsumedCapacity?>();
        foreach (var request in input.Statements!)
        {
            var response = new BatchStatementResponse();
            try
            {
                var (statement, translator) = ParseStatement(request.Statement!, request.Parameters);
                response.TableName = TableNames.Resolve(statement.Target.Table);
                switch (statement)
                {
                    case SelectStatement select:
                        var table = GetTable(scope, select.Target.Table, "PartiQLSelect");
                        RefuseMultiAttributeIndex(table, select.Target.Index);
                        RefuseUnsupported(select);
                        // A batch reads items by their keys: the WHERE names exactly the table's key, and no index.
                        if (select.Target.Index is not null || !PartiQLTranslator.IsKeyLookup(select.Where, table.Key))
                        {
                            throw PartiQLErrors.BatchSelectWithoutKey();
                        }
                        var page = Select(scope, select, translator, request.ConsistentRead ?? false, null, null, input.ReturnConsumedCapacity);
                        response.Item = page.Items!.FirstOrDefault();
                        consumed.Add(page.ConsumedCapacity);
                        break;
                    case InsertStatement insert:
                        consumed.Add(Insert(scope, insert, translator, input.ReturnConsumedCapacity, request.ReturnValuesOnConditionCheckFailure).ConsumedCapacity);
                        break;
                    case UpdateStatement update:
                        consumed.Add(UpdateItem(scope, UpdateInput(scope, update, translator, input.ReturnConsumedCapacity, request.ReturnValuesOnConditionCheckFailure),
                            envelope: false).ConsumedCapacity);
                        break;
                    case DeleteStatement delete:
                        consumed.Add(DeleteItem(scope, DeleteInput(scope, delete, translator, input.ReturnConsumedCapacity,
                            request.ReturnValuesOnConditionCheckFailure), envelope: false).ConsumedCapacity);
                        break;
                    default:
                        throw PartiQLErrors.Malformed("Unexpected token: EXISTS");
                }
            }
            catch (AwsServiceException raised)
            {
                var error = PartiQLErrors.Unprefixed(raised);
                response = new BatchStatementResponse
                {
                    TableName = response.TableName,
                    Error = new BatchStatementError
                    {
                        Code = BatchErrorCode(error.Code),
                        Message = error.Message,
                        Item = error.Details as Dictionary<string, AttributeValue>,
                    },
                };
            }
            responses.Add(response);
        }
        return new BatchExecuteStatementOutput { Responses = responses, ConsumedCapacity = MergeCapacity(consumed, input.ReturnConsumedCapacity) };
    }

    public ExecuteTransactionOutput ExecuteTransaction(RequestScope scope, ExecuteTransactionInput input)
    {
        var statements = input.TransactStatements!.Select(s => (Parsed: ParseStatement(s.Statement!, s.Parameters), Request: s)).ToList();
        var reads = statements.Count(s => s.Parsed.Statement is SelectStatement);
        if (reads > 0 && reads < statements.Count)
        {
            throw PartiQLErrors.MixedTransaction();
        }
        if (reads > 0)
        {
            var gets = statements.Select((s, i) =>
            {
                var select = (SelectStatement)s.Parsed.Statement;
                RefuseUnsupported(select);
                var table = GetTable(scope, select.Target.Table, "PartiQLSelect");
                if (!PartiQLTranslator.IsKeyLookup(select.Where, table.Key))
                {
                    throw PartiQLErrors.InTransaction(i, PartiQLErrors.TransactionSelectWithoutKey);
                }
                var equalities = s.Parsed.Translator.Equalities(select.Where);
                var projection = select.Projection is null ? null : new PartiQLTranslator([]);
                return new TransactGetItem
                {
                    Get = new Get
                    {
                        TableName = select.Target.Table,
                        Key = KeyOf(table, equalities),
                        ProjectionExpression = projection is null ? null : string.Join(", ", select.Projection!.Select(projection.Path)),
                        ExpressionAttributeNames = projection?.Names,
                    },
                };
            }).ToList();
            var read = TransactGetItems(scope, new TransactGetItemsInput { TransactItems = gets, ReturnConsumedCapacity = input.ReturnConsumedCapacity });
            return new ExecuteTransactionOutput { Responses = read.Responses, ConsumedCapacity = read.ConsumedCapacity };
        }
        var writes = statements.Select((s, i) => WriteItemOf(scope, s.Parsed.Statement, s.Parsed.Translator, s.Request.ReturnValuesOnConditionCheckFailure, i)).ToList();
        try
        {
            var written = TransactWriteItems(scope, new TransactWriteItemsInput
            {
                TransactItems = writes,
                ClientRequestToken = input.ClientRequestToken,
                ReturnConsumedCapacity = input.ReturnConsumedCapacity,
            });
            // A transaction of writes answers with an empty list, not one entry per statement.
            return new ExecuteTransactionOutput { Responses = [], ConsumedCapacity = written.ConsumedCapacity };
        }
        catch (AwsServiceException error) when (error.Details is List<CancellationReason> reasons)
        {
            // An INSERT is a Put that may not find its item: in PartiQL its failed condition is a duplicate.
            for (var i = 0; i < reasons.Count; i++)
            {
                if (statements[i].Parsed.Statement is InsertStatement && reasons[i].Code == "ConditionalCheckFailed")
                {
                    reasons[i].Code = "DuplicateItem";
                    reasons[i].Message = DynamoDbErrors.DuplicateItem().Message;
                }
            }
            throw DynamoDbErrors.TransactionCanceled(reasons);
        }
        catch (AwsServiceException error)
        {
            throw PartiQLErrors.Unprefixed(error);
        }
    }

    private static (PartiQLStatement Statement, PartiQLTranslator Translator) ParseStatement(string text, List<AttributeValue>? parameters)
    {
        var (statement, count) = PartiQLParser.Parse(text);
        if (count != (parameters?.Count ?? 0))
        {
            throw PartiQLErrors.ParameterCountMismatch();
        }
        // Parameters are read as the older value layer reads them, the first fault in document order reported.
        ValueChecks.Older.Check(parameters);
        return (statement, new PartiQLTranslator(parameters ?? []));
    }

    private ExecuteStatementOutput Select(RequestScope scope, SelectStatement select, PartiQLTranslator translator, bool consistent, int? limit,
        string? nextToken, string? returnConsumedCapacity)
    {
        var filter = select.Where is null ? null : translator.Condition(select.Where);
        var projection = select.Projection is null ? null : string.Join(", ", select.Projection.Select(translator.Path));
        var expressions = _expressions.Compile(new ExpressionInputs
        {
            FilterExpression = filter,
            ProjectionExpression = projection,
            ExpressionAttributeNames = translator.Names,
            ExpressionAttributeValues = translator.Values,
        }, ExpressionOperation.Scan);
        var table = GetTable(scope, select.Target.Table, "PartiQLSelect");
        lock (table.Gate)
        {
            // PartiQL words these two in its own way: the index unnamed, and the consistent read checked after it.
            if (select.Target.Index is { } indexName)
            {
                var index = table.ReadableIndex(indexName) ?? throw PartiQLErrors.Validation("The table does not have the specified index");
                if (index.Key.IsMultiAttribute)
                {
                    throw PartiQLErrors.MultiAttributeIndex();
                }
                if (index.IsGlobal && consistent)
                {
                    throw PartiQLErrors.Validation("Strongly consistent read is not supported on Global Secondary Indexes");
                }
            }
            RefuseUnsupported(select);
            var source = ReadSource.For(table, select.Target.Index, consistent);
            source.CheckProjection(null, expressions);
            var startKey = nextToken is null ? null : NextTokens.Decode(nextToken, source);
            IEnumerable<StoredItem> candidates;
            if (translator.Equalities(select.Where).TryGetValue(source.Key.Hash.Name, out var partition) && partition.Type == source.Key.Hash.Type)
            {
                // A WHERE that pins the partition key reads one partition, as a Query would; ORDER BY orders it by the sort key.
                var condition = new KeyConditionSpec(source.Key.Hash.Name, partition, null);
                candidates = source.Query(condition, forward: select.Order is not { Descending: true }, StartKeys.ForQuery(startKey, source, condition));
            }
            else
            {
                candidates = source.Scan(ScanSegment.All, StartKeys.ForScan(startKey, source, ScanSegment.All));
            }
            var page = ReadPage(source, candidates, expressions, limit, null, consistent, returnConsumedCapacity);
            return new ExecuteStatementOutput
            {
                Items = page.Items,
                NextToken = page.LastEvaluatedKey is null ? null : NextTokens.Encode(page.LastEvaluatedKey, source),
                LastEvaluatedKey = page.LastEvaluatedKey,
                ConsumedCapacity = page.Consumed?.ToReport(returnConsumedCapacity),
            };
        }
    }

    private PutItemOutput Insert(RequestScope scope, InsertStatement insert, PartiQLTranslator translator, string? returnConsumedCapacity, string? returnOnFailure)
    {
        var put = PutInput(scope, insert, translator);
        put.ReturnConsumedCapacity = returnConsumedCapacity;
        put.ReturnValuesOnConditionCheckFailure = returnOnFailure;
        try
        {
            return PutItem(scope, put, envelope: false);
        }
        catch (AwsServiceException error) when (error.Code == "ConditionalCheckFailedException")
        {
            throw DynamoDbErrors.DuplicateItem();
        }
    }

    // INSERT is a PutItem that may not replace an item.
    private PutItemInput PutInput(RequestScope scope, InsertStatement insert, PartiQLTranslator translator)
    {
        var item = translator.Resolve(insert.Item);
        if (item.Type != AttributeType.M)
        {
            throw PartiQLErrors.Malformed("Unexpected value: INSERT takes one item, a map");
        }
        var table = GetTable(scope, insert.Target.Table, "PartiQLInsert");
        return new PutItemInput
        {
            TableName = insert.Target.Table,
            Item = new Dictionary<string, AttributeValue>(item.M, StringComparer.Ordinal),
            ConditionExpression = $"attribute_not_exists({translator.Name(table.Key.Hash.Name)})",
            ExpressionAttributeNames = translator.Names,
        };
    }

    private UpdateItemInput UpdateInput(RequestScope scope, UpdateStatement update, PartiQLTranslator translator, string? returnConsumedCapacity, string? returnOnFailure)
    {
        var table = GetTable(scope, update.Target.Table, "PartiQLUpdate");
        var key = KeyOf(table, translator.Equalities(update.Where));
        var expression = translator.Update(update);
        return new UpdateItemInput
        {
            TableName = update.Target.Table,
            Key = key,
            UpdateExpression = expression,
            ConditionExpression = translator.Condition(update.Where!),
            ExpressionAttributeNames = translator.Names,
            ExpressionAttributeValues = translator.Values,
            ReturnValues = update.Returning switch
            {
                "ALL OLD" => "ALL_OLD",
                "ALL NEW" => "ALL_NEW",
                "MODIFIED OLD" => "UPDATED_OLD",
                "MODIFIED NEW" => "UPDATED_NEW",
                _ => null,
            },
            ReturnConsumedCapacity = returnConsumedCapacity,
            ReturnValuesOnConditionCheckFailure = returnOnFailure,
        };
    }

    // DELETE of a missing item does nothing; of a present one, only when the WHERE clause holds.
    private DeleteItemInput DeleteInput(RequestScope scope, DeleteStatement delete, PartiQLTranslator translator, string? returnConsumedCapacity, string? returnOnFailure)
    {
        if (delete.Returning is not (null or "ALL OLD"))
        {
            throw PartiQLErrors.Validation($"Invalid returning clause: RETURNING {delete.Returning} *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        }
        var table = GetTable(scope, delete.Target.Table, "PartiQLDelete");
        var key = KeyOf(table, translator.Equalities(delete.Where));
        var condition = translator.Condition(delete.Where!);
        return new DeleteItemInput
        {
            TableName = delete.Target.Table,
            Key = key,
            ConditionExpression = $"attribute_not_exists({translator.Name(table.Key.Hash.Name)}) OR ({condition})",
            ExpressionAttributeNames = translator.Names,
            ExpressionAttributeValues = translator.Values,
            ReturnValues = delete.Returning is null ? null : "ALL_OLD",
            ReturnConsumedCapacity = returnConsumedCapacity,
            ReturnValuesOnConditionCheckFailure = returnOnFailure,
        };
    }

    private TransactWriteItem WriteItemOf(RequestScope scope, PartiQLStatement statement, PartiQLTranslator translator, string? returnOnFailure, int index)
    {
        switch (statement)
        {
            case InsertStatement insert:
                var put = PutInput(scope, insert, translator);
                return new TransactWriteItem { Put = new Put
                {
                    TableName = put.TableName, Item = put.Item, ConditionExpression = put.ConditionExpression,
                    ExpressionAttributeNames = put.ExpressionAttributeNames, ReturnValuesOnConditionCheckFailure = returnOnFailure,
                } };
            case UpdateStatement update:
                var updated = UpdateInput(scope, update, translator, null, returnOnFailure);
                return new TransactWriteItem { Update = new Update
                {
                    TableName = updated.TableName, Key = updated.Key, UpdateExpression = updated.UpdateExpression, ConditionExpression = updated.ConditionExpression,
                    ExpressionAttributeNames = updated.ExpressionAttributeNames, ExpressionAttributeValues = updated.ExpressionAttributeValues,
                    ReturnValuesOnConditionCheckFailure = returnOnFailure,
                } };
            case ExistsStatement exists:
                return new TransactWriteItem { ConditionCheck = ConditionCheckOf(scope, exists.Select, translator, returnOnFailure, index) };
            default:
                var deleted = DeleteInput(scope, (DeleteStatement)statement, translator, null, returnOnFailure);
                return new TransactWriteItem { Delete = new Delete
                {
                    TableName = deleted.TableName, Key = deleted.Key, ConditionExpression = deleted.ConditionExpression,
                    ExpressionAttributeNames = deleted.ExpressionAttributeNames, ExpressionAttributeValues = deleted.ExpressionAttributeValues,
                    ReturnValuesOnConditionCheckFailure = returnOnFailure,
                } };
        }
    }

    // EXISTS(SELECT … WHERE key AND condition): a ConditionCheck of one item, which must name its key and something more.
    private ConditionCheck ConditionCheckOf(RequestScope scope, SelectStatement select, PartiQLTranslator translator, string? returnOnFailure, int index)
    {
        RefuseUnsupported(select);
        var table = GetTable(scope, select.Target.Table, "PartiQLSelect");
        if (select.Target.Index is not null || !PartiQLTranslator.IsKeyLookupWithCondition(select.Where, table.Key))
        {
            throw PartiQLErrors.InTransaction(index, PartiQLErrors.ExistsWithoutCondition);
        }
        var key = KeyOf(table, translator.Equalities(select.Where));
        return new ConditionCheck
        {
            TableName = select.Target.Table,
            Key = key,
            ConditionExpression = translator.Condition(select.Where!),
            ExpressionAttributeNames = translator.Names,
            ExpressionAttributeValues = translator.Values,
            ReturnValuesOnConditionCheckFailure = returnOnFailure,
        };
    }

    /// <summary>
    /// PartiQL does not read a global index with a multi-attribute key (a batch reports this ahead of its
    /// key-only rule). The rest of the table (its base table, its other indexes, its writes) is unaffected.
    /// </summary>
    private static void RefuseMultiAttributeIndex(Table table, string? indexName)
    {
        if (indexName is not null && table.ReadableIndex(indexName) is { Key.IsMultiAttribute: true })
        {
            throw PartiQLErrors.MultiAttributeIndex();
        }
    }

    private static void RefuseUnsupported(SelectStatement select)
    {
        if (select.Unsupported is { } unsupported)
        {
            throw unsupported;
        }
    }

    /// <summary>The item key a WHERE clause pins; every key attribute must be given with =.</summary>
    private static Dictionary<string, AttributeValue> KeyOf(Table table, Dictionary<string, AttributeValue> equalities)
    {
        var key = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal);
        foreach (var attribute in table.Key.Attributes)
        {
            key[attribute.Name] = equalities.TryGetValue(attribute.Name, out var value) ? value : throw PartiQLErrors.KeyEqualityMissing();
        }
        return key;
    }

    private static string BatchErrorCode(string code) => code switch
    {
        "ConditionalCheckFailedException" => "ConditionalCheckFailed",
        "DuplicateItemException" => "DuplicateItem",
        "ResourceNotFoundException" => "ResourceNotFound",
        "ItemCollectionSizeLimitExceededException" => "ItemCollectionSizeLimitExceeded",
        "ValidationException" => "ValidationError",
        "TransactionConflictException" => "TransactionConflict",
        _ => "InternalServerError",
    };

    /// <summary>The capacity of several statements, one entry per table.</summary>
    private static List<ConsumedCapacity>? MergeCapacity(List<ConsumedCapacity?> consumed, string? returnConsumedCapacity)
    {
        if (!CapacityUnits.Wanted(returnConsumedCapacity))
        {
            return null;
        }
        return consumed.OfType<ConsumedCapacity>()
            .GroupBy(c => c.TableName)
            .Select(g => new ConsumedCapacity
            {
                TableName = g.Key,
                CapacityUnits = g.Sum(c => c.CapacityUnits),
                Table = returnConsumedCapacity == "INDEXES" ? new Capacity { CapacityUnits = g.Sum(c => c.Table?.CapacityUnits ?? 0) } : null,
            })
            .ToList();
    }

    /// <summary>
    /// ExecuteStatement's NextToken: the page's last key, as text. A token names a position, not a
    /// snapshot, so a page after writes continues from where the last one stopped.
    /// </summary>
    private static class NextTokens
    {
        public static string Encode(Dictionary<string, AttributeValue> lastKey, ReadSource source)
        {
            var parts = source.StartKeyAttributes.Select(a => lastKey[a.Name]).Select(v => v.Type switch
            {
                AttributeType.S => "S" + v.S,
                AttributeType.N => "N" + v.N,
                _ => "B" + Convert.ToBase64String(v.B),
            });
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\u0001', parts)));
        }

        public static Dictionary<string, AttributeValue> Decode(string token, ReadSource source)
        {
            try
            {
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\u0001');
                var attributes = source.StartKeyAttributes;
                if (parts.Length != attributes.Count)
                {
                    throw new FormatException();
                }
                return attributes.Select((a, i) => (a.Name, Value: parts[i][0] switch
                {
                    'S' => AttributeValue.FromS(parts[i][1..]),
                    'N' => AttributeValue.FromN(parts[i][1..]),
                    'B' => AttributeValue.FromB(Convert.FromBase64String(parts[i][1..])),
                    _ => throw new FormatException(),
                })).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            }
            catch (Exception error) when (error is FormatException or IndexOutOfRangeException or AwsServiceException)
            {
                throw DynamoDbErrors.Validation("Invalid NextToken");
            }
        }
    }
}
