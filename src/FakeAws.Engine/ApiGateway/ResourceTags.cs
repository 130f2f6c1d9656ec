using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// What v1's and v2's TagResource, UntagResource and GetTags share: reading a taggable resource's
/// ARN (<c>arn:aws:apigateway:{region}::/restapis/{id}</c>, no account) into its path segments, and
/// AWS's tag rules (50 tags, keys of 1 to 128 characters, values up to 256, no <c>aws:</c> prefix).
/// The tags themselves stay where the Create operations put them, on each resource.
/// </summary>
internal static class ResourceTags
{
    public const int MaxTags = 50;

    public const int MaxKeyLength = 128;

    public const int MaxValueLength = 256;

    private const string ReservedPrefix = "aws:";

    /// <summary>
    /// The segments of the resource path of <paramref name="arn"/>, such as <c>["restapis", "a1b2c3"]</c>;
    /// refuses an ARN that is not API Gateway's or names another region than the caller's.
    /// </summary>
    public static string[] PathOf(RequestScope scope, string? arn)
    {
        // arn:{partition}:apigateway:{region}:{no account}:{/path}
        var parts = (arn ?? "").Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "apigateway" || parts[3] != scope.Region || parts[4].Length != 0
            || !parts[5].StartsWith('/'))
        {
            throw InvalidArn(arn ?? "");
        }
        return parts[5][1..].Split('/');
    }

    /// <summary>The error for an ARN that names no taggable resource of this region.</summary>
    public static AwsServiceException InvalidArn(string arn) => ApiGatewayErrors.BadRequest($"Invalid resource ARN specified: {arn}");

    /// <summary>
    /// <paramref name="existing"/> with <paramref name="added"/> merged in (a key given again takes its new
    /// value), after AWS's checks; the result is a new dictionary.
    /// </summary>
    public static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? existing, IReadOnlyDictionary<string, string> added)
    {
        foreach (var (key, value) in added)
        {
            Check(key, value);
        }
        var merged = existing is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(existing, StringComparer.Ordinal);
        foreach (var (key, value) in added)
        {
            merged[key] = value;
        }
        if (merged.Count > MaxTags)
        {
            throw ApiGatewayErrors.BadRequest($"Too many tags: a resource can have at most {MaxTags} tags");
        }
        return merged;
    }

    /// <summary>The tags a Create operation was given, checked as TagResource checks them; null when there are none.</summary>
    public static Dictionary<string, string>? Initial(IReadOnlyDictionary<string, string>? tags) =>
        tags is { Count: > 0 } ? Merge(null, tags) : null;

    /// <summary><paramref name="existing"/> without <paramref name="keys"/>; keys it does not hold are ignored, as on AWS.</summary>
    public static Dictionary<string, string> Without(IReadOnlyDictionary<string, string>? existing, IEnumerable<string> keys)
    {
        var kept = existing is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(existing, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                throw ReservedKey();
            }
            kept.Remove(key);
        }
        return kept;
    }

    private static void Check(string key, string value)
    {
        if (key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw ReservedKey();
        }
        if (key.Length is 0 or > MaxKeyLength)
        {
            throw ApiGatewayErrors.BadRequest($"Invalid tag key: tag keys must be 1 to {MaxKeyLength} characters long");
        }
        if (value.Length > MaxValueLength)
        {
            throw ApiGatewayErrors.BadRequest($"Invalid tag value: tag values must be at most {MaxValueLength} characters long");
        }
    }

    private static AwsServiceException ReservedKey() =>
        ApiGatewayErrors.BadRequest("Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)");
}
