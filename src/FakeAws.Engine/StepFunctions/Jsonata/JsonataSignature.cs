using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// A built-in function's signature in jsonata's notation (<c>&lt;s-nn?:s&gt;</c>), and its check of
/// the arguments as jsonata's signature.js makes it: each argument's type letter (s string, n
/// number, b boolean, l null, a array, o object, f function, m undefined) must match the pattern
/// the parameters make; <c>-</c> lets the context value stand in for a missing first argument;
/// an array parameter takes a single value as a one-item array, and <c>a&lt;n&gt;</c> checks its
/// items. A mismatch is T0410 (an argument), T0411 (the context value) or T0412 (an array's items).
/// </summary>
internal sealed class JsonataSignature
{
    private readonly List<Parameter> _parameters = [];
    private readonly Regex _pattern;

    private sealed record Parameter(char Symbol, string Pattern, string Regex, bool Context, bool Array, char? ItemType);

    public JsonataSignature(string signature)
    {
        // The part before the ':' outside any <...> lists the parameters; the return type after it is not checked.
        var stop = signature.Length - 1;
        for (int i = 1, depth = 0; i < signature.Length - 1; i++)
        {
            depth += signature[i] switch { '<' => 1, '>' => -1, _ => 0 };
            if (signature[i] == ':' && depth == 0)
            {
                stop = i;
                break;
            }
        }
        var body = signature[1..stop];
        var pattern = new StringBuilder("^");
        for (var i = 0; i < body.Length; i++)
        {
            var symbol = body[i];
            string choice;
            char? itemType = null;
            switch (symbol)
            {
                case '(':
                    var close = body.IndexOf(')', i);
                    choice = $"[{body[(i + 1)..close]}m]";
                    i = close;
                    break;
                case 'x':
                    choice = "[asnblfom]";
                    break;
                case 'j':
                    choice = "[asnblom]";
                    break;
                case 'a':
                    // Any value: a single one becomes a one-item array.
                    choice = "[asnblfom]";
                    break;
                default:
                    choice = $"[{symbol}m]";
                    break;
            }
            if (i + 1 < body.Length && body[i + 1] == '<')
            {
                // a<n>: the type of an array's items; f<...>: a function's own signature, not checked.
                itemType = symbol == 'a' ? body[i + 2] : null;
                for (var depth = 0; ; )
                {
                    depth += body[++i] switch { '<' => 1, '>' => -1, _ => 0 };
                    if (depth == 0)
                    {
                        break;
                    }
                }
            }
            var optional = false;
            var context = false;
            var repeated = false;
            while (i + 1 < body.Length && body[i + 1] is '?' or '-' or '+')
            {
                i++;
                optional |= body[i] == '?';
                context |= body[i] == '-';
                repeated |= body[i] == '+';
            }
            var regex = choice + (repeated ? "+" : "") + (optional || context ? "?" : "");
            pattern.Append('(').Append(choice).Append(repeated ? "+" : "").Append(')').Append(optional || context ? "?" : "");
            _parameters.Add(new Parameter(symbol, choice, regex, context, symbol == 'a', itemType));
        }
        _pattern = new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>How many parameters the signature declares.</summary>
    public int Arity => _parameters.Count;

    /// <summary>The arguments as the function's body takes them, one per parameter (a repeated one, each), or jsonata's error.</summary>
    public List<object?> Validate(IReadOnlyList<object?> arguments, object? context)
    {
        var supplied = string.Concat(arguments.Select(Symbol));
        var match = _pattern.Match(supplied);
        if (!match.Success)
        {
            throw Mismatch(supplied);
        }
        var validated = new List<object?>(_parameters.Count);
        var next = 0;
        for (var p = 0; p < _parameters.Count; p++)
        {
            var parameter = _parameters[p];
            var group = match.Groups[p + 1].Value;
            if (group.Length == 0)
            {
                if (parameter.Context)
                {
                    // jsonata passes the context value in place of the missing argument.
                    if (!Regex.IsMatch(Symbol(context).ToString(), $"^{parameter.Pattern}$"))
                    {
                        throw new JsonataException($"T0411: Context value is not a compatible type with argument {p + 1} of function");
                    }
                    validated.Add(context);
                }
                else
                {
                    validated.Add(next < arguments.Count ? arguments[next] : Undefined.Value);
                    next++;
                }
                continue;
            }
            foreach (var single in group)
            {
                var value = arguments[next++];
                validated.Add(parameter.Array && single != 'm' ? AsArray(value, single, group, parameter.ItemType, p) : value);
            }
        }
        return validated;
    }

    private static JsonArray AsArray(object? value, char single, string group, char? itemType, int index)
    {
        var ok = itemType switch
        {
            null => true,
            _ when single != 'a' => group == itemType.ToString(),
            _ => value is not JsonArray { Count: > 0 } items || (Symbol(items[0]) == itemType && items.All(i => Symbol(i) == itemType)),
        };
        if (!ok)
        {
            throw new JsonataException($"T0412: Argument {index + 1} of function must be an array of {TypeName(itemType!.Value)}");
        }
        return value as JsonArray ?? new JsonArray(JsonValues.Clone(value as JsonNode));
    }

    private JsonataException Mismatch(string supplied)
    {
        // As jsonata finds it: the argument after the longest prefix the parameters match.
        var partial = new StringBuilder("^");
        var goodTo = 0;
        foreach (var parameter in _parameters)
        {
            partial.Append(parameter.Regex);
            var prefix = Regex.Match(supplied, partial.ToString(), RegexOptions.CultureInvariant);
            if (!prefix.Success)
            {
                break;
            }
            goodTo = prefix.Length;
        }
        return new JsonataException($"T0410: Argument {goodTo + 1} of function does not match function signature");
    }

    /// <summary>The type letter of a value, as jsonata's signatures name types.</summary>
    public static char Symbol(object? value) => value switch
    {
        Undefined => 'm',
        JsonataFunction => 'f',
        null => 'l',
        JsonArray => 'a',
        JsonObject => 'o',
        JsonNode node => node.GetValueKind() switch
        {
            JsonValueKind.String => 's',
            JsonValueKind.Number => 'n',
            _ => 'b',
        },
        _ => 'm',
    };

    private static string TypeName(char symbol) => symbol switch
    {
        's' => "strings",
        'n' => "numbers",
        'b' => "booleans",
        'o' => "objects",
        'a' => "arrays",
        _ => "values",
    };
}
