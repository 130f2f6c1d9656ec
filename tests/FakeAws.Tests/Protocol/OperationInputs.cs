using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;

namespace FakeAws.Tests.Protocol;

/// <summary>
/// Inputs for one operation, built from its model's input shape by reflection: well-formed ones (every
/// required member, some optional ones, the seeded resources' names where a member takes them, then
/// repaired against the model's own constraints until they pass or four rounds are spent), and ones with
/// one field broken (a wrong type, too long, a value outside the enum, a member left out, an id that does
/// not exist, an empty value), so that a refusal can happen deep inside the operation, past its model's checks.
/// </summary>
internal sealed class OperationInputs(FrontDoorOperation operation, IReadOnlyDictionary<string, List<string>> known)
{
    private const int Depth = 4;

    private static readonly string[] Strings =
        ["fuzz", "fuzz-new", "x", "1", "k0", "arn:aws:iam::123456789012:role/fuzz", "GET", "$LATEST", "{}", "prod", "a:b", "us-east-1"];

    private static readonly string[] Attributes = ["""{"S":"k0"}""", """{"S":"x"}""", """{"N":"1"}""", """{"B":"ZnV6eg=="}""", """{"SS":["a"]}""", """{"L":[]}""", """{"NULL":true}"""];

    private static readonly string[] Breaks = ["wrong type", "too long", "outside the enum", "left out", "unknown id", "empty", "negative"];

    /// <summary>A well-formed input, as members by the shape's names.</summary>
    public JsonObject WellFormed(Random random)
    {
        if (operation.Operation.Model.InputType is not { } type)
        {
            return [];
        }
        var input = Activator.CreateInstance(type)!;
        foreach (var member in operation.Members)
        {
            if (random.Next(3) == 0)
            {
                member.SetValue(input, Value(member.PropertyType, member.Name, random, 0));
            }
        }
        for (var round = 0; round < 4 && operation.Operation.Model.Validate is { } validate; round++)
        {
            var validation = new ModelValidation();
            validate(input, validation);
            if (validation.IsEmpty)
            {
                break;
            }
            foreach (var missing in validation.MissingTopLevel)
            {
                Regenerate(input, Member(type, missing), random, required: true);
            }
            foreach (var violation in validation.Violations)
            {
                Repair(input, violation, random);
            }
        }
        var members = new JsonObject();
        foreach (var member in operation.Members)
        {
            if (member.GetValue(input) is { } value)
            {
                members[member.Name] = JsonSerializer.SerializeToNode(value, member.PropertyType, operation.Json);
            }
        }
        return members;
    }

