using System.Text;

namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// Every expression and legacy condition, update and projection parameter of one request, parsed and
/// validated together (so the unused-name and unused-value checks span all of them) before anything
/// is read or written. Compile once per request; evaluating is then cheap.
/// </summary>
/// <example>
/// <code>
/// // before looking up the table: all schema-free checks, with AWS's messages and order
/// var expressions = RequestExpressions.Compile(new ExpressionInputs { ... }, ExpressionOperation.UpdateItem);
/// // after finding the table (for Query, after KeyConditionFor)
/// expressions.CheckKeySchema(table.Key);
/// if (!(expressions.Condition?.Evaluate(existingOrNull) ?? true)) throw DynamoDbErrors.ConditionalCheckFailed();
/// var result = expressions.Update?.Apply(existingOrNull, request.Key);   // null: no update, keep or create the key
///
/// // Query
/// var key = expressions.KeyConditionFor(indexOrTableKey);               // seek with key.PartitionKey, key.SortKey
/// bool keep = expressions.Filter?.Evaluate(item) ?? true;
/// var returned = expressions.Projection?.Apply(item) ?? item;
/// </code>
/// </example>
/// <remarks>
/// Not done yet: the 300-operator limit of UpdateExpression, the 32-level nesting limit of document
/// paths, the 255-byte limit on ExpressionAttributeNames and Values keys, the 2 MB limit on all
/// substitution values, and the key checks against indexes other than the one queried.
/// </remarks>
internal sealed class RequestExpressions
{
    private static readonly string[] NoParameters = [];

    private IReadOnlyList<KeyTerm>? _keyTerms;
    private IReadOnlyList<DocumentPath> _filterPaths = [];
    private string? _filterParameter;

    private RequestExpressions()
    {
    }

    /// <summary>ConditionExpression, or the legacy Expected with ConditionalOperator.</summary>
    public Condition? Condition { get; private set; }

    /// <summary>FilterExpression, or the legacy QueryFilter or ScanFilter with ConditionalOperator.</summary>
    public Condition? Filter { get; private set; }

    /// <summary>UpdateExpression, or the legacy AttributeUpdates.</summary>
    public UpdatePlan? Update { get; private set; }

    /// <summary>ProjectionExpression, or the legacy AttributesToGet.</summary>
    public Projection? Projection { get; private set; }

    /// <summary>The document paths the filter reads, so a read of a local index knows when to fetch the table's item.</summary>
    public IReadOnlyList<DocumentPath> FilterPaths => _filterPaths;

    /// <summary>
    /// Checks and compiles the expression parameters of a request of <paramref name="operation"/>,
    /// throwing AWS's ValidationException for the first problem, in AWS's order.
    /// </summary>
    public static RequestExpressions Compile(ExpressionInputs inputs, ExpressionOperation operation)
    {
        var compiled = new RequestExpressions();
        compiled.CheckParameterMix(inputs, operation);
        compiled.ValidateLegacy(inputs, operation);
        compiled.CompileExpressions(inputs);
        compiled.BuildLegacy(inputs, operation);
        return compiled;
    }

    /// <summary>
    /// The key condition of a Query checked against the key schema of the table or index queried,
    /// with AWS's messages ("Query condition missed key schema element: pk", …).
    /// </summary>
    /// <exception cref="InvalidOperationException">The request was not a Query.</exception>
    public KeyConditionSpec KeyConditionFor(KeySchema key) =>
        KeyConditions.ForSchema(_keyTerms ?? throw new InvalidOperationException("Only a Query has a key condition."), key);

    /// <summary>
    /// The checks that need the table: an update of a key attribute, a nested path into a key
    /// attribute (<c>pk.a</c>), and for Query a filter on a key attribute of <paramref name="queriedKey"/>.
    /// </summary>
    /// <param name="tableKey">The table's key schema.</param>
    /// <param name="queriedKey">For Query and Scan of an index, the index's key schema.</param>
    public void CheckKeySchema(KeySchema tableKey, KeySchema? queriedKey = null)
    {
        Update?.CheckKeyAttributes(tableKey);
        CheckScalarKeys(Update?.ReadPaths, tableKey, queriedKey);
        CheckScalarKeys(Projection?.Paths, tableKey, queriedKey);
        if (_keyTerms is not null && _filterParameter is not null)
        {
            foreach (var attribute in (queriedKey ?? tableKey).Attributes)
            {
                if (_filterPaths.Any(path => path.Root == attribute.Name))
                {
                    throw DynamoDbErrors.Validation(
                        $"{_filterParameter} can only contain non-primary key attributes: Primary key attribute: {attribute.Name}");
                }
            }
        }
        CheckScalarKeys(_filterPaths, tableKey, queriedKey);
    }

