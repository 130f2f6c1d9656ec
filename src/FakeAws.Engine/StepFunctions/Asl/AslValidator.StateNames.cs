using System.Text.Json;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Asl;

internal sealed partial class AslValidator
{
    /// <summary>
    /// State names must be unique within the whole state machine: across the top level, every Parallel
    /// branch and every Map's ItemProcessor (or Iterator), and within one <c>States</c> object, where
    /// JSON would otherwise keep only the last state of a name. Each repeat is AWS's DUPLICATE_STATE_NAME
    /// at the repeated state. The text is read again with repeated members kept, which the parsed tree
    /// has lost; elsewhere a repeated member's last value counts, as in the tree.
    /// </summary>
    private void ValidateUniqueStateNames(string definition)
    {
        using var document = JsonValues.ParseKeepingRepeats(definition);
        CollectStateNames(document.RootElement, "", new HashSet<string>(StringComparer.Ordinal));
    }

    private void CollectStateNames(JsonElement program, string location, HashSet<string> seen)
    {
        if (LastMember(program, "States") is not { ValueKind: JsonValueKind.Object } states)
        {
            return;
        }
        foreach (var member in states.EnumerateObject())
        {
            var (name, state) = (member.Name, member.Value);
            var at = $"{location}/States/{name}";
            if (!seen.Add(name))
            {
                _diagnostics.Add(new("DUPLICATE_STATE_NAME", $"Duplicate State name: {name}", at));
            }
            if (LastMember(state, "Branches") is { ValueKind: JsonValueKind.Array } branches)
            {
                var i = 0;
                foreach (var branch in branches.EnumerateArray())
                {
                    CollectStateNames(branch, $"{at}/Branches[{i++}]", seen);
                }
            }
            foreach (var field in new[] { "ItemProcessor", "Iterator" })
            {
                if (LastMember(state, field) is { } processor)
                {
                    CollectStateNames(processor, $"{at}/{field}", seen);
                }
            }
        }
    }

    // The value a repeated member ends with, as the parsed tree holds it.
    private static JsonElement? LastMember(JsonElement element, string name)
    {
        JsonElement? last = null;
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (member.Name == name)
                {
                    last = member.Value;
                }
            }
        }
        return last;
    }
}
