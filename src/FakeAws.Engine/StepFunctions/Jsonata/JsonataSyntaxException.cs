using System.Globalization;
using System.Text;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// An expression jsonata 2.0.6 does not parse: its error code (<c>S0202</c>) and its message
/// (<c>Expected "]", got ","</c>), which AWS reports as INVALID_JSONATA_EXPRESSION.
/// </summary>
internal sealed class JsonataSyntaxException(string code, string message) : FormatException(message)
{
    /// <summary>jsonata's code, S0101 to S0402.</summary>
    public string Code { get; } = code;

    /// <summary>The field of the state that holds the expression (<c>Output/v</c>), once the template knows it.</summary>
    public string? Field { get; init; }

    /// <summary>The error <paramref name="code"/> with jsonata's message, its <c>{{token}}</c> and <c>{{value}}</c> written as JSON.stringify writes them.</summary>
    public static JsonataSyntaxException Create(string code, object? token = null, object? value = null)
    {
        var message = Messages[code].Replace("{{token}}", Stringify(token), StringComparison.Ordinal).Replace("{{value}}", Stringify(value), StringComparison.Ordinal);
        return new JsonataSyntaxException(code, message);
    }

    private static readonly Dictionary<string, string> Messages = new()
    {
        ["S0101"] = "String literal must be terminated by a matching quote",
        ["S0102"] = "Number out of range: {{token}}",
        ["S0103"] = "Unsupported escape sequence: \\{{token}}",
        ["S0104"] = "The escape sequence \\u must be followed by 4 hex digits",
        ["S0105"] = "Quoted property name must be terminated with a backquote (`)",
        ["S0106"] = "Comment has no closing tag",
        ["S0201"] = "Syntax error: {{token}}",
        ["S0202"] = "Expected {{value}}, got {{token}}",
        ["S0203"] = "Expected {{value}} before end of expression",
        ["S0204"] = "Unknown operator: {{token}}",
        ["S0207"] = "Unexpected end of expression",
        ["S0208"] = "Parameter {{value}} of function definition must be a variable name (start with $)",
        ["S0209"] = "A predicate cannot follow a grouping expression in a step",
        ["S0210"] = "Each step can only have one grouping expression",
        ["S0211"] = "The symbol {{token}} cannot be used as a unary operator",
        ["S0212"] = "The left side of := must be a variable name (start with $)",
        ["S0213"] = "The literal value {{value}} cannot be used as a step within a path expression",
        ["S0214"] = "The right side of {{token}} must be a variable name (start with $)",
        ["S0215"] = "A context variable binding must precede any predicates on a step",
        ["S0216"] = "A context variable binding must precede the 'order-by' clause on a step",
        ["S0217"] = "The object representing the 'parent' cannot be derived from this expression",
        ["S0301"] = "Empty regular expressions are not allowed",
        ["S0302"] = "No terminating / in regular expression",
        ["S0401"] = "Type parameters can only be applied to functions and arrays",
        ["S0402"] = "Choice groups containing parameterized types are not supported",
    };

    /// <summary>A token's value as JavaScript's JSON.stringify writes it (a regular expression is <c>{}</c>).</summary>
    private static string Stringify(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => JsonataValues.JavaScriptText(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s => Quote(s),
        JsonataLexer.RegexLiteral => "{}",
        _ => "undefined",
    };

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }
}