    private static void CheckScalarKeys(IReadOnlyList<DocumentPath>? paths, KeySchema tableKey, KeySchema? queriedKey)
    {
        if (paths is null)
        {
            return;
        }
        CheckScalarKeys(paths, tableKey, "Key");
        if (queriedKey is not null && queriedKey != tableKey)
        {
            CheckScalarKeys(paths, queriedKey, "IndexKey");
        }
    }

    private static void CheckScalarKeys(IReadOnlyList<DocumentPath> paths, KeySchema key, string label)
    {
        foreach (var attribute in key.Attributes)
        {
            foreach (var path in paths)
            {
                if (path.IsNested && path.Root == attribute.Name)
                {
                    throw DynamoDbErrors.Validation(
                        $"Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: {label}: {attribute.Name}");
                }
            }
        }
    }

    // Expression and legacy parameters may not be mixed, and names and values need an expression.
    private void CheckParameterMix(ExpressionInputs inputs, ExpressionOperation operation)
    {
        var (expressionNames, legacyNames) = Parameters(operation);
        var expressions = expressionNames.Where(name => IsPresent(inputs, name)).ToList();
        if (expressions.Count > 0)
        {
            // KeyConditions may accompany the other expressions as long as KeyConditionExpression is absent.
            var legacy = legacyNames
                .Where(name => IsPresent(inputs, name) && !(name == "KeyConditions" && inputs.KeyConditionExpression is null))
                .ToList();
            if (legacy.Count > 0)
            {
                throw DynamoDbErrors.Validation(
                    "Can not use both expression and non-expression parameters in the same request: " +
                    $"Non-expression parameters: {{{string.Join(", ", legacy)}}} Expression parameters: {{{string.Join(", ", expressions)}}}");
            }
        }
        if (inputs.ExpressionAttributeNames is not null && expressions.Count == 0)
        {
            throw DynamoDbErrors.Validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        var valueExpressions = expressionNames.Where(name => name != nameof(ExpressionInputs.ProjectionExpression)).ToList();
        if (inputs.ExpressionAttributeValues is not null && valueExpressions.Count > 0 && !valueExpressions.Any(name => IsPresent(inputs, name)))
        {
            // PutItem and DeleteItem (AWS's newer request validation) name no expression; the rest say which is null.
            throw DynamoDbErrors.Validation(operation is ExpressionOperation.PutItem or ExpressionOperation.DeleteItem
                ? "ExpressionAttributeValues can only be specified when using expressions"
                : $"ExpressionAttributeValues can only be specified when using expressions: {string.Join(" and ", valueExpressions)} {(valueExpressions.Count > 1 ? "are" : "is")} null");
        }
    }

    private static (string[] Expressions, string[] Legacy) Parameters(ExpressionOperation operation) => operation switch
    {
        ExpressionOperation.GetItem => (["ProjectionExpression"], ["AttributesToGet"]),
        ExpressionOperation.PutItem or ExpressionOperation.DeleteItem => (["ConditionExpression"], ["Expected", "ConditionalOperator"]),
        ExpressionOperation.UpdateItem => (["UpdateExpression", "ConditionExpression"], ["AttributeUpdates", "Expected", "ConditionalOperator"]),
        ExpressionOperation.Query => (["ProjectionExpression", "FilterExpression", "KeyConditionExpression"],
            ["AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"]),
        ExpressionOperation.Scan => (["ProjectionExpression", "FilterExpression"], ["AttributesToGet", "ScanFilter", "ConditionalOperator"]),
        _ => (["ConditionExpression"], NoParameters),
    };

    private static bool IsPresent(ExpressionInputs inputs, string parameter) => parameter switch
    {
        "ConditionExpression" => inputs.ConditionExpression is not null,
        "FilterExpression" => inputs.FilterExpression is not null,
        "KeyConditionExpression" => inputs.KeyConditionExpression is not null,
        "ProjectionExpression" => inputs.ProjectionExpression is not null,
        "UpdateExpression" => inputs.UpdateExpression is not null,
        "Expected" => inputs.Expected is not null,
        "ConditionalOperator" => inputs.ConditionalOperator is not null,
        "AttributesToGet" => inputs.AttributesToGet is not null,
        "KeyConditions" => inputs.KeyConditions is not null,
        "QueryFilter" => inputs.QueryFilter is not null,
        "ScanFilter" => inputs.ScanFilter is not null,
        _ => inputs.AttributeUpdates is not null,
    };

    // The legacy parameters' own checks, in the order each operation makes them.
    private void ValidateLegacy(ExpressionInputs inputs, ExpressionOperation operation)
    {
        switch (operation)
        {
            case ExpressionOperation.Query:
                LegacyConditions.ValidateConditions("QueryFilter", inputs.QueryFilter);
                Projection = ToProjection(inputs.AttributesToGet);
                if (inputs.KeyConditions is null && inputs.KeyConditionExpression is null)
                {
                    throw DynamoDbErrors.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
                }
                break;
            case ExpressionOperation.Scan:
                Projection = ToProjection(inputs.AttributesToGet);
                LegacyConditions.ValidateConditions("ScanFilter", inputs.ScanFilter);
                break;
            case ExpressionOperation.GetItem:
                Projection = ToProjection(inputs.AttributesToGet);
                break;
            case ExpressionOperation.UpdateItem:
                Update = inputs.AttributeUpdates is null ? null : LegacyUpdates.Compile(inputs.AttributeUpdates);
                LegacyConditions.ValidateExpected(inputs.Expected);
                break;
            case ExpressionOperation.PutItem or ExpressionOperation.DeleteItem:
                LegacyConditions.ValidateExpected(inputs.Expected);
                break;
        }
    }

    private static Projection? ToProjection(IReadOnlyList<string>? attributesToGet) =>
        attributesToGet is null ? null : ProjectionCompiler.FromAttributesToGet(attributesToGet);

    private void CompileExpressions(ExpressionInputs inputs)
    {
        var attributes = new ExpressionAttributes(inputs.ExpressionAttributeNames, inputs.ExpressionAttributeValues);
        attributes.ValidateKeys();
        if (Checked(ExpressionKind.UpdateExpression, inputs.UpdateExpression) is { } update)
        {
            Update = UpdateCompiler.Compile(update, attributes);
        }
        if (Checked(ExpressionKind.ConditionExpression, inputs.ConditionExpression) is { } condition)
        {
            Condition = ConditionCompiler.Compile(ExpressionKind.ConditionExpression, condition, attributes).Condition;
        }
        Condition? keyCondition = null;
        if (Checked(ExpressionKind.KeyConditionExpression, inputs.KeyConditionExpression) is { } key)
        {
            keyCondition = ConditionCompiler.Compile(ExpressionKind.KeyConditionExpression, key, attributes).Condition;
        }
        if (Checked(ExpressionKind.FilterExpression, inputs.FilterExpression) is { } filter)
        {
            var compiled = ConditionCompiler.Compile(ExpressionKind.FilterExpression, filter, attributes);
            Filter = compiled.Condition;
            _filterPaths = compiled.Paths;
            _filterParameter = "Filter Expression";
        }
        if (Checked(ExpressionKind.ProjectionExpression, inputs.ProjectionExpression) is { } projection)
        {
            Projection = ProjectionCompiler.Compile(projection, attributes);
        }
        attributes.CheckAllUsed();
        if (keyCondition is not null)
        {
            var terms = KeyConditions.FromExpression(keyCondition);
            KeyConditions.Validate(terms, legacy: false);
            _keyTerms = terms;
        }
    }

    // An expression may be neither empty nor longer than 4 KB.
    private static string? Checked(ExpressionKind kind, string? expression)
    {
        if (expression is null)
        {
            return null;
        }
        if (expression.Length == 0)
        {
            throw ExpressionErrors.Empty(kind);
        }
        var bytes = Encoding.UTF8.GetByteCount(expression);
        return bytes > ExpressionErrors.MaxExpressionBytes ? throw ExpressionErrors.TooLarge(kind, bytes) : expression;
    }

    private void BuildLegacy(ExpressionInputs inputs, ExpressionOperation operation)
    {
        Condition ??= LegacyConditions.FromExpected(inputs.Expected, inputs.ConditionalOperator);
        var filter = operation == ExpressionOperation.Query ? inputs.QueryFilter : inputs.ScanFilter;
        if (Filter is null && filter is not null)
        {
            Filter = LegacyConditions.FromFilter(filter, inputs.ConditionalOperator);
            _filterPaths = filter.Keys.Select(DocumentPath.TopLevel).ToList();
            _filterParameter = operation == ExpressionOperation.Query ? "QueryFilter" : null;
        }
        if (operation == ExpressionOperation.Query && _keyTerms is null)
        {
            var terms = KeyConditions.FromLegacy(inputs.KeyConditions!);
            KeyConditions.Validate(terms, legacy: true);
            _keyTerms = terms;
        }
    }
}