    /// <summary>A well-formed input with one field broken; what was broken goes in <paramref name="how"/>.</summary>
    public JsonObject Broken(Random random, out string how)
    {
        var members = WellFormed(random);
        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(members, slots);
        var kind = Breaks[random.Next(Breaks.Length)];
        if (slots.Count == 0)
        {
            members["Unknown"] = "x";
            how = "an unknown member";
            return members;
        }
        var (parent, key, index) = slots[random.Next(slots.Count)];
        var old = key is null ? parent[index] : parent[key];
        how = $"{kind} at {old?.GetPath()}";
        if (kind == "left out")
        {
            if (parent is JsonObject o)
            {
                o.Remove(key!);
            }
            else
            {
                ((JsonArray)parent).RemoveAt(index);
            }
            return members;
        }
        JsonNode? broken = kind switch
        {
            "wrong type" => old switch
            {
                JsonObject => new JsonArray(),
                JsonArray => new JsonObject(),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => 12345,
                _ => "fuzz",
            },
            "too long" => old is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? JsonValue.Create(1e15) : new string('a', 3000),
            "outside the enum" => "NOT_A_VALUE",
            "unknown id" => old is JsonValue s && s.TryGetValue<string>(out var text) ? text + "-unknown" : "fuzz-unknown",
            "empty" => old switch { JsonObject => new JsonObject(), JsonArray => new JsonArray(), _ => "" },
            _ => -1,
        };
        if (key is null)
        {
            parent[index] = broken;
        }
        else
        {
            parent[key] = broken;
        }
        return members;
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> slots)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o.ToList())
            {
                slots.Add((o, key, -1));
                if (value is not null)
                {
                    Collect(value, slots);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                slots.Add((a, null, i));
                if (a[i] is { } item)
                {
                    Collect(item, slots);
                }
            }
        }
    }

    // A violation's path names members from the top (lower camel case); list items are "n.member", map values "key.member".
    private void Repair(object input, Violation violation, Random random)
    {
        var segments = violation.Path.Split('.');
        var owner = input;
        for (var i = 0; i < segments.Length; i++)
        {
            if (Member(owner.GetType(), segments[i]) is not { } member)
            {
                return;
            }
            var value = member.GetValue(owner);
            var last = i == segments.Length - 1;
            if (last && violation.Constraint is Constraint.EnumSet { Allowed.Count: > 0 } allowed && member.PropertyType == typeof(string))
            {
                member.SetValue(owner, allowed.Allowed[random.Next(allowed.Allowed.Count)]);
                return;
            }
            if (last || value is null || value is IEnumerable and not string)
            {
                // A list or map holding the fault is made again whole.
                Regenerate(owner, member, random, required: violation.Constraint is Constraint.NotNull || value is IEnumerable and not string || random.Next(2) == 0);
                return;
            }
            owner = value;
        }
    }

    private void Regenerate(object owner, PropertyInfo? member, Random random, bool required) =>
        member?.SetValue(owner, required ? Value(member.PropertyType, member.Name, random, 0) : null);

    private static PropertyInfo? Member(Type type, string name) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.CanWrite && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private object? Value(Type declared, string name, Random random, int depth)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(string))
        {
            return Text(name, random);
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return Convert.ChangeType(new[] { 1, 10, 100, 0, 3600 }[random.Next(5)], type, CultureInfo.InvariantCulture);
        }
        if (type == typeof(bool))
        {
            return random.Next(2) == 0;
        }
        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        }
        if (type == typeof(DateTime))
        {
            return new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }
        if (type == typeof(byte[]))
        {
            return "fuzz"u8.ToArray();
        }
        if (type == typeof(MemoryStream))
        {
            return new MemoryStream("fuzz"u8.ToArray());
        }
        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("""{"a":1}""").RootElement.Clone();
        }
        if (type.Name == "AttributeValue")
        {
            return JsonSerializer.Deserialize(Attributes[random.Next(Attributes.Length)], type, operation.Json);
        }
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(random.Next(values.Length));
        }
        if (depth >= Depth || type.IsAbstract)
        {
            return null;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            for (var i = random.Next(1, 3); i > 0; i--)
            {
                list.Add(Value(type.GetGenericArguments()[0], name, random, depth + 1));
            }
            return list;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var map = (IDictionary)Activator.CreateInstance(type)!;
            var valueType = type.GetGenericArguments()[1];
            // An item or key of the seeded table, by its key attributes.
            var keys = valueType.Name == "AttributeValue" ? new[] { "pk", "sk", "b" }.Take(random.Next(1, 4)) : [Text(name + "Key", random)];
            foreach (var key in keys)
            {
                map[key] = key switch
                {
                    "pk" => JsonSerializer.Deserialize("""{"S":"k0"}""", valueType, operation.Json),
                    "sk" => JsonSerializer.Deserialize("""{"N":"0"}""", valueType, operation.Json),
                    _ => Value(valueType, name, random, depth + 1),
                };
            }
            return map;
        }
        if (type.GetConstructor(Type.EmptyTypes) is null || type.Namespace?.StartsWith("FakeAws", StringComparison.Ordinal) != true)
        {
            return null;
        }
        var shape = Activator.CreateInstance(type)!;
        foreach (var member in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (random.Next(2) == 0)
            {
                member.SetValue(shape, Value(member.PropertyType, member.Name, random, depth + 1));
            }
        }
        return shape;
    }

    // A seeded resource's name where the member takes one, mostly; otherwise a plausible string, or any seeded name.
    private string Text(string name, Random random)
    {
        if (known.TryGetValue(name, out var values) && random.Next(5) > 0)
        {
            return values[random.Next(values.Count)];
        }
        if (random.Next(4) == 0)
        {
            var all = known.Values.SelectMany(v => v).ToArray();
            return all[random.Next(all.Length)];
        }
        return Strings[random.Next(Strings.Length)];
    }
}
