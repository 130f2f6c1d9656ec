namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The regions a replica of a 2019.11.21 global table may be created in: the commercial regions of
/// the aws partition, as botocore's endpoints list them. FakeAws holds every region in one cloud and
/// treats opt-in regions as enabled, so each of these is accepted.
/// </summary>
internal static class GlobalTableRegions
{
    // AWS lists the regions in its own (unsorted) order; the first five are the order AWS was seen to
    // answer with, the rest follow in name order.
    private static readonly string[] Supported =
    [
        "ap-south-2", "ap-south-1", "eu-south-1", "eu-south-2", "me-central-1",
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
        "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-south-1", "mx-central-1",
        "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ];

    private static readonly HashSet<string> SupportedSet = new(Supported, StringComparer.Ordinal);

    /// <summary>Fails with AWS's ValidationException when <paramref name="region"/> cannot hold a replica (names are case-sensitive); returns it otherwise.</summary>
    public static string Check(string? region)
    {
        if (region is null || !SupportedSet.Contains(region))
        {
            throw DynamoDbErrors.Validation(
                $"Region {region} is not supported. The latest version of global tables are only supported in the following regions: [{string.Join(", ", Supported)}]");
        }
        return region;
    }

    // The regions of AWS's three MRSC region sets (US; EU; AP), as the API reference lists them.
    private static readonly HashSet<string> StrongSet = new(StringComparer.Ordinal)
    {
        "us-east-1", "us-east-2", "us-west-2",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    };

    /// <summary>
    /// Fails with AWS's ValidationException naming those of <paramref name="regions"/> that cannot hold a replica
    /// or witness of a global table with Multi-Region strong consistency. Regions of different sets are accepted
    /// together, as AWS was recorded accepting them (a eu-west-1 replica with a us-east-2 witness).
    /// </summary>
    public static void CheckStrong(IEnumerable<string> regions)
    {
        var unsupported = regions.Where(r => !StrongSet.Contains(r)).Distinct(StringComparer.Ordinal).ToList();
        if (unsupported.Count > 0)
        {
            throw DynamoDbErrors.Validation(
                $"Unsupported Region(s) specified for global tables with MultiRegionConsistency set to STRONG: [{string.Join(", ", unsupported)}].");
        }
    }
}
