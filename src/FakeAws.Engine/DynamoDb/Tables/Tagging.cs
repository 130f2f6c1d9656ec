using System.Text.RegularExpressions;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>DynamoDB's rules for tags: at most 50 on a table, AWS's character set, and no key under the reserved <c>aws:</c> prefix.</summary>
internal static partial class Tagging
{
    /// <summary>The most tags a table may carry.</summary>
    public const int MaxTags = 50;

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex Characters();

    /// <summary>Checks the tags of a request; returns them as key-value pairs, the last value of a repeated key winning.</summary>
    public static List<KeyValuePair<string, string>> Validate(List<Tag>? tags)
    {
        var checkedTags = new List<KeyValuePair<string, string>>();
        foreach (var tag in tags ?? [])
        {
            var key = tag.Key!;
            var value = tag.Value ?? "";
            if (key.StartsWith("aws:", StringComparison.Ordinal))
            {
                throw DynamoDbErrors.Validation("One or more parameter values were invalid: Tag keys starting with 'aws:' are reserved for system use");
            }
            if (!Characters().IsMatch(key) || !Characters().IsMatch(value))
            {
                throw DynamoDbErrors.Validation(
                    $"One or more parameter values were invalid: Tag {key} does not match the pattern ^([\\p{{L}}\\p{{Z}}\\p{{N}}_.:/=+\\-@]*)$");
            }
            checkedTags.RemoveAll(t => t.Key == key);
            checkedTags.Add(new(key, value));
        }
        return checkedTags;
    }

    /// <summary>Adds or replaces <paramref name="tags"/> on <paramref name="table"/>, failing when it would carry more than 50.</summary>
    public static void Apply(Table table, List<KeyValuePair<string, string>> tags)
    {
        var added = tags.Count(t => !table.Tags.Exists(existing => existing.Key == t.Key));
        if (table.Tags.Count + added > MaxTags)
        {
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: The number of tags on a resource cannot exceed {MaxTags}");
        }
        foreach (var tag in tags)
        {
            var at = table.Tags.FindIndex(existing => existing.Key == tag.Key);
            if (at >= 0)
            {
                table.Tags[at] = tag;
            }
            else
            {
                table.Tags.Add(tag);
            }
        }
    }
}
