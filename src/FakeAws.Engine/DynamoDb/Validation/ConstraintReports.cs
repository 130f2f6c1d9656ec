using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// How DynamoDB words the violations of its model's constraints. AWS is moving operations to a newer
/// validation framework one member at a time, so the wording differs by operation and member; what is
/// here follows the parity suite's captures of real DynamoDB (paritysuite/dynamodb-conformance, 2026).
/// </summary>
internal static class ConstraintReports
{
    /// <summary>
    /// Operations that report a missing required member as a "Value null at 'member'" violation, joined with
    /// the others, rather than as "The parameter 'X' is required…" (captured for PutItem and UpdateItem;
    /// DeleteItem shares their request framework).
    /// </summary>
    private static readonly HashSet<string> MissingAsViolations = new(StringComparer.Ordinal) { "PutItem", "UpdateItem", "DeleteItem" };

    /// <summary>
    /// Where AWS lists members' violations in an order of its own rather than the model's: the listed
    /// members swap among the places they hold, the rest stay where they are.
    /// </summary>
    private static readonly Dictionary<string, string[]> MemberOrder = new(StringComparer.Ordinal)
    {
        ["UpdateItem"] = ["returnConsumedCapacity", "tableName", "conditionalOperator", "returnValues", "key"],
        ["CreateTable"] = ["globalSecondaryIndexes", "localSecondaryIndexes"],
        ["TransactWriteItems"] = ["clientRequestToken", "returnConsumedCapacity", "returnItemCollectionMetrics"],
    };

    /// <summary>BatchWriteItem's bounds on one table's list of writes, which AWS reports as a constraint on the map's values.</summary>
    private static readonly Constraint.MapValues WritesPerTable = new([new Constraint.MaxLength(25), new Constraint.MinLength(1)]);

    /// <summary>The error for <paramref name="validation"/>'s violations of <paramref name="operation"/>'s input, or null when there are none.</summary>
    public static AwsServiceException? Report(ModelValidation validation, string operation)
    {
        if (MissingAsViolations.Contains(operation))
        {
            validation.ReportMissingAsViolations();
        }
        else if (validation.MissingTopLevel.Count > 0)
        {
            return DynamoDbErrors.Validation($"The parameter '{validation.MissingTopLevel[0]}' is required but was not present in the request");
        }
        if (validation.Violations.Count == 0)
        {
            return null;
        }
        // Query checks its ConditionalOperator on its own, and words it in a form of its own (AWS's "[ALL, OR]" included).
        if (operation == "Query" && validation.Violations.Any(v => v.Member == "conditionalOperator"))
        {
            return DynamoDbErrors.Validation($"Failed to satisfy constraint: {ViolationRenderer.Describe(new Constraint.EnumSet(["ALL", "OR"]))}");
        }
        var violations = validation.Violations.Select(v => OfWrites(v, operation)).ToList();
        if (MemberOrder.TryGetValue(operation, out var order))
        {
            Reorder(violations, order);
        }
        return DynamoDbErrors.ConstraintViolations(violations, new ViolationRenderer
        {
            EchoesValue = v => !InNewerWording(v, operation),
            PathOf = v => InNewerWording(v, operation) ? MemberCase(v.Path) : v.Path,
        });
    }

    private static void Reorder(List<Violation> violations, string[] order)
    {
        var slots = Enumerable.Range(0, violations.Count).Where(i => Array.IndexOf(order, violations[i].Member) >= 0).ToList();
        var listed = slots.Select(i => violations[i]).OrderBy(v => Array.IndexOf(order, v.Member)).ToList();
        for (var i = 0; i < slots.Count; i++)
        {
            violations[slots[i]] = listed[i];
        }
    }

    /// <summary>
    /// BatchWriteItem's list of writes for one table: AWS words a length violation of it as a constraint on the
    /// RequestItems map's values, echoing the table's entry of the map.
    /// </summary>
    private static Violation OfWrites(Violation violation, string operation)
    {
        const string prefix = "requestItems.", suffix = ".member";
        if (operation != "BatchWriteItem" || !IsLength(violation.Constraint) || !violation.Path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return violation;
        }
        var table = violation.Path[prefix.Length..^suffix.Length];
        return new Violation("requestItems", new Dictionary<string, object?> { [table] = violation.Value }, WritesPerTable);
    }

    /// <summary>
    /// Whether AWS words the violation in its newer framework's form: no echo of the value, and the path in the
    /// members' own capitalisation (<c>Value at 'RequestItems.t.member.Keys'</c>). BatchGetItem's lengths,
    /// an empty BatchWriteItem, and Query's and Scan's Limit are worded so; everything else keeps the older form.
    /// </summary>
    private static bool InNewerWording(Violation violation, string operation) => operation switch
    {
        "BatchGetItem" => violation.Path.StartsWith("requestItems", StringComparison.Ordinal) && IsLength(violation.Constraint),
        "BatchWriteItem" => violation.Path == "requestItems" && IsLength(violation.Constraint),
        "Query" or "Scan" => violation.Path == "limit",
        _ => false,
    };

    private static bool IsLength(Constraint constraint) => constraint is Constraint.MinLength or Constraint.MaxLength;

    // Members capitalised; a map's key or a list's index (the segment before "member") kept as sent.
    private static string MemberCase(string path)
    {
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var isKey = i + 1 < segments.Length && segments[i + 1] == "member";
            if (!isKey && segments[i] != "member" && segments[i].Length > 0)
            {
                segments[i] = char.ToUpperInvariant(segments[i][0]) + segments[i][1..];
            }
        }
        return string.Join('.', segments);
    }
}
