using System.Text.RegularExpressions;

namespace FakeAws.Engine.DynamoDb;

/// <summary>Table names and ARNs: DynamoDB accepts either wherever a request names a table.</summary>
internal static partial class TableNames
{
    [GeneratedRegex("^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/(?<name>.+)$")]
    private static partial Regex ArnPattern();

    /// <summary>The table name that <paramref name="nameOrArn"/> refers to.</summary>
    public static string Resolve(string? nameOrArn)
    {
        var value = nameOrArn ?? "";
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            var match = ArnPattern().Match(value);
            if (!match.Success)
            {
                throw DynamoDbErrors.Validation($"Invalid TableArn: Invalid ResourceArn provided as input {value}");
            }
            value = match.Groups["name"].Value;
        }
        return value;
    }

    /// <summary>Checks a name as DynamoDB does before anything else: length first, then characters.</summary>
    public static void Validate(string? nameOrArn, string member = "tableName")
    {
        if (nameOrArn is null || nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return;
        }
        if (nameOrArn.Length is < 3 or > 255)
        {
            var label = char.ToUpperInvariant(member[0]) + member[1..];
            throw DynamoDbErrors.Validation($"{label} must be at least 3 characters long and at most 255 characters long");
        }
        if (!IsValidName(nameOrArn))
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '{nameOrArn}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

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
