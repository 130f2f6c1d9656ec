using System.Text.RegularExpressions;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>Table names and ARNs: DynamoDB accepts either wherever a request names a table.</summary>
internal static partial class TableNames
{
    [GeneratedRegex("^arn:aws[a-z-]*:dynamodb:(?<region>[a-z0-9-]+):(?<account>[0-9]{12}):table/(?<name>.+)$")]
    private static partial Regex ArnPattern();

    /// <summary>The table name that <paramref name="nameOrArn"/> refers to.</summary>
    public static string Resolve(string? nameOrArn) => Resolve(default, nameOrArn).Name;

    /// <summary>
    /// The table <paramref name="nameOrArn"/> refers to: a name lives in the request's account and region,
    /// an ARN in its own.
    /// </summary>
    public static (RequestScope Scope, string Name) Resolve(RequestScope scope, string? nameOrArn)
    {
        var value = nameOrArn ?? "";
        if (!value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return (scope, value);
        }
        var match = ArnPattern().Match(value);
        if (!match.Success)
        {
            throw DynamoDbErrors.Validation($"Invalid TableArn: Invalid ResourceArn provided as input {value}");
        }
        return (scope with { AccountId = match.Groups["account"].Value, Region = match.Groups["region"].Value }, match.Groups["name"].Value);
    }

    /// <summary>
    /// Checks a name as DynamoDB does before anything else: a name past 255 characters or outside the pattern
    /// is a constraint violation of the member (both, if both); one of one or two characters has a message of
    /// its own.
    /// </summary>
    public static void Validate(string? nameOrArn, string member = "tableName")
    {
        if (nameOrArn is null || nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return;
        }
        List<Violation>? violations = null;
        if (nameOrArn.Length > 255)
        {
            (violations ??= []).Add(new Violation(member, nameOrArn, NameMaxLength));
        }
        if (!IsValidName(nameOrArn))
        {
            (violations ??= []).Add(new Violation(member, nameOrArn, NamePattern));
        }
        if (violations is not null)
        {
            throw DynamoDbErrors.ConstraintViolations(violations);
        }
        if (nameOrArn.Length < 3)
        {
            var label = char.ToUpperInvariant(member[0]) + member[1..];
            throw DynamoDbErrors.Validation($"{label} must be at least 3 characters long and at most 255 characters long");
        }
    }

    private static readonly Constraint.MaxLength NameMaxLength = new(255);
    private static readonly Constraint.Pattern NamePattern = new("[a-zA-Z0-9_.-]+");

    /// <summary>The constraints on a batch's map of table names, which AWS reports once for the whole map.</summary>
    private static readonly Constraint.MapKeys MapKeysConstraint = new([NameMaxLength, new Constraint.MinLength(3), NamePattern]);

    /// <summary>
    /// BatchGetItem's table names: a malformed one is a constraint on the RequestItems map's keys, and AWS's
    /// newer framework echoes the map as JSON.
    /// </summary>
    public static void ValidateBatchGet(IReadOnlyDictionary<string, KeysAndAttributes> requestItems)
    {
        if (requestItems.Keys.Any(name => !IsValidMapKey(name)))
        {
            throw DynamoDbErrors.ConstraintViolations([new Violation("requestItems", RequestEcho.Json(requestItems), MapKeysConstraint)]);
        }
    }

    /// <summary>BatchWriteItem's table names: the same constraint, with the map echoed in the older form, as Java prints it.</summary>
    public static void ValidateBatchWrite(Dictionary<string, List<WriteRequest>> requestItems)
    {
        if (requestItems.Keys.Any(name => !IsValidMapKey(name)))
        {
            throw DynamoDbErrors.ConstraintViolations([new Violation("requestItems", requestItems, MapKeysConstraint)]);
        }
    }

    // A batch names its tables by name or by ARN.
    private static bool IsValidMapKey(string name) => name.StartsWith("arn:", StringComparison.Ordinal) || (name.Length is >= 3 and <= 255 && IsValidName(name));

    // The pattern [a-zA-Z0-9_.-]+, checked without a regex because every request runs it.
    private static bool IsValidName(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The ARN of table <paramref name="name"/>.</summary>
    public static string Arn(string region, string account, string name) => $"arn:aws:dynamodb:{region}:{account}:table/{name}";
}
