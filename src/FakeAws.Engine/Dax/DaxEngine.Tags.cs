using FakeAws.Engine.Core;
using FakeAws.Engine.Dax.Model;

namespace FakeAws.Engine.Dax;

// Tags on clusters (DAX's only taggable resource), and the events of the last hours.
internal sealed partial class DaxEngine
{
    public TagResourceResponse TagResource(RequestScope scope, TagResourceRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var cluster = Tagged(region, scope, input.ResourceName);
            var tags = input.Tags ?? [];
            CheckTagCount(cluster.Tags.Select(t => t.Key).Union(tags.Select(t => t.Key)).Count());
            foreach (var tag in tags)
            {
                cluster.Tags.RemoveAll(t => t.Key == tag.Key);
                cluster.Tags.Add(tag);
            }
            return new TagResourceResponse { Tags = [.. cluster.Tags] };
        }
    }

    public UntagResourceResponse UntagResource(RequestScope scope, UntagResourceRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var cluster = Tagged(region, scope, input.ResourceName);
            if ((input.TagKeys ?? []).FirstOrDefault(key => cluster.Tags.All(t => t.Key != key)) is { } missing)
            {
                throw DaxErrors.Fault("TagNotFoundFault", $"Tag {missing} not found.");
            }
            cluster.Tags.RemoveAll(t => input.TagKeys!.Contains(t.Key!));
            return new UntagResourceResponse { Tags = [.. cluster.Tags] };
        }
    }

    public ListTagsResponse ListTags(RequestScope scope, ListTagsRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var (page, next) = Page(Tagged(region, scope, input.ResourceName).Tags, null, input.NextToken);
            return new ListTagsResponse { Tags = page, NextToken = next };
        }
    }

    public DescribeEventsResponse DescribeEvents(RequestScope scope, DescribeEventsRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            // Without a window, the last hour, as AWS answers.
            var end = input.EndTime ?? Now;
            var start = input.StartTime ?? end - TimeSpan.FromMinutes(input.Duration ?? 60);
            // Newest first; events of the same instant, latest recorded first.
            var events = Enumerable.Reverse(region.Events)
                .Where(e => e.Date >= start && e.Date <= end)
                .Where(e => input.SourceName is null || e.SourceName == input.SourceName)
                .Where(e => input.SourceType is null || e.SourceType == input.SourceType)
                .OrderByDescending(e => e.Date)
                .ToList();
            var (page, next) = Page(events, input.MaxResults, input.NextToken);
            return new DescribeEventsResponse { Events = page, NextToken = next };
        }
    }

    private DaxClusterRecord Tagged(DaxRegion region, RequestScope scope, string? arn)
    {
        var prefix = $"arn:aws:dax:{scope.Region}:{scope.AccountId}:cache/";
        if (arn is null || !arn.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw DaxErrors.Fault("InvalidARNFault", $"Invalid ARN: {arn}");
        }
        return Existing(region, arn[prefix.Length..]);
    }

    private static void CheckTagCount(int count)
    {
        if (count > MaxTags)
        {
            throw DaxErrors.Fault("TagQuotaPerResourceExceeded", $"A resource can have at most {MaxTags} tags.");
        }
    }
}
