using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.StepFunctions;

// Tags of state machines and activities.
internal sealed partial class StepFunctionsEngine
{
    /// <summary>The most tags one resource may have.</summary>
    private const int MaxTags = 50;

    public TagResourceOutput TagResource(RequestScope scope, TagResourceInput input)
    {
        var (tags, gate) = TaggedResource(scope, input.ResourceArn!);
        lock (gate)
        {
            SetTags(tags, input.Tags, input.ResourceArn!);
        }
        return new TagResourceOutput();
    }

    public UntagResourceOutput UntagResource(RequestScope scope, UntagResourceInput input)
    {
        var (tags, gate) = TaggedResource(scope, input.ResourceArn!);
        lock (gate)
        {
            foreach (var key in input.TagKeys ?? [])
            {
                tags.Remove(key);
            }
        }
        return new UntagResourceOutput();
    }

    public ListTagsForResourceOutput ListTagsForResource(RequestScope scope, ListTagsForResourceInput input)
    {
        var (tags, gate) = TaggedResource(scope, input.ResourceArn!);
        lock (gate)
        {
            return new ListTagsForResourceOutput { Tags = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() };
        }
    }

    /// <summary>The tags of the state machine or activity an ARN names, and the lock that guards them.</summary>
    private (Dictionary<string, string> Tags, object Gate) TaggedResource(RequestScope scope, string arn)
    {
        if (!StepFunctionsArns.TryParse(arn, out var kind, out var names, out _) || names.Length != 1)
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        var region = _regions[scope];
        return kind switch
        {
            "stateMachine" when region.Machines.TryGetValue(arn, out var machine) => (machine.Tags, machine.Gate),
            "activity" when region.Activities.TryGetValue(arn, out var activity) => (activity.Tags, activity.Gate),
            "stateMachine" or "activity" => throw StepFunctionsErrors.ResourceNotFound(arn),
            _ => throw StepFunctionsErrors.InvalidArn(arn),
        };
    }

    /// <summary>Adds or replaces tags, keeping to the 50-tag limit; changes nothing when the limit would be passed.</summary>
    private static void SetTags(Dictionary<string, string> tags, List<Tag>? added, string arn)
    {
        if (added is null)
        {
            return;
        }
        // The model leaves a tag's key optional; AWS refuses a tag without one, before any tag is set.
        var keyless = added.FindIndex(t => t.Key is null);
        if (keyless >= 0)
        {
            throw StepFunctionsErrors.Validation(
                $"1 validation error detected: Value null at 'tags.{keyless + 1}.member.key' failed to satisfy constraint: Member must not be null");
        }
        var keys = tags.Keys.Union(added.Select(t => t.Key!), StringComparer.Ordinal).Count();
        if (keys > MaxTags)
        {
            throw StepFunctionsErrors.TooManyTags(arn);
        }
        foreach (var tag in added)
        {
            tags[tag.Key!] = tag.Value ?? "";
        }
    }
}
