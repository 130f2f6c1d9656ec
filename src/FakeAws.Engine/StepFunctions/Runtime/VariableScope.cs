using System.Text.Json.Nodes;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// The workflow variables one line of execution sees. A Parallel branch or Map iteration gets an
/// inner scope: it reads the outer variables, and what it assigns stays inside it.
/// </summary>
internal sealed class VariableScope(VariableScope? outer = null)
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    /// <summary>A scope nested in this one.</summary>
    public VariableScope Inner() => new(this);

    /// <summary>The value of a variable, looking outwards; false when it was never assigned.</summary>
    public bool TryGet(string name, out JsonNode? value)
    {
        lock (_values)
        {
            if (_values.TryGetValue(name, out value))
            {
                return true;
            }
        }
        if (outer is not null)
        {
            return outer.TryGet(name, out value);
        }
        value = null;
        return false;
    }

    /// <summary>The variables set in this scope itself, as a JSON object.</summary>
    public JsonObject ToJson()
    {
        lock (_values)
        {
            return new JsonObject(_values.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())));
        }
    }

    /// <summary>Sets a variable in this scope.</summary>
    public void Set(string name, JsonNode? value)
    {
        lock (_values)
        {
            _values[name] = value;
        }
    }
}
