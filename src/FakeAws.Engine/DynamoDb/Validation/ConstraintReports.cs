using System.Text.RegularExpressions;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// How DynamoDB words the violations of its model's constraints. AWS is moving operations to a newer
/// validation framework one member at a time, so the wording differs by operation and member; what is
/// here follows the parity suite's captures of real DynamoDB (paritysuite/dynamodb-conformance, 2026).
/// </summary>
internal static partial class ConstraintReports
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

    [GeneratedRegex("^Value (?<value>null|'.*') at '(?<path>[^']*)' failed to satisfy constraint: (?<constraint>.*)$", RegexOptions.Singleline)]
    private static partial Regex Violation();

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
        if (operation == "Query" && validation.Violations.Any(v => MemberOf(v) == "conditionalOperator"))
        {
            return DynamoDbErrors.Validation("Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]");
        }
        var violations = validation.Violations.Select(v => Reword(v, operation)).ToList();
        if (MemberOrder.TryGetValue(operation, out var order))
        {
            Reorder(violations, order);
        }
        return DynamoDbErrors.ConstraintViolations(violations);
    }

    private static string MemberOf(string violation) =>
        Violation().Match(violation) is { Success: true } match ? match.Groups["path"].Value.Split('.')[0] : "";

    private static void Reorder(List<string> violations, string[] order)
    {
        var slots = Enumerable.Range(0, violations.Count).Where(i => Array.IndexOf(order, MemberOf(violations[i])) >= 0).ToList();
        var listed = slots.Select(i => violations[i]).OrderBy(v => Array.IndexOf(order, MemberOf(v))).ToList();
        for (var i = 0; i < slots.Count; i++)
        {
            violations[slots[i]] = listed[i];
        }
    }

    /// <summary>
    /// The newer framework's wording, where AWS already uses it: no echo of the value, and the path in the
    /// members' own capitalisation (<c>Value at 'RequestItems.t.member.Keys'</c>). BatchGetItem's lengths,
    /// an empty BatchWriteItem, and Query's and Scan's Limit are worded so; BatchWriteItem's list of writes for
    /// a table is a constraint on the map's values; everything else keeps the older form.
    /// </summary>
    private static string Reword(string violation, string operation)
    {
        var match = Violation().Match(violation);
        if (!match.Success)
        {
            return violation;
        }
        var path = match.Groups["path"].Value;
        var constraint = match.Groups["constraint"].Value;
        var length = constraint.StartsWith("Member must have length", StringComparison.Ordinal);
        if (operation == "BatchWriteItem" && length && path.StartsWith("requestItems.", StringComparison.Ordinal))
        {
            // One table's list of writes: AWS words it as a constraint on the map's values, echoing the map.
            var table = path["requestItems.".Length..^".member".Length];
            var list = match.Groups["value"].Value.Trim('\'');
            return $"Value '{{{table}={list}}}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: " +
                "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]";
        }
        var newer = operation switch
        {
            "BatchGetItem" => path.StartsWith("requestItems", StringComparison.Ordinal) && length,
            "BatchWriteItem" => path == "requestItems" && length,
            "Query" or "Scan" => path == "limit",
            _ => false,
        };
        return newer ? $"Value at '{MemberCase(path)}' failed to satisfy constraint: {constraint}" : violation;
    }

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
