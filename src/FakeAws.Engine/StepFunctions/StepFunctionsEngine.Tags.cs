using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.StepFunctions;

// Tags of state machines.
internal sealed partial class StepFunctionsEngine
{
    /// <summary>The most tags one resource may have.</summary>
    private const int MaxTags = 50;

    public TagResourceOutput TagResource(RequestScope scope, TagResourceInput input)
    {
        var machine = TaggedMachine(scope, input.ResourceArn!);
        lock (machine.Gate)
        {
            SetTags(machine.Tags, input.Tags, machine.Arn);
        }
        return new TagResourceOutput();
    }

    public UntagResourceOutput UntagResource(RequestScope scope, UntagResourceInput input)
    {
        var machine = TaggedMachine(scope, input.ResourceArn!);
        lock (machine.Gate)
        {
            foreach (var key in input.TagKeys ?? [])
            {
                machine.Tags.Remove(key);
            }
        }
        return new UntagResourceOutput();
    }

    public ListTagsForResourceOutput ListTagsForResource(RequestScope scope, ListTagsForResourceInput input)
    {
        var machine = TaggedMachine(scope, input.ResourceArn!);
        lock (machine.Gate)
        {
            return new ListTagsForResourceOutput { Tags = machine.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() };
        }
    }

    private StateMachineRecord TaggedMachine(RequestScope scope, string arn)
    {
        if (!StepFunctionsArns.TryParse(arn, out var kind, out var names, out _) || kind != "stateMachine" || names.Length != 1)
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        return _regions[scope].Machines.TryGetValue(arn, out var machine) ? machine : throw StepFunctionsErrors.ResourceNotFound(arn);
    }

    /// <summary>Adds or replaces tags, keeping to the 50-tag limit; changes nothing when the limit would be passed.</summary>
    private static void SetTags(Dictionary<string, string> tags, List<Tag>? added, string arn)
    {
        if (added is null)
        {
            return;
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
