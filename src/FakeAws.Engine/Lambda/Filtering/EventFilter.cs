using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda.Filtering;

/// <summary>
/// An event source mapping's <c>FilterCriteria</c>: the patterns as the caller wrote them, which the
/// mapping describes back, and as read, which decide what reaches the function. A record is delivered
/// when any pattern matches it; the others are dropped and the mapping reads past them, as AWS does.
/// </summary>
internal sealed class EventFilter
{
    private readonly List<string> _texts;
    private readonly List<FilterPattern> _patterns;

    private EventFilter(List<string> texts, List<FilterPattern> patterns)
    {
        _texts = texts;
        _patterns = patterns;
    }

    /// <summary>
    /// The filter of <paramref name="criteria"/>; null when it has no filters (no criteria, <c>{}</c> or an
    /// empty list, which is how an update removes them).
    /// </summary>
    /// <exception cref="AwsServiceException">InvalidParameterValueException for a pattern Lambda does not accept.</exception>
    public static EventFilter? From(FilterCriteria? criteria)
    {
        if (criteria?.Filters is not { Count: > 0 } filters)
        {
            return null;
        }
        var patterns = new List<FilterPattern>();
        foreach (var filter in filters)
        {
            patterns.Add(FilterPatternReader.Read(filter.Pattern) ?? throw LambdaErrors.InvalidParameter("Invalid filter pattern definition."));
        }
        return new EventFilter(filters.Select(f => f.Pattern!).ToList(), patterns);
    }

    /// <summary>The criteria as the mapping describes them.</summary>
    public FilterCriteria Describe() => new() { Filters = _texts.Select(text => new Filter { Pattern = text }).ToList() };

    /// <summary>Whether a record (one element of the event's <c>Records</c>) passes.</summary>
    public bool Passes(byte[] record)
    {
        using var document = JsonDocument.Parse(record);
        return _patterns.Any(pattern => pattern.Matches(document.RootElement));
    }
}
